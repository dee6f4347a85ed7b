import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { paymentsPaths } from '../payments.paths.ts';
import { paymentReturnsPaths } from '../payment-returns.paths.ts';
import { RECONCILIATION_LINES } from '../reconciliation/reconciliation.ts';
import type { Reconciliation, ReconciliationLine } from '../reconciliation/reconciliation.ts';
import type { RunSummary } from '../run/run-parts.ts';
import type { ChequeFileRow } from '../cheques/cheque-file.repository.ts';
import type { ProgrammeName } from './runs.views.ts';

const k = (t: Translator, key: string, values?: Record<string, string>) =>
  t.t(`payment-returns.${key}`, values);

export interface ReconciliationPageData {
  readonly run: RunSummary;
  readonly report: Reconciliation;
  readonly cheques: { count: number; cents: number; file: ChequeFileRow | null };
  readonly programmes: readonly ProgrammeName[];
}

function chequeSection(t: Translator, data: ReconciliationPageData): SafeHtml {
  const { run, cheques } = data;
  if (cheques.count === 0) return html`<h2>${k(t, 'cheques.title')}</h2><p>${k(t, 'cheques.none')}</p>`;
  const link = (file: 'pdf' | 'manifest') =>
    html`<li><a href="${pathFor(paymentReturnsPaths.cheques, t.lang, { runId: run.id, file })}" download>${k(t, `cheques.${file}`)}</a></li>`;
  const numbers = cheques.file
    ? html`<p>${k(t, 'cheques.numbers', {
        first: String(cheques.file.first_cheque_number),
        last: String(cheques.file.first_cheque_number + cheques.file.cheque_count - 1),
      })}</p>`
    : '';
  return html`<h2>${k(t, 'cheques.title')}</h2>
<p>${k(t, 'cheques.intro', { count: t.number(cheques.count), total: t.money(cheques.cents) })}</p>${numbers}
${run.status === 'released' ? html`<ul>${link('pdf')}${link('manifest')}</ul>` : html`<p>${k(t, 'cheques.afterRelease')}</p>`}`;
}

export function reconciliationPage(
  t: Translator,
  data: ReconciliationPageData,
  staffHome: BilingualPath,
): Page {
  const { run, report } = data;
  const programme = data.programmes.find((p) => p.id === run.programmeId)?.name[t.lang] ?? run.programmeId;
  const title = k(t, 'reconciliation.title', { programme, period: t.month(run.period) });
  const runPath = pathFor(paymentsPaths.run, t.lang, { runId: run.id });
  const row = (line: ReconciliationLine) => {
    return html`<tr><th scope="row">${k(t, `reconciliation.lines.${line}`)}</th>
<td data-label="${t.t('payments.runs.count')}">${t.number(report.lines[line].count)}</td>
<td data-label="${t.t('payments.runs.total')}">${t.money(report.lines[line].cents)}</td></tr>`;
  };
  return {
    title,
    breadcrumbs: [
      { href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
      { href: pathFor(paymentsPaths.runs, t.lang), label: t.t('payments.runs.title') },
      { href: runPath, label: t.t('payments.run.title', { programme, period: t.month(run.period) }) },
    ],
    body: html`<h1>${title}</h1><p>${k(t, 'reconciliation.intro')}</p>
<table class="responsive"><caption>${k(t, 'reconciliation.caption')}</caption>
<thead><tr><td></td><th scope="col">${t.t('payments.runs.count')}</th><th scope="col">${t.t('payments.runs.total')}</th></tr></thead>
<tbody>${RECONCILIATION_LINES.map(row)}</tbody></table>
<p><strong>${report.balanced ? k(t, 'reconciliation.balanced') : k(t, 'reconciliation.unbalanced')}</strong></p>
<p><a href="${pathFor(paymentReturnsPaths.reconciliationCsv, t.lang, { runId: run.id })}" download>${k(t, 'reconciliation.csvLink')}</a></p>
${chequeSection(t, data)}`,
  };
}
