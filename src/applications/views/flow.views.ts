import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, dateInput, radios, summaryRow, textField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import type { FlowPaths } from '../applications.paths.ts';
import type { OpenApplication } from '../applications.service.ts';
import {
  mergedFacts,
  prefilledQuestions,
  questionsToAsk,
  requiredEvidence,
  sectionStatuses,
} from '../form-flow.ts';
import type { AskedQuestion } from '../form-flow.ts';
import { displayAnswer, questionLabel } from './answers.views.ts';

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

/** What every page of one application needs: the application, its paths, the programme's name, the trail. */
export interface FlowView {
  readonly app: OpenApplication;
  readonly paths: FlowPaths;
  readonly programmeName: string;
  readonly crumbs: readonly Crumb[];
  /** Staff see whose application it is. */
  readonly forWhom: string | null;
}

const at = (flow: FlowView, path: keyof FlowPaths, t: Translator, extra: Record<string, string> = {}) =>
  pathFor(flow.paths[path], t.lang, { applicationId: flow.app.id, ...extra });

function header(t: Translator, flow: FlowView): SafeHtml {
  return html`<p class="meta">${flow.forWhom ? html`${t.t('applications.forWhom', { name: flow.forWhom })} · ` : ''}${t.t('applications.referenceLine', { reference: flow.app.reference })}</p>`;
}

function draftNotice(t: Translator, flow: FlowView): SafeHtml | '' {
  if (!flow.app.expiresAt) return '';
  return html`<div class="notice"><p>${t.t('applications.draftKept', { date: t.date(flow.app.expiresAt) })}</p></div>`;
}

function automatedNotice(t: Translator): SafeHtml {
  return html`<p>${t.t('applications.automatedNotice')}</p>`;
}

export function taskListPage(t: Translator, flow: FlowView): Page {
  const { app } = flow;
  const title = t.t('applications.taskList.title', { programme: flow.programmeName });
  const sections = sectionStatuses(app.form, app.record.facts, app.draft, app.channel);
  const facts = mergedFacts(app.record.facts, app.draft);
  const evidence = requiredEvidence(app.form, facts, app.channel);
  const prefilled = prefilledQuestions(app.form, app.record.facts, app.draft, app.channel);
  const status = (key: string) =>
    html`<strong class="badge">${t.t(`applications.taskList.status.${key}`)}</strong>`;
  const item = (label: string, href: string | null, state: string) =>
    html`<li class="task">${href ? html`<a href="${href}">${label}</a>` : label} ${status(state)}</li>`;
  return {
    title,
    breadcrumbs: flow.crumbs,
    body: html`<h1>${title}</h1>${header(t, flow)}${draftNotice(t, flow)}
<p>${t.t('applications.taskList.intro')}</p>${automatedNotice(t)}
<ol class="task-list">
${prefilled.length > 0 ? item(t.t('applications.confirm.title'), at(flow, 'confirmRecord', t), app.draft.confirmed ? 'completed' : 'not-started') : ''}
${sections
  .filter((entry) => entry.questions > 0)
  .map((entry) =>
    item(
      entry.section.title[t.lang],
      entry.firstKey ? at(flow, 'question', t, { question: entry.firstKey }) : null,
      entry.status,
    ),
  )}
${evidence.length > 0 ? item(t.t('applications.evidence.title'), at(flow, 'evidence', t), evidence.every((e) => !e.required || app.evidence.some((u) => u.kind === e.id)) ? 'completed' : 'not-started') : ''}
${item(t.t('applications.check.title'), at(flow, 'check', t), 'not-started')}
</ol>`,
  };
}

export function confirmRecordPage(form: FormView, flow: FlowView): Page {
  const { t } = form;
  const { app } = flow;
  const title = t.t('applications.confirm.title');
  const rows = prefilledQuestions(app.form, app.record.facts, app.draft, app.channel);
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: flow.crumbs,
    body: html`${errorSummary(form)}<h1>${title}</h1>${header(t, flow)}
<p>${t.t('applications.confirm.intro')}</p>
<dl class="summary-list">${summaryRow(t.t('applications.confirm.name'), `${app.record.givenName} ${app.record.familyName}`)}${summaryRow(t.t('applications.confirm.birthDate'), t.date(app.record.birthDate))}
${rows.map((question) => summaryRow(questionLabel(question, t.lang), displayAnswer(t, question.definition, app.record.facts[question.key])))}</dl>
<form method="post" action="${at(flow, 'confirmRecord', t)}" novalidate>${csrfField(form.csrf)}
${radios(form, 'confirmed', {
  legend: t.t('applications.confirm.question'),
  hint: t.t('applications.confirm.hint'),
  choices: [
    { value: 'yes', label: t.t('applications.confirm.yes') },
    { value: 'no', label: t.t('applications.confirm.no') },
  ],
})}
<button type="submit" class="button button-primary">${t.t('applications.continue')}</button></form>`,
  };
}

