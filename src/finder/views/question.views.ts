import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { FinderFlash } from '../finder.state.ts';
import type { Question } from '../finder.questions.ts';

export interface QuestionView {
  readonly question: Question;
  readonly values: Readonly<Record<string, string>>;
  readonly flash: FinderFlash | undefined;
  readonly action: string;
  readonly backHref: string;
  readonly csrfToken: string;
  readonly childCount: number;
  readonly step: number;
  readonly steps: number;
}

const fieldId = (field: string) => `field-${field}`;

function errorFor(t: Translator, view: QuestionView, field: string): SafeHtml | '' {
  const error = view.flash?.errors.find((e) => e.field === field);
  return error
    ? html`<span class="error-message" id="${fieldId(field)}-error"><span class="visually-hidden">${t.t('common.errorPrefix')} </span>${t.t(`finder.errors.${error.code}`)}</span>`
    : '';
}

function describedBy(view: QuestionView, field: string, hint: boolean): string {
  const ids = [
    hint ? `${view.question.id}-hint` : '',
    view.flash?.errors.some((e) => e.field === field) ? `${fieldId(field)}-error` : '',
  ];
  return ids.filter(Boolean).join(' ');
}

function textInput(
  t: Translator,
  view: QuestionView,
  field: string,
  label: SafeHtml,
  options: { inputmode: string; width: string; hint?: boolean; prefix?: string },
): SafeHtml {
  const invalid = view.flash?.errors.some((e) => e.field === field) ?? false;
  const aria = describedBy(view, field, options.hint ?? false);
  return html`<div class="form-group${invalid ? ' has-error' : ''}">${label}${options.hint ? html`<span class="hint" id="${view.question.id}-hint">${t.t(`finder.q.${view.question.id}.hint`)}</span>` : ''}
${errorFor(t, view, field)}${options.prefix ? html`<span class="input-prefix" aria-hidden="true">${options.prefix}</span>` : ''}<input class="input-${options.width}" type="text" inputmode="${options.inputmode}" id="${fieldId(field)}" name="${field}" value="${view.values[field] ?? ''}" autocomplete="off" spellcheck="false"${aria ? html` aria-describedby="${aria}"` : ''}${invalid ? html` aria-invalid="true"` : ''}></div>`;
}

function radios(t: Translator, view: QuestionView): SafeHtml {
  const q = view.question;
  const invalid = view.flash !== undefined && view.flash.errors.length > 0;
  return html`<div class="form-group${invalid ? ' has-error' : ''}"><fieldset aria-describedby="${describedBy(view, 'answer', true)}">
<legend><h1>${t.t(`finder.q.${q.id}.title`)}</h1></legend>
<span class="hint" id="${q.id}-hint">${t.t(`finder.q.${q.id}.hint`)}</span>${errorFor(t, view, 'answer')}
${(q.options ?? []).map((option, i) => html`<div class="radio"><input type="radio" id="${i === 0 ? fieldId('answer') : `${fieldId('answer')}-${option}`}" name="answer" value="${option}"${view.values.answer === option ? html` checked` : ''}><label for="${i === 0 ? fieldId('answer') : `${fieldId('answer')}-${option}`}">${t.t(`finder.q.${q.id}.options.${option}`)}</label></div>`)}
</fieldset></div>`;
}

function dateFields(t: Translator, view: QuestionView): SafeHtml {
  const q = view.question;
  const invalid = view.flash !== undefined && view.flash.errors.length > 0;
  const part = (field: 'day' | 'month' | 'year', width: string) =>
    html`<div class="date-part"><label for="${fieldId(field)}">${t.t(`finder.date.${field}`)}</label><input class="input-${width}" type="text" inputmode="numeric" id="${fieldId(field)}" name="${field}" value="${view.values[field] ?? ''}"${field === 'year' ? '' : html` maxlength="2"`}${invalid ? html` aria-invalid="true"` : ''} autocomplete="off"></div>`;
  return html`<div class="form-group${invalid ? ' has-error' : ''}"><fieldset aria-describedby="${describedBy(view, 'day', true)}">
<legend><h1>${t.t(`finder.q.${q.id}.title`)}</h1></legend>
<span class="hint" id="${q.id}-hint">${t.t(`finder.q.${q.id}.hint`)}</span>${errorFor(t, view, 'day')}
<div class="date-input">${part('day', 'xs')}${part('month', 'xs')}${part('year', 'sm')}</div>
</fieldset></div>`;
}

function ages(t: Translator, view: QuestionView): SafeHtml {
  const q = view.question;
  return html`<fieldset><legend><h1>${t.t(`finder.q.${q.id}.title`)}</h1></legend>
<p class="hint">${t.t(`finder.q.${q.id}.hint`)}</p>
${Array.from({ length: view.childCount }, (_, i) => textInput(t, view, `age${i}`, html`<label for="${fieldId(`age${i}`)}">${t.t('finder.childAge', { number: i + 1 })}</label>`, { inputmode: 'numeric', width: 'xs' }))}
</fieldset>`;
}

function field(t: Translator, view: QuestionView): SafeHtml {
  const q = view.question;
  const heading = html`<h1><label for="${fieldId('answer')}">${t.t(`finder.q.${q.id}.title`)}</label></h1>`;
  switch (q.kind) {
    case 'radios':
      return radios(t, view);
    case 'date':
      return dateFields(t, view);
    case 'ages':
      return ages(t, view);
    case 'money':
      return textInput(t, view, 'answer', heading, {
        inputmode: 'decimal',
        width: 'md',
        hint: true,
        prefix: '$',
      });
    default:
      return textInput(t, view, 'answer', heading, { inputmode: 'numeric', width: 'xs', hint: true });
  }
}

function errorSummary(t: Translator, view: QuestionView): SafeHtml | '' {
  if (!view.flash || view.flash.errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t.t('finder.errorSummary')}</h2><ul>
${view.flash.errors.map((e) => html`<li><a href="#${fieldId(e.field)}">${t.t(`finder.errors.${e.code}`)}</a></li>`)}</ul></div>`;
}

export function questionPage(t: Translator, view: QuestionView): Page {
  return {
    title: t.t(`finder.q.${view.question.id}.title`),
    hasErrors: (view.flash?.errors.length ?? 0) > 0,
    body: html`<p><a class="back-link" href="${view.backHref}">${t.t('common.back')}</a></p>
${errorSummary(t, view)}
<p class="step">${t.t('finder.step', { step: view.step, steps: view.steps })}</p>
<form method="post" action="${view.action}" novalidate>
<input type="hidden" name="_csrf" value="${view.csrfToken}">
${field(t, view)}
<button type="submit" class="button button-primary">${t.t('common.continue')}</button>
</form>
<p class="meta">${t.t('finder.privacyNote')}</p>`,
  };
}
