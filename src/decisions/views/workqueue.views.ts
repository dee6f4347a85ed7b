import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { checkboxes, csrfField, radios, textArea } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { scrollingTable } from '../../platform/views/table.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { CaseRow } from '../decisions.repository.ts';
import { decisionsPaths } from '../decisions.paths.ts';
import type { Adjudicator } from '../decisions.types.ts';
import type { OutcomeReport } from '../outcomes.ts';
import { OUTCOME_DIMENSIONS } from '../outcomes.ts';
import { DECISION_REASONS } from '../workqueue.service.ts';
import type { CaseView } from '../workqueue.service.ts';
import { isoDateOf } from '../dates.ts';
import type { Crumb, Names } from './benefits.views.ts';

export interface QueueView {
  readonly cases: readonly CaseRow[];
  readonly programmes: readonly string[];
  readonly selected: string | null;
  readonly today: string;
  readonly staffId: string;
  readonly names: Names;
  readonly crumbs: readonly Crumb[];
  /** The supervisor's page: a choice of adjudicator on each row. */
  readonly assign?: { readonly csrf: string; readonly adjudicators: readonly Adjudicator[] };
}

const days = (from: Date, today: string) =>
  Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - from.getTime()) / 86_400_000) + 1);

function assignCell(t: Translator, view: QueueView, c: CaseRow): SafeHtml {
  if (!view.assign) return html``;
  return html`<td><form method="post" action="${pathFor(decisionsPaths.assign, t.lang, { caseId: c.id })}">${csrfField(view.assign.csrf)}<label class="visually-hidden" for="a-${c.id}">${t.t('decisions.queue.adjudicator')}</label><select id="a-${c.id}" name="adjudicator">${view.assign.adjudicators.map((a) => html`<option value="${a.id}"${a.id === c.assigned_to ? html` selected` : ''}>${a.name}</option>`)}</select> <button class="button button-secondary" type="submit">${t.t('decisions.queue.assign')}</button></form></td>`;
}

function row(t: Translator, view: QueueView, c: CaseRow): SafeHtml {
  const late = isoDateOf(c.due_on) < view.today && c.status !== 'information-requested';
  const who =
    c.assigned_to === null
      ? t.t('decisions.queue.nobody')
      : c.assigned_to === view.staffId
        ? t.t('decisions.queue.you')
        : c.assigned_to.slice(0, 8);
  const ref = view.assign
    ? html`${c.reference}`
    : html`<a href="${pathFor(decisionsPaths.case, t.lang, { caseId: c.id })}">${c.reference}</a>`;
  const kind =
    c.review_key === null ? '' : html` <span class="label">${t.t('decisions.queue.review')}</span>`;
  return html`<tr><th scope="row">${ref}${kind}</th><td>${view.names(c.programme_id)}</td><td>${String(c.impact_level)}</td><td>${c.recommendation ? t.t(`decisions.recommendation.${c.recommendation}`) : ''}</td><td>${t.number(days(c.submitted_at, view.today))}</td><td>${t.date(isoDateOf(c.due_on))}${late ? html` <strong class="label label-danger">${t.t('decisions.queue.overdue')}</strong>` : ''}</td><td>${t.t(`decisions.status.${c.status}`)}</td><td>${who}</td>${assignCell(t, view, c)}</tr>`;
}

