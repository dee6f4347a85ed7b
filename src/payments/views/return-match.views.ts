import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, radios, textArea, textField } from '../../platform/forms/fields.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { paymentReturnsPaths } from '../payment-returns.paths.ts';
import type { CandidatePayment, HeldReturn } from '../returns/return-match.service.ts';
import type { ProgrammeName } from './runs.views.ts';

const k = (t: Translator, key: string, values?: Record<string, string>) =>
  t.t(`payment-returns.match.${key}`, values);

export interface MatchPageData {
  readonly held: HeldReturn;
  readonly programmes: readonly ProgrammeName[];
  /** The search (GET) with its values and errors; the proposal (POST) with what a refusal kept. */
  readonly search: FormView;
  readonly proposal: FormView;
  readonly candidates: readonly CandidatePayment[] | null;
  readonly staffId: string;
  /** The display name of whoever proposed the match (null when none is proposed or the account is gone). */
  readonly proposerName: string | null;
  readonly canPropose: boolean;
  readonly canConfirm: boolean;
}

const REASON_MAX = 500;

function paymentText(t: Translator, p: CandidatePayment, programmes: readonly ProgrammeName[]): string {
  const programme = programmes.find((q) => q.id === p.programmeId)?.name[t.lang] ?? p.programmeId;
  return k(t, 'paymentLine', {
    reference: p.reference,
    amount: t.money(p.amountCents),
    date: t.date(p.payDate),
    programme,
    period: t.month(p.period),
    account: p.accountLast3 ? `***${p.accountLast3}` : '—',
  });
}

function returnSummary(t: Translator, held: HeldReturn): SafeHtml {
  const reason = t.has(`payment-returns.reasons.${held.reason}`)
    ? t.t(`payment-returns.reasons.${held.reason}`)
    : held.reason;
  return html`<dl class="summary-list">
<div><dt>${t.t('payment-returns.items.reference')}</dt><dd><code>${held.reference}</code></dd></div>
<div><dt>${t.t('payment-returns.items.amount')}</dt><dd>${t.money(held.amountCents)}</dd></div>
<div><dt>${t.t('payment-returns.items.returnedOn')}</dt><dd>${t.date(held.returnedOn)}</dd></div>
<div><dt>${t.t('payment-returns.items.reason')}</dt><dd>${reason} (${held.bankReasonCode})</dd></div></dl>`;
}

function proposalSection(t: Translator, data: MatchPageData): SafeHtml {
  const proposal = data.held.proposal;
  if (!proposal) return html``;
  const own = proposal.proposedBy === data.staffId;
  const action = (path: BilingualPath, label: string, style: string) =>
    html`<form method="post" action="${pathFor(path, t.lang, { returnId: data.held.id })}" class="inline-form">${csrfField(data.proposal.csrf)}<button type="submit" class="button ${style}">${label}</button></form>`;
  return html`<h2>${k(t, 'proposedTitle')}</h2>
<dl class="summary-list">
<div><dt>${k(t, 'payment')}</dt><dd>${paymentText(t, proposal.payment, data.programmes)}</dd></div>
<div><dt>${k(t, 'proposedBy')}</dt><dd>${data.proposerName ?? k(t, 'unknownStaff')}</dd></div>
<div><dt>${t.t('payment-returns.fields.matchReason')}</dt><dd>${proposal.reason}</dd></div></dl>
${
  own || !data.canConfirm
    ? html`<p>${k(t, 'waitingForOther')}</p>`
    : html`<p>${k(t, 'confirmWhat')}</p>
${action(paymentReturnsPaths.matchConfirm, k(t, 'confirm'), 'button-primary')}
${action(paymentReturnsPaths.matchReject, k(t, 'reject'), 'button-secondary')}`
}`;
}

const SEARCH_FIELDS = ['matchAmount', 'matchFrom', 'matchTo', 'matchReference'] as const;

/** The search the proposal was made from, so that a refused proposal comes back to the same payments. */
function searchFields(search: FormView): SafeHtml {
  return html`${SEARCH_FIELDS.map((name) => {
    const value = search.values[name];
    return typeof value === 'string' && value !== ''
      ? html`<input type="hidden" name="${name}" value="${value}">`
      : '';
  })}`;
}

