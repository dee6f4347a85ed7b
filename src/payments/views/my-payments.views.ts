import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { PersonPayment } from '../my-payments.service.ts';
import type { ProgrammeName } from './runs.views.ts';
import { returnedPayments } from './returned-payments.views.ts';

function table(
  t: Translator,
  caption: string,
  payments: readonly PersonPayment[],
  programmes: readonly ProgrammeName[],
): SafeHtml {
  const name = (id: string) => programmes.find((p) => p.id === id)?.name[t.lang] ?? id;
  const to = (p: PersonPayment) =>
    p.method === 'cheque'
      ? t.t('payments.my.cheque')
      : p.accountLast3
        ? t.t('payments.my.account', { last3: p.accountLast3 })
        : '';
  return html`<table class="responsive"><caption>${caption}</caption>
<thead><tr><th scope="col">${t.t('payments.runs.payDate')}</th><th scope="col">${t.t('payments.runs.programme')}</th><th scope="col">${t.t('payments.my.amount')}</th><th scope="col">${t.t('payments.my.to')}</th><th scope="col">${t.t('payments.runs.status')}</th></tr></thead>
<tbody>${payments.map(
    (p) => html`<tr><td data-label="${t.t('payments.runs.payDate')}">${t.date(p.payDate)}</td>
<td data-label="${t.t('payments.runs.programme')}">${name(p.programmeId)}${p.arrears ? html` ${t.t('payments.my.arrears', { period: t.month(p.period) })}` : ''}</td>
<td data-label="${t.t('payments.my.amount')}">${t.money(p.amountCents)}</td>
<td data-label="${t.t('payments.my.to')}">${to(p)}</td>
<td data-label="${t.t('payments.runs.status')}">${t.t(`payments.my.status.${p.upcoming ? 'upcoming' : p.status}`)}</td></tr>`,
  )}</tbody></table>`;
}

export function myPaymentsPage(
  t: Translator,
  payments: readonly PersonPayment[],
  programmes: readonly ProgrammeName[],
  breadcrumbs: readonly { href: string; label: string }[],
  directDeposit: string | null = null,
  more: SafeHtml = html``,
): Page {
  const title = t.t('payments.my.title');
  const returned = payments.filter((p) => p.status === 'returned');
  const upcoming = payments.filter((p) => p.upcoming);
  const past = payments.filter((p) => !p.upcoming && p.status !== 'returned');
  return {
    title,
    breadcrumbs,
    body: html`<h1>${title}</h1><p>${t.t('payments.my.intro')}</p>
${returnedPayments(t, returned, programmes, directDeposit)}
${payments.length === 0 ? html`<p>${t.t('payments.my.none')}</p>` : ''}
${upcoming.length > 0 ? table(t, t.t('payments.my.upcomingCaption'), upcoming, programmes) : ''}
${past.length > 0 ? table(t, t.t('payments.my.pastCaption'), past, programmes) : ''}
${more}`,
  };
}