export function queuePage(t: Translator, view: QueueView): Page {
  const title = t.t(view.assign ? 'decisions.queue.assignTitle' : 'decisions.queue.title');
  const action = pathFor(view.assign ? decisionsPaths.assignQueue : decisionsPaths.queue, t.lang);
  return {
    title,
    breadcrumbs: view.crumbs,
    body: html`<h1>${title}</h1><p class="lead">${t.t('decisions.queue.lead')}</p>
<form method="get" action="${action}"><label for="programme">${t.t('decisions.queue.programme')}</label> <select id="programme" name="programme"><option value="">${t.t('decisions.queue.all')}</option>${view.programmes.map((p) => html`<option value="${p}"${p === view.selected ? html` selected` : ''}>${view.names(p)}</option>`)}</select> <button class="button button-secondary" type="submit">${t.t('decisions.queue.filter')}</button></form>
${view.cases.length === 0 ? html`<p>${t.t('decisions.queue.none')}</p>` : html`<table class="table"><caption>${t.t('decisions.queue.caption')}</caption><thead><tr><th scope="col">${t.t('decisions.queue.reference')}</th><th scope="col">${t.t('decisions.queue.programme')}</th><th scope="col">${t.t('decisions.queue.level')}</th><th scope="col">${t.t('decisions.queue.recommendation')}</th><th scope="col">${t.t('decisions.queue.age')}</th><th scope="col">${t.t('decisions.queue.due')}</th><th scope="col">${t.t('decisions.queue.status')}</th><th scope="col">${t.t('decisions.queue.assignedTo')}</th>${view.assign ? html`<th scope="col">${t.t('decisions.queue.assign')}</th>` : ''}</tr></thead><tbody>${view.cases.map((c) => row(t, view, c))}</tbody></table>`}`,
  };
}

function button(
  t: Translator,
  csrf: string,
  path: typeof decisionsPaths.take,
  caseId: string,
  label: string,
): SafeHtml {
  return html`<form method="post" action="${pathFor(path, t.lang, { caseId })}">${csrfField(csrf)}<button class="button button-secondary" type="submit">${label}</button></form>`;
}

function decideForm(form: FormView, caseId: string): SafeHtml {
  const t = form.t;
  return html`<h2>${t.t('decisions.case.decideTitle')}</h2>${errorSummary(form)}
<form method="post" action="${pathFor(decisionsPaths.decide, t.lang, { caseId })}" novalidate>${csrfField(form.csrf)}
${radios(form, 'outcome', {
  legend: t.t('decisions.fields.outcome'),
  choices: [
    { value: 'approved', label: t.t('decisions.outcome.approved') },
    { value: 'refused', label: t.t('decisions.outcome.refused') },
  ],
})}
${checkboxes(form, 'reasons', { legend: t.t('decisions.fields.reasons'), choices: DECISION_REASONS.map((r) => ({ value: r, label: t.t(`decisions.reasons.${r}`) })) })}
${textArea(form, 'note', { maxLength: 2000, rows: 4 })}
${textArea(form, 'justification', { maxLength: 2000, rows: 4, hint: t.t('decisions.hints.justification') })}
<button class="button button-primary" type="submit">${t.t('decisions.case.submit')}</button></form>`;
}

/** A review opened by a change of circumstance: what changed, why a person decides, and from when. */
function reviewRows(t: Translator, kase: CaseRow): SafeHtml {
  if (kase.review_key === null) return html``;
  const kind = kase.review_kind ?? '';
  const cause = t.has(`decisions.review.kinds.${kind}`) ? t.t(`decisions.review.kinds.${kind}`) : kind;
  return html`<div><dt>${t.t('decisions.case.cause')}</dt><dd>${cause}</dd></div><div><dt>${t.t('decisions.case.reviewReason')}</dt><dd>${kase.review_reason ? t.t(`decisions.review.reasons.${kase.review_reason}`) : ''}</dd></div>${kase.effective_on === null ? '' : html`<div><dt>${t.t('decisions.case.reviewFrom')}</dt><dd>${t.date(isoDateOf(kase.effective_on))}</dd></div>`}`;
}