function answerField(form: FormView, question: AskedQuestion): SafeHtml {
  const { t } = form;
  const label = questionLabel(question, t.lang);
  const legend = html`<h1 class="question">${label}</h1>`;
  const hint = question.definition.hint?.[t.lang];
  const definition = question.definition;
  if (definition.type === 'date') return dateInput(form, 'answer', { legend, ...(hint ? { hint } : {}) });
  if (definition.type === 'yes-no' || definition.type === 'choice') {
    const choices =
      definition.type === 'yes-no'
        ? [
            { value: 'yes', label: t.t('applications.yes') },
            { value: 'no', label: t.t('applications.no') },
          ]
        : (definition.choices ?? []).map((choice) => ({ value: choice.value, label: choice.label[t.lang] }));
    return radios(form, 'answer', { legend, choices, ...(hint ? { hint } : {}) });
  }
  const money = definition.type === 'money';
  return textField(form, 'answer', {
    labelHtml: html`<h1 class="question"><label for="answer">${label}</label></h1>`,
    ...(hint ? { hint } : {}),
    inputmode: money ? 'decimal' : 'numeric',
    width: money ? 'md' : 'sm',
    spellcheck: false,
    ...(money ? { prefix: '$' } : {}),
  });
}

export function questionPage(
  form: FormView,
  flow: FlowView,
  question: AskedQuestion,
  backHref: string,
): Page {
  const { t } = form;
  const { app } = flow;
  const asked = questionsToAsk(app.form, app.record.facts, app.draft, app.channel);
  const step = asked.findIndex((entry) => entry.key === question.key) + 1;
  const anchors: Record<string, string> = question.definition.type === 'date' ? { answer: 'answer-day' } : {};
  return {
    title: questionLabel(question, t.lang),
    hasErrors: hasErrors(form),
    breadcrumbs: flow.crumbs,
    body: html`<p><a class="back-link" href="${backHref}">${t.t('applications.back')}</a></p>${errorSummary(form, anchors)}
<p class="meta">${t.t('applications.questionOf', { step: String(step), steps: String(asked.length) })} · ${app.form.sections.find((s) => s.id === question.definition.section)?.title[t.lang] ?? ''}</p>
<form method="post" action="${at(flow, 'question', t, { question: question.key })}" novalidate>${csrfField(form.csrf)}
${answerField(form, question)}
<button type="submit" class="button button-primary">${t.t('applications.continue')}</button></form>
<p><a href="${at(flow, 'application', t)}">${t.t('applications.saveLater')}</a></p>`,
  };
}

export function evidencePage(form: FormView, flow: FlowView, maxMegabytes: number): Page {
  const { t } = form;
  const { app } = flow;
  const title = t.t('applications.evidence.title');
  const needed = requiredEvidence(app.form, mergedFacts(app.record.facts, app.draft), app.channel);
  const uploaded = (kind: string) => app.evidence.filter((item) => item.kind === kind);
  const kindError = form.errors.file;
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: flow.crumbs,
    body: html`${errorSummary(form)}<h1>${title}</h1>${header(t, flow)}
<p>${t.t('applications.evidence.intro', { max: String(maxMegabytes) })}</p>
${needed.map(
  (
    evidence,
  ) => html`<section class="evidence-item"><h2>${evidence.label[t.lang]}${evidence.required ? '' : html` <span class="meta">(${t.t('applications.optional')})</span>`}</h2>
${uploaded(evidence.id).length > 0 ? html`<ul>${uploaded(evidence.id).map((item) => html`<li><a href="${at(flow, 'evidenceFile', t, { evidenceId: item.id })}">${item.name}</a> (${t.t('applications.evidence.size', { kb: String(Math.ceil(item.sizeBytes / 1024)) })})</li>`)}</ul>` : html`<p>${t.t('applications.evidence.none')}</p>`}
<form method="post" action="${at(flow, 'evidence', t)}" enctype="multipart/form-data" novalidate>${csrfField(form.csrf)}<input type="hidden" name="kind" value="${evidence.id}">
<div class="form-group${kindError && form.values.kind === evidence.id ? ' has-error' : ''}"><label for="file-${evidence.id}">${t.t('applications.evidence.choose')}</label>
<span class="hint" id="file-${evidence.id}-hint">${t.t('applications.evidence.hint')}</span>
<input type="file" id="file-${evidence.id}" name="file" accept="application/pdf,image/jpeg,image/png" aria-describedby="file-${evidence.id}-hint"></div>
<button type="submit" class="button button-secondary">${t.t('applications.evidence.upload')}</button></form></section>`,
)}
<p><a class="button button-primary" href="${at(flow, 'check', t)}">${t.t('applications.continue')}</a></p>`,
  };
}

