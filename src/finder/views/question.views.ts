import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, dateInput, radios, textField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import type { Question } from '../finder.questions.ts';

export interface QuestionView {
  readonly question: Question;
  /** What the answer fields hold (typed, or answered before) and why the last answer was refused. */
  readonly form: FormView;
  readonly action: string;
  readonly backHref: string;
  readonly childCount: number;
  readonly step: number;
  readonly steps: number;
}

// The error summary links to the first input of the refused field.
const ANCHORS = { date: 'date-day' };

function heading(view: QuestionView): SafeHtml {
  return html`<h1>${view.form.t.t(`finder.q.${view.question.id}.title`)}</h1>`;
}

function hint(view: QuestionView): string {
  return view.form.t.t(`finder.q.${view.question.id}.hint`);
}

function ages(view: QuestionView): SafeHtml {
  const { form } = view;
  return html`<fieldset><legend>${heading(view)}</legend>
<p class="hint">${hint(view)}</p>
${Array.from({ length: view.childCount }, (_, i) => textField(form, `age${i}`, { label: form.t.t('finder.childAge', { number: i + 1 }), inputmode: 'numeric', width: 'xs', autocomplete: 'off' }))}
</fieldset>`;
}

function field(view: QuestionView): SafeHtml {
  const { form, question: q } = view;
  const { t } = form;
  const label = html`<h1><label for="answer">${t.t(`finder.q.${q.id}.title`)}</label></h1>`;
  switch (q.kind) {
    case 'radios':
      return radios(form, 'answer', {
        legend: heading(view),
        hint: hint(view),
        choices: (q.options ?? []).map((option) => ({
          value: option,
          label: t.t(`finder.q.${q.id}.options.${option}`),
        })),
      });
    case 'date':
      return dateInput(form, 'date', { legend: heading(view), hint: hint(view), prefix: '' });
    case 'ages':
      return ages(view);
    case 'money':
      return textField(form, 'answer', {
        labelHtml: label,
        hint: hint(view),
        inputmode: 'decimal',
        width: 'md',
        prefix: '$',
        autocomplete: 'off',
      });
    default:
      return textField(form, 'answer', {
        labelHtml: label,
        hint: hint(view),
        inputmode: 'numeric',
        width: 'xs',
        autocomplete: 'off',
      });
  }
}

export function questionPage(view: QuestionView): Page {
  const { t } = view.form;
  return {
    title: t.t(`finder.q.${view.question.id}.title`),
    hasErrors: hasErrors(view.form),
    body: html`<p><a class="back-link" href="${view.backHref}">${t.t('common.back')}</a></p>
${errorSummary(view.form, ANCHORS)}
<p class="step">${t.t('finder.step', { step: view.step, steps: view.steps })}</p>
<form method="post" action="${view.action}" novalidate>
${csrfField(view.form.csrf)}
${field(view)}
<button type="submit" class="button button-primary">${t.t('common.continue')}</button>
</form>
<p class="meta">${t.t('finder.privacyNote')}</p>`,
  };
}
