import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { benefitUnit, monthlyMeans, type BenefitUnit, type MonthlyMeans } from './benefit-unit.ts';
import { cannotTell, earningsCounted, monthlyResult, notEligible, type Common } from './needs-test.ts';

/**
 * ODSP income support (ODSP Act, 1997; O. Reg. 222/98), monthly, for a single person with a
 * disability and no dependants only: basic needs (s. 30) + shelter, the lesser of actual cost and
 * the maximum (s. 31), minus income after the earnings exemption (s. 38, O. Reg. 1/23), if assets
 * are within the limit (s. 28). Every figure is from secondary sources (see the parameter files).
 * Families get cannot-tell: their rates were not verified.
 */

const PROGRAMME = 'odsp';

const COMMON: Common = {
  programme: PROGRAMME,
  citations: [
    {
      title: 'O. Reg. 222/98 (ODSP), ss. 28, 30, 31, 38',
      href: 'https://www.ontario.ca/laws/regulation/980222',
    },
  ],
};

function budgetCents(means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const rates = ctx.table('on/odsp-single-rates', asOf);
  const shelter = Math.min(means.shelterCostCents, rates['shelter-maximum'] ?? 0);
  const basic = rates['basic-needs'] ?? 0;
  ctx.step('odsp.budgetary-requirements', { inputs: { basicNeedsCents: basic, shelterCents: shelter } });
  return basic + shelter;
}

function incomeCents(means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const ex = ctx.table('on/odsp-earnings-exemption', asOf);
  const earnings = means.earningsByAdult[0] ?? 0;
  const counted = earningsCounted(earnings, ex['flat'] ?? 0, ex['share'] ?? 0) + means.otherIncomeCents;
  ctx.step('odsp.income', { inputs: { earningsCents: earnings }, resultCents: counted });
  return counted;
}

function evaluateSingle(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  const disabled = unit.applicant.person.disability?.provincialDisability;
  if (disabled === undefined) missing.push(`people[${unit.applicant.index}].disability.provincialDisability`);
  if (missing.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], missing, ctx);
  if (!disabled) return notEligible(COMMON, ['odsp.no-disability-determination'], ctx);
  const limit = ctx.table('on/odsp-asset-limit', asOf)['single'] ?? 0;
  ctx.step('odsp.asset-limit', { inputs: { assetsCents: means.assetsCents, limitCents: limit } });
  if (means.assetsCents > limit) return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  const amount = Math.max(0, budgetCents(means, asOf, ctx) - incomeCents(means, asOf, ctx));
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income'], amount, ctx);
}

export const odspProgramme: Programme = {
  id: PROGRAMME,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'ON') return [];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    if (unit.size > 1) return [cannotTell(COMMON, ['odsp.family-rates-not-encoded'], [], ctx)];
    return [evaluateSingle(household, unit, asOf, ctx)];
  },
};
