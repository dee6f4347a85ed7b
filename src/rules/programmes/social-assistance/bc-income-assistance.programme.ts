import { ageOn } from '../../core/dates.ts';
import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { benefitUnit, monthlyMeans, type BenefitUnit, type MonthlyMeans } from './benefit-unit.ts';
import { cannotTell, monthlyResult, notEligible, type Common } from './needs-test.ts';
import { compileBcIncomeAssistance } from './bc-income-assistance.compile.ts';

/**
 * BC income assistance (Employment and Assistance Act; B.C. Reg. 263/2002), monthly, for the family
 * unit: support allowance by family type and unit size (Schedule A s. 2) + shelter, the actual cost
 * but not less than the minimum nor more than the maximum for the unit size (Schedule A s. 4), minus
 * net income after the earnings exemption (Schedule B s. 3), if assets are within the limit (s. 11).
 * Rates missing from the data files give cannot-tell (today only the single person's and two parents
 * with two children's support are on file); people 65 or over get cannot-tell (their rates were not
 * found). The earnings exemption on file is the sole recipient's, only to 2020: earnings after 2020
 * give "no parameters for this date", and earnings in a family unit give cannot-tell (the family
 * exemption is not on file).
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

/**
 * Family type of the ministry's rate table (Schedule A s. 2); undefined for a unit with a dependant
 * of 18 or over, since the family amounts found are for dependent children.
 */
function familyType(unit: BenefitUnit): string | undefined {
  if (unit.dependentAdults.length > 0) return undefined;
  const children = unit.children.length > 0;
  if (unit.spouse) return children ? 'two-parent' : 'couple';
  return children ? 'single-parent' : 'single';
}

/** The rates on file are for recipients under 65; a spouse of 65 or over changes the column. */
function hasSenior(unit: BenefitUnit, asOf: string): boolean {
  return [unit.applicant, unit.spouse].some((m) => m !== undefined && ageOn(m.person.birthDate, asOf) >= 65);
}

/** s. 11: the single limit for a unit of one, the family limit otherwise. */
function assetsWithinLimit(
  unit: BenefitUnit,
  means: MonthlyMeans,
  asOf: string,
  ctx: EvaluationContext,
): boolean {
  const limits = ctx.table('bc/ia-asset-limit', asOf);
  const limit = (unit.size > 1 ? limits['family'] : limits['single']) ?? 0;
  ctx.step('bc-ia.asset-limit', { inputs: { assetsCents: means.assetsCents, limitCents: limit } });
  return means.assetsCents <= limit;
}

/** Schedule A ss. 2 and 4; undefined when the family's rates are not on file. */
function budgetCents(
  unit: BenefitUnit,
  means: MonthlyMeans,
  asOf: string,
  ctx: EvaluationContext,
): number | undefined {
  const type = familyType(unit);
  const support = type === undefined ? undefined : ctx.table('bc/ia-support', asOf)[`${type}-${unit.size}`];
  const shelterTable = ctx.table('bc/ia-shelter', asOf);
  const min = shelterTable[`minimum-${unit.size}`];
  const max = shelterTable[`maximum-${unit.size}`];
  if (support === undefined || min === undefined || max === undefined) return undefined;
  const shelter = Math.min(Math.max(means.shelterCostCents, min), max);
  ctx.step('bc-ia.budget', { inputs: { supportCents: support, shelterCents: shelter } });
  return support + shelter;
}

/** Schedule B s. 3: the flat exemption for a sole recipient (families with earnings stop before). */
function incomeCents(means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const earnings = means.earningsByAdult.reduce((a, b) => a + b, 0);
  const exemption = earnings > 0 ? ctx.param('bc/ia-earnings-exemption', asOf) : 0;
  const counted = Math.max(0, earnings - exemption) + means.otherIncomeCents;
  ctx.step('bc-ia.income', {
    inputs: { earningsCents: earnings, exemptionCents: exemption },
    resultCents: counted,
  });
  return counted;
}

function evaluateUnit(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  if (missing.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], missing, ctx);
  if (!assetsWithinLimit(unit, means, asOf, ctx))
    return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  if (hasSenior(unit, asOf)) return cannotTell(COMMON, ['bc-ia.senior-rates-not-encoded'], [], ctx);
  const budget = budgetCents(unit, means, asOf, ctx);
  if (budget === undefined) return cannotTell(COMMON, ['bc-ia.family-rates-not-encoded'], [], ctx);
  if (unit.size > 1 && means.earningsByAdult.some((e) => e > 0))
    return cannotTell(COMMON, ['bc-ia.family-earnings-exemption-not-encoded'], [], ctx);
  const amount = Math.max(0, budget - incomeCents(means, asOf, ctx));
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income'], amount, ctx);
}

export const bcIncomeAssistanceProgramme: Programme = {
  id: PROGRAMME,
  compile: compileBcIncomeAssistance,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'BC') return [notEligible(COMMON, ['social-assistance.other-province'], ctx)];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    return [evaluateUnit(household, unit, asOf, ctx)];
  },
};