function searchSection(t: Translator, data: MatchPageData): SafeHtml {
  const { search, proposal, candidates } = data;
  const here = pathFor(paymentReturnsPaths.match, t.lang, { returnId: data.held.id });
  const results =
    candidates === null
      ? html``
      : candidates.length === 0
        ? html`<p>${k(t, 'noCandidates')}</p>`
        : html`<form method="post" action="${here}" novalidate>${csrfField(proposal.csrf)}${searchFields(search)}
${radios(proposal, 'payment', {
  legend: k(t, 'candidatesLegend', { count: t.number(candidates.length) }),
  choices: candidates.map((p) => ({ value: p.id, label: paymentText(t, p, data.programmes) })),
})}
${textArea(proposal, 'matchReason', { rows: 3, maxLength: REASON_MAX, hint: k(t, 'reasonHint') })}
<button type="submit" class="button button-primary">${k(t, 'propose')}</button></form>`;
  return html`<h2>${k(t, 'searchTitle')}</h2><p>${k(t, 'searchWhat')}</p>
<form method="get" action="${here}" novalidate>
${textField(search, 'matchAmount', { width: 'sm', inputmode: 'decimal', prefix: '$' })}
${textField(search, 'matchFrom', { width: 'md', hint: k(t, 'dateHint') })}
${textField(search, 'matchTo', { width: 'md', hint: k(t, 'dateHint') })}
${textField(search, 'matchReference', { width: 'md', hint: k(t, 'referenceHint'), spellcheck: false })}
<button type="submit" class="button button-secondary">${k(t, 'search')}</button></form>
${results}`;
}

export function matchPage(t: Translator, data: MatchPageData, staffHome: BilingualPath): Page {
  const title = k(t, 'title', { reference: data.held.reference });
  const errors = { ...data.search.errors, ...data.proposal.errors };
  const body =
    data.held.status !== 'held'
      ? html`<p>${k(t, 'notHeld')}</p>`
      : data.held.proposal
        ? proposalSection(t, data)
        : data.canPropose
          ? searchSection(t, data)
          : html`<p>${k(t, 'noProposalYet')}</p>`;
  return {
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      { href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
      { href: pathFor(paymentReturnsPaths.followUp, t.lang), label: t.t('payment-returns.followUp.title') },
    ],
    body: html`${errorSummary({ ...data.proposal, errors })}<h1>${title}</h1><p>${k(t, 'intro')}</p>
${returnSummary(t, data.held)}
${body}`,
  };
}

/** `names`: staff display names by id, to say who proposed each match. */
export function matchesPage(
  t: Translator,
  proposed: readonly HeldReturn[],
  names: ReadonlyMap<string, string>,
  staffHome: BilingualPath,
): Page {
  const proposer = (held: HeldReturn) =>
    held.proposal ? (names.get(held.proposal.proposedBy) ?? k(t, 'unknownStaff')) : '';
  const title = k(t, 'list.title');
  const row = (held: HeldReturn) => html`<tr>
<td data-label="${t.t('payment-returns.items.reference')}"><code>${held.reference}</code></td>
<td data-label="${t.t('payment-returns.items.amount')}">${t.money(held.amountCents)}</td>
<td data-label="${t.t('payment-returns.items.returnedOn')}">${t.date(held.returnedOn)}</td>
<td data-label="${k(t, 'proposedBy')}">${proposer(held)}</td>
<td data-label="${t.t('payment-returns.followUp.action')}"><a href="${pathFor(paymentReturnsPaths.match, t.lang, { returnId: held.id })}">${k(t, 'list.review')}<span class="visually-hidden"> ${held.reference}</span></a></td></tr>`;
  return {
    title,
    breadcrumbs: [{ href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${title}</h1>
${
  proposed.length === 0
    ? html`<p>${k(t, 'list.none')}</p>`
    : html`<table class="responsive"><caption>${k(t, 'list.caption')}</caption>
<thead><tr><th scope="col">${t.t('payment-returns.items.reference')}</th><th scope="col">${t.t('payment-returns.items.amount')}</th><th scope="col">${t.t('payment-returns.items.returnedOn')}</th><th scope="col">${k(t, 'proposedBy')}</th><th scope="col">${t.t('payment-returns.followUp.action')}</th></tr></thead>
<tbody>${proposed.map(row)}</tbody></table>`
}`,
  };
}
