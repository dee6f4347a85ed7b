import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Citation, Programme } from '../../core/types.ts';
import { missingIncomePaths } from '../shared/family.ts';
import { resolveCwbPlan } from './cwb.formula.ts';
import { createCwbRead, readCwb } from './cwb.read.ts';

const CITATIONS: readonly Citation[] = [
  {
    title: 'Income Tax Act, s. 122.7',
    href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-122.7.html',
  },
  {
    title: 'CRA, Canada workers benefit',
    href: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-workers-benefit.html',
  },
];

/**
 * Canada workers benefit for the tax year containing asOf, claimed on the return: one result per
 * household, period 'year'. Full-time student and incarceration exclusions are not modelled (no
 * facts for them); the result carries the reason `cwb.exclusions-not-checked`.
 */
const NOT_ELIGIBLE_BEFORE_AMOUNT = new Set([
  'cwb.no-adult',
  'cwb.under-19',
  'cwb.not-resident',
  'cwb.no-working-income',
]);

export const cwbProgramme: Programme = {
  id: 'cwb',
  evaluate(h, asOf, ctx) {
    const plan = ctx.plan('cwb', asOf, (reader) => resolveCwbPlan(reader, asOf));
    const read = createCwbRead();
    readCwb(plan, h, read);
    const common = { programme: 'cwb', citations: CITATIONS };
    ctx.step('cwb.parameters', { inputs: { taxYear: plan.yearKey } });
    if (Number.isNaN(read.amount)) {
      const missing = read.reason ? [] : missingIncomePaths(h, [read.head, read.spouse], plan.yearKey);
      return [cannotTellResult({ ...common, reasons: [read.reason || 'cwb.missing-facts'] }, missing, ctx)];
    }
    if (read.amount === 0 && NOT_ELIGIBLE_BEFORE_AMOUNT.has(read.reason)) {
      return [notEligibleResult({ ...common, reasons: [read.reason] }, ctx)];
    }
    const inputs = {
      family: read.family,
      workingIncome: read.workingIncome,
      adjustedNetIncome: read.netIncome,
    };
    ctx.step('cwb.basic-amount', { inputs, resultCents: read.base });
    ctx.step('cwb.disability-supplement', {
      inputs: { dtcEligibleSpouses: read.disabled },
      resultCents: read.disability,
    });
    const reasons = read.amount > 0 ? ['cwb.eligible', 'cwb.exclusions-not-checked'] : [read.reason];
    return [
      amountResult(
        { ...common, reasons },
        { annualCents: read.amount, periodCents: read.amount, period: 'year' },
        ctx,
      ),
    ];
  },
  compile(asOf, params) {
    const plan = resolveCwbPlan(params, asOf);
    const read = createCwbRead();
    return (h) => {
      readCwb(plan, h, read);
      return read.amount;
    };
  },
};