export function casePage(
  form: FormView,
  view: CaseView,
  staffId: string,
  names: Names,
  crumbs: readonly Crumb[],
): Page {
  const t = form.t;
  const { kase } = view;
  const title = t.t('decisions.case.title', { reference: kase.reference });
  const mine = kase.assigned_to === staffId;
  const actions: SafeHtml[] = [];
  if (kase.status === 'queued')
    actions.push(button(t, form.csrf, decisionsPaths.take, kase.id, t.t('decisions.case.take')));
  if (mine && kase.status === 'assigned')
    actions.push(
      button(
        t,
        form.csrf,
        decisionsPaths.requestInformation,
        kase.id,
        t.t('decisions.case.requestInformation'),
      ),
    );
  if (mine && kase.status === 'information-requested')
    actions.push(
      button(
        t,
        form.csrf,
        decisionsPaths.informationReceived,
        kase.id,
        t.t('decisions.case.informationReceived'),
      ),
    );
  if (kase.status === 'awaiting-approval')
    actions.push(button(t, form.csrf, decisionsPaths.approve, kase.id, t.t('decisions.case.approve')));
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1>
<dl class="summary-list"><div><dt>${t.t('decisions.queue.programme')}</dt><dd>${names(kase.programme_id)}</dd></div><div><dt>${t.t('decisions.queue.level')}</dt><dd>${String(kase.impact_level)}</dd></div><div><dt>${t.t('decisions.queue.status')}</dt><dd>${t.t(`decisions.status.${kase.status}`)}</dd></div><div><dt>${t.t('decisions.queue.due')}</dt><dd>${t.date(isoDateOf(kase.due_on))}</dd></div><div><dt>${t.t('decisions.queue.recommendation')}</dt><dd>${kase.recommendation ? t.t(`decisions.recommendation.${kase.recommendation}`) : ''}</dd></div>${reviewRows(t, kase)}</dl>
${kase.assigned_to && !mine && kase.status !== 'awaiting-approval' ? html`<p>${t.t('decisions.case.notYours')}</p>` : ''}
${actions}
<h2>${t.t('decisions.case.history')}</h2>
<ul>${view.decisions.map(({ row: d, record }) => html`<li>${t.t(`decisions.case.kind.${d.kind}`)}: ${t.t(`decisions.outcome.${d.outcome}`)}${d.amount_cents !== null ? html` - ${t.money(Number(d.amount_cents))}` : ''}${d.override ? html` - ${t.t('decisions.case.override')}` : ''}${d.approval === 'pending' ? html` - ${t.t('decisions.case.pending')}` : ''}${d.approval === 'approved' ? html` - ${t.t('decisions.case.approvedBy')}` : ''} <span class="meta">(${(record.result?.reasons ?? record.reasons).join(', ')}; ${d.rules_commit.slice(0, 12)} / ${d.parameters_hash.slice(0, 12)})</span>${record.justification ? html`<br>${record.justification}` : ''}</li>`)}</ul>
<details><summary>${t.t('decisions.case.facts')}</summary><pre>${JSON.stringify(view.facts, null, 2)}</pre></details>
${mine && kase.status === 'assigned' ? decideForm(form, kase.id) : ''}`,
  };
}

export function outcomesPage(
  t: Translator,
  report: OutcomeReport,
  names: Names,
  crumbs: readonly Crumb[],
): Page {
  const title = t.t('decisions.outcomes.title');
  // Codes (a channel, an age band, a language) are never shown as they are stored: each has words in both languages.
  const label = (dimension: string, group: string) => {
    if (dimension === 'programme') return names(group);
    const key = `decisions.outcomes.groups.${dimension}.${group}`;
    return t.has(key) ? t.t(key) : group;
  };
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1><p class="lead">${t.t('decisions.outcomes.lead')}</p>
${OUTCOME_DIMENSIONS.map((dimension) => scrollingTable(`outcomes-${dimension}`, html`<table class="table"><caption id="outcomes-${dimension}">${t.t(`decisions.outcomes.dimension.${dimension}`)}</caption><thead><tr><th scope="col">${t.t('decisions.outcomes.group')}</th><th scope="col">${t.t('decisions.outcomes.decided')}</th><th scope="col">${t.t('decisions.outcomes.approved')}</th><th scope="col">${t.t('decisions.outcomes.rate')}</th><th scope="col">${t.t('decisions.outcomes.median')}</th><th scope="col">${t.t('decisions.outcomes.p90')}</th></tr></thead><tbody>${report[dimension].length === 0 ? html`<tr><td colspan="6">${t.t('decisions.outcomes.none')}</td></tr>` : report[dimension].map((g) => html`<tr><th scope="row">${label(dimension, g.group)}</th><td>${t.number(g.decided)}</td><td>${t.number(g.approved)}</td><td>${t.number(Math.round(g.approvalRate * 1000) / 10)} %</td><td>${t.number(g.medianDays)}</td><td>${t.number(g.p90Days)}</td></tr>`)}</tbody></table>`))}`,
  };
}
