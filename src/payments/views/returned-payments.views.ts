import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { PersonPayment } from '../my-payments.service.ts';
import type { ProgrammeName } from './runs.views.ts';

const k = (t: Translator, key: string, values?: Record<string, string>) =>
  t.t(`payment-returns.my.${key}`, values);

/**
 * The payments the bank returned, on My payments: which, why, and what to do (update the direct deposit;
 * the payment is made again in the next run after it changes). `directDeposit` is the page to do it on.
 */
export function returnedPayments(
  t: Translator,
  returned: readonly PersonPayment[],
  programmes: readonly ProgrammeName[],
  directDeposit: string | null,
): SafeHtml {
  if (returned.length === 0) return html``;
  const name = (id: string) => programmes.find((p) => p.id === id)?.name[t.lang] ?? id;
  const reason = (p: PersonPayment) =>
    p.returnReason && t.has(`payment-returns.reasons.${p.returnReason}`)
      ? t.t(`payment-returns.reasons.${p.returnReason}`)
      : k(t, 'reasonUnknown');
  return html`<div class="alert alert-warning" role="region" aria-labelledby="returned-title"><h2 id="returned-title">${t.t('payments.my.returnedTitle')}</h2>
<table class="responsive"><caption>${t.t('payments.my.returnedCaption')}</caption>
<thead><tr><th scope="col">${t.t('payments.runs.payDate')}</th><th scope="col">${t.t('payments.runs.programme')}</th><th scope="col">${t.t('payments.my.amount')}</th><th scope="col">${k(t, 'why')}</th></tr></thead>
<tbody>${returned.map(
    (p) => html`<tr><td data-label="${t.t('payments.runs.payDate')}">${t.date(p.payDate)}</td>
<td data-label="${t.t('payments.runs.programme')}">${name(p.programmeId)}</td>
<td data-label="${t.t('payments.my.amount')}">${t.money(p.amountCents)}</td>
<td data-label="${k(t, 'why')}">${reason(p)}</td></tr>`,
  )}</tbody></table>
<h3>${k(t, 'whatToDo')}</h3>
<ol><li>${directDeposit ? html`<a href="${directDeposit}">${k(t, 'update')}</a>` : k(t, 'update')}</li><li>${k(t, 'noAccount')}</li></ol>
<p>${k(t, 'then')}</p></div>`;
}
