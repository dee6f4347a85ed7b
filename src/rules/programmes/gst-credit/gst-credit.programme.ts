import { divideRounded } from '../../core/money.ts';
import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Citation, Programme } from '../../core/types.ts';
import { missingIncomePaths } from '../shared/family.ts';
import { gstBase, gstReduction, gstSupplement, resolveGstPlan } from './gst-credit.formula.ts';
import { createGstRead, readGst } from './gst-credit.read.ts';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Income Tax Act, s. 122.5',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-122.5.html',
  },
  {
    title: 'CRA, GST/HST credit: how much you can get',
    href: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/goods-services-tax-harmonized-sales-tax-gst-hst-credit/goods-services-tax-harmonized-sales-tax-credit-calculation-sheet-july-2025-june-2026-payments-2024-tax-year.html',
  },
];

/**
 * Quarterly payment: a quarter of the annual credit, rounded half up to the cent. CRA pays in July,
 * October, January and April; the rounding of the quarter is our choice (not published).
 */
export function quarterlyCents(annual: number): number {
  return divideRounded(annual, 4, 'half-up');
}

/** GST/HST credit: one result per household (the family head and spouse). */
export const gstCreditProgramme: Programme = {
  id: 'gst-credit',
  evaluate(h, asOf, ctx) {
    const plan = ctx.plan('gst-credit', asOf, (reader) => resolveGstPlan(reader, asOf));
    const read = createGstRead();
    readGst(plan, h, read);
    const common = { programme: 'gst-credit', citations: CITATIONS };
    ctx.step('gst-credit.parameters', { inputs: { asOf, baseYear: plan.yearKey } });
    ctx.step('gst-credit.family', {
      inputs: {
        spouse: read.spouse >= 0,
        childrenUnder19: read.children,
        sharedCustodyChildren: read.sharedChildren,
      },
    });
    if (Number.isNaN(read.amount)) {
      const missing = missingIncomePaths(h, [read.head, read.spouse], plan.yearKey);
      return [cannotTellResult({ ...common, reasons: ['gst-credit.missing-facts'] }, missing, ctx)];
    }
    if (read.amount === 0 && read.reason !== 'gst-credit.income-above-threshold') {
      return [notEligibleResult({ ...common, reasons: [read.reason] }, ctx)];
    }
    const hasSpouse = read.spouse >= 0;
    ctx.step('gst-credit.base', { resultCents: gstBase(plan, hasSpouse, read.children) });
    ctx.step('gst-credit.single-supplement', {
      resultCents: gstSupplement(plan, hasSpouse, read.children, read.ownNet),
    });
    ctx.step('gst-credit.reduction', {
      inputs: { familyNetIncome: read.familyNet },
      resultCents: gstReduction(plan, read.familyNet),
    });
    ctx.step('gst-credit.annual', { resultCents: read.amount });
    const reasons = read.amount > 0 ? ['gst-credit.eligible'] : [read.reason];
    return [
      amountResult(
        { ...common, reasons },
        { annualCents: read.amount, periodCents: quarterlyCents(read.amount), period: 'quarter' },
        ctx,
      ),
    ];
  },
  compile(asOf, params) {
    const plan = resolveGstPlan(params, asOf);
    const read = createGstRead();
    return (h) => {
      readGst(plan, h, read);
      return read.amount;
    };
  },
};
