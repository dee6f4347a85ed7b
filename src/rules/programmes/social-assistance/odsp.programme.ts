import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import {
  adultsOf,
  benefitUnit,
  monthlyMeans,
  type BenefitUnit,
  type Member,
  type MonthlyMeans,
} from './benefit-unit.ts';
import {
  cannotTell,
  earningsCounted,
  monthlyResult,
  notEligible,
  rowForSizeOrMore,
  type Common,
} from './needs-test.ts';
import { compileOdsp, ODSP_SHELTER_TOP_SIZE } from './odsp.compile.ts';

/**
 * ODSP income support (ODSP Act, 1997; O. Reg. 222/98), monthly, for the benefit unit (applicant,
 * spouse, dependants): basic needs by family structure (s. 30, directive 6.1) + shelter, the lesser of
 * actual cost and the maximum for the unit size (s. 31, directive 6.2), minus income after the earnings
 * exemption (s. 38, O. Reg. 1/23), if assets are within the limit (s. 28). The applicant or the spouse
 * must have a disability determination. Rates missing from the data files (the sole-support parent
 * supplement; from July 2025 every rate but the single person's basic needs and one-person shelter
 * maximum) and earnings of anyone but one member with a disability give cannot-tell. Every rate is
 * from secondary sources or copies of the directives (see the parameter files).
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

interface Assessed {
  readonly unit: BenefitUnit;
  readonly means: MonthlyMeans;
  /** Applicant and spouse found to be persons with a disability. */
  readonly disabled: readonly Member[];
}

function heads(unit: BenefitUnit): Member[] {
  return unit.spouse ? [unit.applicant, unit.spouse] : [unit.applicant];
}

function missingDisability(unit: BenefitUnit): string[] {
  return heads(unit)
    .filter((m) => m.person.disability?.provincialDisability === undefined)
    .map((m) => `/people/${m.index}/disability/provincialDisability`);
}

/** s. 28: $40,000 single or $50,000 couple, plus an amount for each other dependant. */
function assetLimitCents(unit: BenefitUnit, asOf: string, ctx: EvaluationContext): number {
  const limits = ctx.table('on/odsp-asset-limit', asOf);
  const dependants = unit.children.length + unit.dependentAdults.length;
  const base = unit.spouse ? limits['couple'] : limits['single'];
  return (base ?? 0) + dependants * (limits['per-dependant'] ?? 0);
}

/** s. 30 and directive 6.1; undefined when the family structure's rate is not on file. */
function basicNeedsCents(a: Assessed, asOf: string, ctx: EvaluationContext): number | undefined {
  const needs = ctx.table('on/odsp-basic-needs', asOf);
  const adults = a.unit.dependentAdults.length;
  const family = !a.unit.spouse ? 'single' : a.disabled.length > 1 ? 'couple-both-disabled' : 'couple';
  const row = needs[`${family}-${Math.min(adults, 2)}-adults`];
  const extra = adults > 2 ? needs['additional-adult'] : 0;
  const soleSupport = !a.unit.spouse && adults === 0 && a.unit.children.length > 0;
  const supplement = soleSupport ? needs['sole-support-parent'] : 0;
  if (row === undefined || extra === undefined || supplement === undefined) return undefined;
  return row + Math.max(0, adults - 2) * extra + supplement;
}

function budgetCents(a: Assessed, asOf: string, ctx: EvaluationContext): number | undefined {
  const basic = basicNeedsCents(a, asOf, ctx);
  const maxShelter = rowForSizeOrMore(
    ctx.table('on/odsp-shelter-maximum', asOf),
    a.unit.size,
    ODSP_SHELTER_TOP_SIZE,
  );
  if (basic === undefined || maxShelter === undefined) return undefined;
  const shelter = Math.min(a.means.shelterCostCents, maxShelter);
  ctx.step('odsp.budgetary-requirements', { inputs: { basicNeedsCents: basic, shelterCents: shelter } });
  return basic + shelter;
}

/** s. 38: only the earnings of one member with a disability are encoded; undefined otherwise. */
function incomeCents(a: Assessed, asOf: string, ctx: EvaluationContext): number | undefined {
  const adults = adultsOf(a.unit);
  const earners = adults.filter((_, i) => (a.means.earningsByAdult[i] ?? 0) > 0);
  const [earner] = earners;
  if (earners.length > 1 || (earner && !a.disabled.includes(earner))) return undefined;
  const earnings = earner ? (a.means.earningsByAdult[adults.indexOf(earner)] ?? 0) : 0;
  const ex = ctx.table('on/odsp-earnings-exemption', asOf);
  const counted = earningsCounted(earnings, ex['flat'] ?? 0, ex['share'] ?? 0) + a.means.otherIncomeCents;
  ctx.step('odsp.income', { inputs: { earningsCents: earnings }, resultCents: counted });
  return counted;
}

function evaluateAssessed(a: Assessed, asOf: string, ctx: EvaluationContext): ProgrammeResult {
  const limit = assetLimitCents(a.unit, asOf, ctx);
  ctx.step('odsp.asset-limit', { inputs: { assetsCents: a.means.assetsCents, limitCents: limit } });
  if (a.means.assetsCents > limit) return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  const budget = budgetCents(a, asOf, ctx);
  if (budget === undefined) return cannotTell(COMMON, ['odsp.rate-not-on-file'], [], ctx);
  const income = incomeCents(a, asOf, ctx);
  if (income === undefined) return cannotTell(COMMON, ['odsp.earnings-exemption-not-encoded'], [], ctx);
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income'], Math.max(0, budget - income), ctx);
}

function evaluateUnit(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  const all = [...missing, ...missingDisability(unit)];
  if (all.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], all, ctx);
  const disabled = heads(unit).filter((m) => m.person.disability?.provincialDisability === true);
  if (disabled.length === 0) return notEligible(COMMON, ['odsp.no-disability-determination'], ctx);
  return evaluateAssessed({ unit, means, disabled }, asOf, ctx);
}

export const odspProgramme: Programme = {
  id: PROGRAMME,
  compile: compileOdsp,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'ON') return [notEligible(COMMON, ['social-assistance.other-province'], ctx)];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    return [evaluateUnit(household, unit, asOf, ctx)];
  },
};
