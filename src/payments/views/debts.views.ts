import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import type { PersonDebt } from '../adjustments/debts.service.ts';
import type { SlipId } from '../statements/tax-slips.ts';

type Names = (programmeId: string) => string;

/** The share kept from each payment, or "from the estate" for a debt raised after the person died. */
function recovery(t: Translator, debt: PersonDebt): string {
  return debt.recoverFrom === 'estate'
    ? t.t('debts.my.fromEstate')
    : t.t('debts.my.ratePercent', { percent: t.number(debt.basisPoints / 100) });
}

/** The person's overpayments: how much, what is left, and the share kept from each payment. */
export function debtsSection(
  t: Translator,
  debts: readonly PersonDebt[],
  names: Names,
  headingLevel = 2,
): SafeHtml {
  if (debts.length === 0) return html``;
  const heading =
    headingLevel === 2 ? html`<h2>${t.t('debts.my.title')}</h2>` : html`<h3>${t.t('debts.my.title')}</h3>`;
  const estate = debts.some((d) => d.recoverFrom === 'estate');
  return html`${heading}<p>${t.t('debts.my.intro')}</p>
${estate ? html`<p>${t.t('debts.my.estateNote')}</p>` : ''}
<table class="responsive"><caption>${t.t('debts.my.caption')}</caption>
<thead><tr><th scope="col">${t.t('debts.my.programme')}</th><th scope="col">${t.t('debts.my.raised')}</th><th scope="col">${t.t('debts.my.original')}</th><th scope="col">${t.t('debts.my.balance')}</th><th scope="col">${t.t('debts.my.rate')}</th></tr></thead>
<tbody>${debts.map(
    (d) => html`<tr><td data-label="${t.t('debts.my.programme')}">${names(d.programmeId)}</td>
<td data-label="${t.t('debts.my.raised')}">${t.date(d.raisedOn)}</td>
<td data-label="${t.t('debts.my.original')}">${t.money(d.originalCents)}</td>
<td data-label="${t.t('debts.my.balance')}">${d.balanceCents === 0 ? t.t('debts.my.repaid') : t.money(d.balanceCents)}</td>
<td data-label="${t.t('debts.my.rate')}">${recovery(t, d)}</td></tr>`,
  )}</tbody></table>`;
}

export interface DocumentLinks {
  readonly statement: BilingualPath;
  readonly slip: BilingualPath;
  /** Extra route parameters (the client's id in the staff file). */
  readonly params?: Record<string, string>;
}

/** A statement per year paid and the tax slips of that year, as PDF links. */
export function statementsSection(
  t: Translator,
  years: readonly { year: number; slips: readonly SlipId[] }[],
  links: DocumentLinks,
  headingLevel = 2,
): SafeHtml {
  const title = t.t('statements.section.title');
  const heading = headingLevel === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`;
  if (years.length === 0) return html`${heading}<p>${t.t('statements.section.none')}</p>`;
  const params = links.params ?? {};
  return html`${heading}<p>${t.t('statements.section.intro')}</p>
<table class="responsive"><caption>${t.t('statements.section.caption')}</caption>
<thead><tr><th scope="col">${t.t('statements.section.year')}</th><th scope="col">${t.t('statements.section.documents')}</th></tr></thead>
<tbody>${years.map(({ year, slips }) => {
    const y = String(year);
    return html`<tr><td data-label="${t.t('statements.section.year')}">${y}</td>
<td data-label="${t.t('statements.section.documents')}"><ul class="list-unstyled">
<li><a href="${pathFor(links.statement, t.lang, { ...params, year: y })}" download>${t.t('statements.section.statement', { year: y })}</a></li>
${slips.map((slip) => html`<li><a href="${pathFor(links.slip, t.lang, { ...params, year: y, slip })}" download>${t.t(`statements.slip.${slip}`, { year: y })}</a></li>`)}
</ul></td></tr>`;
  })}</tbody></table>`;
}
