import type { Citation, EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { adultsOf, benefitUnit, monthlyMeans, type BenefitUnit, type MonthlyMeans } from './benefit-unit.ts';
import { cannotTell, earningsCounted, monthlyResult, notEligible, type Common } from './needs-test.ts';
import { compileOntarioWorks } from './ontario-works.compile.ts';

/**
 * Ontario Works income assistance (Ontario Works Act, 1997; O. Reg. 134/98), one result per Ontario
 * household, monthly: basic needs (s. 41) + shelter, the lesser of actual cost and the maximum for
 * the unit size (s. 42), minus non-exempt income (s. 49, directive 5.3 earnings exemption), for a
 * unit whose assets are within the limit (s. 39). Special diet, other benefits and the Ontario
 * Child Benefit are outside this calculation.
 */

const PROGRAMME = 'ontario-works';

const COMMON: Common = {
  programme: PROGRAMME,
  citations: [
    {
      title: 'O. Reg. 134/98 (Ontario Works), ss. 39, 41, 42, 49',
      href: 'https://www.ontario.ca/laws/regulation/980134',
    },
  ] satisfies Citation[],
};

function basicNeedsKey(unit: BenefitUnit): string {
  const adults = Math.min(unit.dependentAdults.length, 2);
  const kids = adults === 0 && unit.children.length > 0 ? '-with-children' : '';
  return `${unit.spouse ? 'couple' : 'single'}-${adults}-adults${kids}`;
}

function budgetCents(unit: BenefitUnit, means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const needs = ctx.table('on/ow-basic-needs', asOf);
  const extraAdults = Math.max(0, unit.dependentAdults.length - 2) * (needs['additional-adult'] ?? 0);
  const basic = (needs[basicNeedsKey(unit)] ?? 0) + extraAdults;
  const maxShelter = ctx.table('on/ow-shelter-maximum', asOf)[String(Math.min(unit.size, 6))] ?? 0;
  const shelter = Math.min(means.shelterCostCents, maxShelter);
  ctx.step('ow.budgetary-requirements', { inputs: { basicNeedsCents: basic, shelterCents: shelter } });
  return basic + shelter;
}

function assetLimitCents(unit: BenefitUnit, asOf: string, ctx: EvaluationContext): number {
  const limits = ctx.table('on/ow-asset-limit', asOf);
  const dependants = unit.children.length + unit.dependentAdults.length;
  return (
    (unit.spouse ? (limits['couple'] ?? 0) : (limits['single'] ?? 0)) +
    dependants * (limits['per-dependant'] ?? 0)
  );
}

function incomeCents(unit: BenefitUnit, means: MonthlyMeans, asOf: string, ctx: EvaluationContext): number {
  const months = Math.min(...adultsOf(unit).map((m) => m.person.socialAssistance?.monthsOnAssistance ?? 0));
  const ex = ctx.table('on/ow-earnings-exemption', asOf);
  const applies = months >= (ex['months'] ?? 0);
  const counted = means.earningsByAdult.reduce(
    (total, e) => total + (applies ? earningsCounted(e, ex['flat'] ?? 0, ex['share'] ?? 0) : e),
    0,
  );
  ctx.step('ow.income', { inputs: { earningsExemptionApplies: applies, earningsCountedCents: counted } });
  return counted + means.otherIncomeCents;
}

function missingMonths(unit: BenefitUnit, means: MonthlyMeans): string[] {
  if (means.earningsByAdult.every((e) => e === 0)) return [];
  return adultsOf(unit)
    .filter((m) => m.person.socialAssistance?.monthsOnAssistance === undefined)
    .map((m) => `/people/${m.index}/socialAssistance/monthsOnAssistance`);
}

function evaluateUnit(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  const all = [...missing, ...missingMonths(unit, means)];
  if (all.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], all, ctx);
  const limit = assetLimitCents(unit, asOf, ctx);
  ctx.step('ow.asset-limit', { inputs: { assetsCents: means.assetsCents, limitCents: limit } });
  if (means.assetsCents > limit) return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  const amount = Math.max(0, budgetCents(unit, means, asOf, ctx) - incomeCents(unit, means, asOf, ctx));
  ctx.step('ow.assistance', { resultCents: amount });
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income'], amount, ctx);
}

export const ontarioWorksProgramme: Programme = {
  id: PROGRAMME,
  compile: compileOntarioWorks,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'ON') return [notEligible(COMMON, ['social-assistance.other-province'], ctx)];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    return [evaluateUnit(household, unit, asOf, ctx)];
  },
};
