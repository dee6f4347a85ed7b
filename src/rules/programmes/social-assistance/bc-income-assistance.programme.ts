import { ageOn } from '../../core/dates.ts';
import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { benefitUnit, monthlyMeans, type BenefitUnit, type MonthlyMeans } from './benefit-unit.ts';
import { cannotTell, monthlyResult, notEligible, type Common } from './needs-test.ts';

/**
 * BC income assistance (Employment and Assistance Act; B.C. Reg. 263/2002), monthly, for a single
 * employable person under 65 only: support allowance (Schedule A s. 2) + shelter, the lesser of
 * actual cost and the maximum (Schedule A s. 4), minus net income after the earnings exemption
 * (Schedule B s. 3), if assets are within the limit (s. 11). Family units and people 65 or over get
 * cannot-tell: their current rates were not found. The earnings exemption is only on file to 2020,
 * so a single person with earnings after 2020 gets "no parameters for this date".
 */

const PROGRAMME = 'bc-income-assistance';

const COMMON: Common = {
  programme: PROGRAMME,
  citations: [
    {
      title: 'Employment and Assistance Regulation, B.C. Reg. 263/2002, s. 11, Schedules A and B',
      href: 'https://www.bclaws.gov.bc.ca/civix/document/id/complete/statreg/263_2002',
    },
  ],
};

function outOfScope(unit: BenefitUnit, asOf: string): string | undefined {
  if (unit.size > 1) return 'bc-ia.family-rates-not-encoded';
  if (ageOn(unit.applicant.person.birthDate, asOf) >= 65) return 'bc-ia.senior-rates-not-encoded';
  return undefined;
}

function incomeCents(means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const earnings = means.earningsByAdult[0] ?? 0;
  const exemption = earnings > 0 ? ctx.param('bc/ia-earnings-exemption', asOf) : 0;
  const counted = Math.max(0, earnings - exemption) + means.otherIncomeCents;
  ctx.step('bc-ia.income', {
    inputs: { earningsCents: earnings, exemptionCents: exemption },
    resultCents: counted,
  });
  return counted;
}

function budgetCents(means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const rates = ctx.table('bc/ia-single-rates', asOf);
  const shelter = Math.min(means.shelterCostCents, rates['shelter-maximum'] ?? 0);
  const support = rates['support'] ?? 0;
  ctx.step('bc-ia.budget', { inputs: { supportCents: support, shelterCents: shelter } });
  return support + shelter;
}

function evaluateSingle(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  if (missing.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], missing, ctx);
  const limit = ctx.table('bc/ia-asset-limit', asOf)['single'] ?? 0;
  ctx.step('bc-ia.asset-limit', { inputs: { assetsCents: means.assetsCents, limitCents: limit } });
  if (means.assetsCents > limit) return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  const amount = Math.max(0, budgetCents(means, asOf, ctx) - incomeCents(means, asOf, ctx));
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income'], amount, ctx);
}

export const bcIncomeAssistanceProgramme: Programme = {
  id: PROGRAMME,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'BC') return [];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    const scope = outOfScope(unit, asOf);
    if (scope) return [cannotTell(COMMON, [scope], [], ctx)];
    return [evaluateSingle(household, unit, asOf, ctx)];
  },
};
