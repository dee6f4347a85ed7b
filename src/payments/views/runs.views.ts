import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, selectField, textField } from '../../platform/forms/fields.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { paymentsPaths } from '../payments.paths.ts';
import { paymentReturnsPaths } from '../payment-returns.paths.ts';
import { percentDone } from '../run/run-parts.ts';
import type { RunSummary } from '../run/run-parts.ts';
import type { FileRow } from '../bank-files/bank-file.repository.ts';

export interface ProgrammeName {
  readonly id: string;
  readonly name: { en: string; fr: string };
}

const nameOf = (t: Translator, programmes: readonly ProgrammeName[], id: string) =>
  programmes.find((p) => p.id === id)?.name[t.lang] ?? id;

function crumbs(t: Translator, staffHome: BilingualPath, withRuns: boolean) {
  return [
    { href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
    ...(withRuns ? [{ href: pathFor(paymentsPaths.runs, t.lang), label: t.t('payments.runs.title') }] : []),
  ];
}

export function progressOf(t: Translator, run: RunSummary): SafeHtml {
  const percent = percentDone(run);
  return html`<p><label for="progress-${run.id}">${t.t('payments.runs.progress', { percent: String(percent) })}</label>
<progress id="progress-${run.id}" max="100" value="${String(percent)}">${String(percent)} %</progress></p>`;
}

export function runsPage(
  form: FormView | null,
  runs: readonly RunSummary[],
  programmes: readonly ProgrammeName[],
  staffHome: BilingualPath,
): Page {
  const t = form?.t;
  if (!t) throw new Error('a translator is needed');
  const title = t.t('payments.runs.title');
  const row = (run: RunSummary) => html`<tr>
<td data-label="${t.t('payments.runs.programme')}"><a href="${pathFor(paymentsPaths.run, t.lang, { runId: run.id })}">${nameOf(t, programmes, run.programmeId)}</a></td>
<td data-label="${t.t('payments.runs.period')}">${t.month(run.period)}</td>
<td data-label="${t.t('payments.runs.payDate')}">${t.date(run.payDate)}</td>
<td data-label="${t.t('payments.runs.status')}">${t.t(`payments.status.${run.status}`)}</td>
<td data-label="${t.t('payments.runs.count')}">${t.number(run.paymentCount)}</td>
<td data-label="${t.t('payments.runs.total')}">${t.money(run.totalCents)}</td></tr>`;
  return {
    title,
    hasErrors: Object.keys(form.errors).length > 0,
    breadcrumbs: crumbs(t, staffHome, false),
    body: html`${errorSummary(form)}<h1>${title}</h1><p>${t.t('payments.runs.intro')}</p>
${
  runs.length === 0
    ? html`<p>${t.t('payments.runs.none')}</p>`
    : html`<table class="responsive"><caption>${t.t('payments.runs.caption')}</caption>
<thead><tr><th scope="col">${t.t('payments.runs.programme')}</th><th scope="col">${t.t('payments.runs.period')}</th><th scope="col">${t.t('payments.runs.payDate')}</th><th scope="col">${t.t('payments.runs.status')}</th><th scope="col">${t.t('payments.runs.count')}</th><th scope="col">${t.t('payments.runs.total')}</th></tr></thead>
<tbody>${runs.map(row)}</tbody></table>`
}
<h2>${t.t('payments.runs.prepare')}</h2>
<form method="post" action="${pathFor(paymentsPaths.runs, t.lang)}" novalidate>${csrfField(form.csrf)}
${selectField(
  form,
  'programmeId',
  programmes.map((p) => ({ value: p.id, label: p.name[t.lang] })),
)}
${textField(form, 'period', { hint: t.t('payments.hints.period') })}
<button type="submit" class="button button-primary">${t.t('payments.runs.prepareButton')}</button></form>`,
  };
}

export interface RunPageData {
  readonly run: RunSummary;
  readonly byStatus: Record<string, { count: number; cents: number }>;
  readonly files: readonly FileRow[];
  readonly programmes: readonly ProgrammeName[];
  readonly csrf: string;
  readonly canRelease: boolean;
  readonly canCancel: boolean;
}

export function runPage(t: Translator, data: RunPageData, staffHome: BilingualPath): Page {
  const { run } = data;
  const title = t.t('payments.run.title', {
    programme: nameOf(t, data.programmes, run.programmeId),
    period: t.month(run.period),
  });
  const here = pathFor(paymentsPaths.run, t.lang, { runId: run.id });
  return {
    title,
    breadcrumbs: crumbs(t, staffHome, true),
    body: html`<h1>${title}</h1>
<dl class="summary-list">
<div><dt>${t.t('payments.runs.status')}</dt><dd>${t.t(`payments.status.${run.status}`)}</dd></div>
<div><dt>${t.t('payments.runs.payDate')}</dt><dd>${t.date(run.payDate)}</dd></div>
<div><dt>${t.t('payments.runs.count')}</dt><dd>${t.number(run.paymentCount)}</dd></div>
<div><dt>${t.t('payments.runs.total')}</dt><dd>${t.money(run.totalCents)}</dd></div></dl>
${run.status === 'preparing' ? html`${progressOf(t, run)}<p><a href="${here}">${t.t('payments.run.refresh')}</a></p>` : ''}
${run.status !== 'preparing' && run.paymentCount === 0 ? html`<div class="notice notice-warning"><p>${t.t('payments.run.empty')}</p></div>` : ''}
${reconciliation(t, data.byStatus)}
<p><a href="${pathFor(paymentReturnsPaths.reconciliation, t.lang, { runId: run.id })}">${t.t('payment-returns.reconciliation.link')}</a></p>
${data.canRelease && (run.status === 'prepared' || run.status === 'approved' || run.status === 'releasing') ? releaseForm(t, run, data.csrf) : ''}
${data.canCancel && (run.status === 'prepared' || run.status === 'approved') ? cancelForm(t, run, data.csrf) : ''}
${run.status === 'released' ? downloads(t, run, data.files) : ''}`,
  };
}

const RECONCILED = ['pending', 'review', 'issued', 'returned', 'reissued', 'cancelled'] as const;

/** Issued, returned, reissued, cancelled: counts and amounts to the cent. */
function reconciliation(t: Translator, byStatus: RunPageData['byStatus']): SafeHtml {
  const shown = RECONCILED.filter((status) => byStatus[status]);
  if (shown.length === 0) return html``;
  return html`<table><caption>${t.t('payments.run.reconciliation')}</caption>
<thead><tr><th scope="col">${t.t('payments.runs.status')}</th><th scope="col">${t.t('payments.runs.count')}</th><th scope="col">${t.t('payments.runs.total')}</th></tr></thead>
<tbody>${shown.map((status) => html`<tr><td>${t.t(`payments.paymentStatus.${status}`)}</td><td>${t.number(byStatus[status]?.count ?? 0)}</td><td>${t.money(byStatus[status]?.cents ?? 0)}</td></tr>`)}</tbody></table>`;
}

function releaseForm(t: Translator, run: RunSummary, csrf: string): SafeHtml {
  const key = run.status === 'approved' ? 'payments.run.releaseSecond' : 'payments.run.releaseButton';
  return html`<form method="post" action="${pathFor(paymentsPaths.release, t.lang, { runId: run.id })}">${csrfField(csrf)}
<p>${t.t('payments.run.releaseIntro')}</p>
<button type="submit" class="button button-primary">${t.t(key)}</button></form>`;
}

/** Before release only: its payments are cancelled and what it took from debts is given back. */
function cancelForm(t: Translator, run: RunSummary, csrf: string): SafeHtml {
  return html`<h2>${t.t('payments.run.cancelTitle')}</h2>
<form method="post" action="${pathFor(paymentsPaths.cancel, t.lang, { runId: run.id })}">${csrfField(csrf)}
<p>${t.t('payments.run.cancelIntro')}</p>
<button type="submit" class="button button-secondary">${t.t('payments.run.cancelButton')}</button></form>`;
}

function downloads(t: Translator, run: RunSummary, files: readonly FileRow[]): SafeHtml {
  const link = (format: 'cpa005' | 'pain.001') => {
    const made = files.find((f) => f.format === format);
    return html`<li><a href="${pathFor(paymentsPaths.file, t.lang, { runId: run.id, format })}" download>${t.t(`payments.files.${format === 'cpa005' ? 'cpa005' : 'pain001'}`)}</a>${
      made ? html` ${t.t('payments.files.number', { number: String(made.file_creation_number) })}` : ''
    }</li>`;
  };
  return html`<h2>${t.t('payments.files.title')}</h2><p>${t.t('payments.files.intro')}</p><ul>${link('cpa005')}${link('pain.001')}</ul>`;
}