export function checkPage(form: FormView, flow: FlowView, staff: boolean): Page {
  const { t } = form;
  const { app } = flow;
  const title = t.t('applications.check.title');
  const record = prefilledQuestions(app.form, app.record.facts, app.draft, app.channel).filter(
    (question) => app.draft.confirmed === 'yes' || app.draft.answers[question.key] === undefined,
  );
  const asked = questionsToAsk(app.form, app.record.facts, app.draft, app.channel);
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: flow.crumbs,
    body: html`${errorSummary(form)}<h1>${title}</h1>${header(t, flow)}
${record.length > 0 ? html`<h2>${t.t('applications.check.fromRecord')}</h2><dl class="summary-list">${record.map((q) => summaryRow(questionLabel(q, t.lang), displayAnswer(t, q.definition, app.record.facts[q.key])))}</dl>` : ''}
<h2>${t.t('applications.check.yourAnswers')}</h2>
<dl class="summary-list">${asked.map((q) => {
      const label = questionLabel(q, t.lang);
      return html`<dt>${label}</dt><dd>${displayAnswer(t, q.definition, app.draft.answers[q.key])}</dd><dd><a href="${at(flow, 'question', t, { question: q.key })}">${t.t('applications.change')}<span class="visually-hidden"> ${label}</span></a></dd>`;
    })}</dl>
<h2>${t.t('applications.evidence.title')}</h2>
${app.evidence.length > 0 ? html`<ul>${app.evidence.map((item) => html`<li>${item.name}</li>`)}</ul>` : html`<p>${t.t('applications.evidence.none')}</p>`}
<p><a href="${at(flow, 'evidence', t)}">${t.t('applications.evidence.add')}</a></p>
<h2>${t.t('applications.check.declarationTitle')}</h2>
<form method="post" action="${at(flow, 'check', t)}" novalidate>${csrfField(form.csrf)}
<div class="form-group${form.errors.declaration ? ' has-error' : ''}"><fieldset><legend>${t.t(staff ? 'applications.check.declarationStaff' : 'applications.check.declaration')}</legend>
${form.errors.declaration ? html`<span class="error-message" id="declaration-error"><span class="visually-hidden">${t.t('validation.errorPrefix')}</span> ${t.t(`applications.errors.${form.errors.declaration}`)}</span>` : ''}
<div class="checkbox"><input type="checkbox" id="declaration" name="declaration" value="yes"><label for="declaration">${t.t('applications.check.agree')}</label></div></fieldset></div>
${automatedNotice(t)}
<button type="submit" class="button button-primary">${t.t('applications.check.submit')}</button></form>`,
  };
}

export function confirmationPage(t: Translator, flow: FlowView, homeHref: string): Page {
  const { app } = flow;
  const title = t.t('applications.done.title');
  const standard = app.form.serviceStandard?.text[t.lang];
  return {
    title,
    breadcrumbs: flow.crumbs,
    body: html`<div class="panel panel-success"><h1>${title}</h1>
<p>${t.t('applications.done.reference')}<br><strong class="reference">${app.reference}</strong></p></div>
<p>${t.t('applications.done.keep')}</p>
<h2>${t.t('applications.done.next')}</h2>
<p>${app.form.whatHappensNext?.[t.lang] ?? ''}</p>
${standard ? html`<h2>${t.t('applications.done.standard')}</h2><p>${standard}</p>` : ''}
<p>${t.t('applications.done.status', { status: t.t(`applications.status.${app.status}`) })}</p>
<p><a href="${homeHref}">${t.t('applications.done.back')}</a></p>`,
  };
}
