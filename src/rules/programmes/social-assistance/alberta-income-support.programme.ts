import type { EvaluationContext, Programme, ProgrammeResult } from '../../core/types.ts';
import type { Household } from '../../model/household.ts';
import { benefitUnit, monthlyMeans, type BenefitUnit, type MonthlyMeans } from './benefit-unit.ts';
import { cannotTell, earningsCounted, monthlyResult, notEligible, type Common } from './needs-test.ts';
import { compileAlbertaIncomeSupport } from './alberta-income-support.compile.ts';

/**
 * Alberta Income Support, Expected to Work (etw) and Barriers to Full Employment (bfe) household
 * units (Income and Employment Supports Act; Income Support, Training and Health Benefits
 * Regulation), monthly: core essential (IESA Schedule s. 6, Table 1) + core shelter, actual cost up
 * to the private-housing maximum, minus financial resources after the earnings exemption (ISTHB
 * Reg. ss. 23, 26), if liquid assets pass s. 21. Households whose row is missing from the data files
 * (couples, other adults, single adults with 4+ children: not found) get cannot-tell. The earnings
 * exemption on file is the single-adult one. Supplementary benefits are left out of the budget.
 */

const PROGRAMME = 'alberta-income-support';

const COMMON: Common = {
  programme: PROGRAMME,
  citations: [
    {
      title: 'Income and Employment Supports Act, Schedule s. 6',
      href: 'http://www.humanservices.alberta.ca/AWOnline/IESA/8583.html',
    },
    {
      title: 'Income Support, Training and Health Benefits Regulation, ss. 21, 23, 26',
      href: 'http://www.humanservices.alberta.ca/AWOnline/IESA/6388.html',
    },
  ],
};

interface Designated {
  readonly unit: BenefitUnit;
  readonly means: MonthlyMeans;
  readonly category: 'etw' | 'bfe';
}

/** Row of the core tables ("Single adult, 2 children"); units with other adults have no row. */
function compositionKey(unit: BenefitUnit): string | undefined {
  if (unit.dependentAdults.length > 0) return undefined;
  return `${unit.spouse ? 'couple' : 'single'}-${unit.children.length}`;
}

/** IESA Schedule ss. 6 and 8 (Tables 1 and 3); undefined when the household's row is not on file. */
function coreCents(d: Designated, asOf: string, ctx: EvaluationContext): number | undefined {
  const key = compositionKey(d.unit);
  const essential = ctx.table('ab/is-core-essential', asOf)[`${d.category}-${key}`];
  const shelterMax = ctx.table('ab/is-core-shelter', asOf)[`${key}`];
  if (key === undefined || essential === undefined || shelterMax === undefined) return undefined;
  const shelter = Math.min(d.means.shelterCostCents, shelterMax);
  ctx.step('ab-is.core-income-support', { inputs: { essentialCents: essential, shelterCents: shelter } });
  return essential + shelter;
}

function rowMissingReason(unit: BenefitUnit): string {
  return unit.spouse || unit.dependentAdults.length > 0
    ? 'ab-is.couple-rates-not-encoded'
    : 'ab-is.family-size-not-encoded';
}

/** s. 21: liquid assets up to 1 (etw) or 2 (bfe) months of core support; the child benefit part is not encoded. */
function assetTest(
  d: Designated,
  core: number,
  asOf: string,
  ctx: EvaluationContext,
): 'pass' | 'fail' | 'unknown' {
  const months = ctx.table('ab/is-liquid-asset-months', asOf)[d.category] ?? 0;
  const limit = months * core;
  ctx.step('ab-is.liquid-asset-test', {
    inputs: { assetsCents: d.means.assetsCents, limitWithoutChildBenefitCents: limit },
  });
  if (d.means.assetsCents <= limit) return 'pass';
  return d.unit.children.length > 0 ? 'unknown' : 'fail';
}

function resourcesCents(d: Designated, asOf: string, ctx: EvaluationContext): number {
  const ex = ctx.table('ab/is-earnings-exemption', asOf);
  const earnings = d.means.earningsByAdult[0] ?? 0;
  const counted = earningsCounted(earnings, ex['flat'] ?? 0, ex['share'] ?? 0) + d.means.otherIncomeCents;
  ctx.step('ab-is.financial-resources', { inputs: { earningsCents: earnings }, resultCents: counted });
  return counted;
}

function evaluateDesignated(d: Designated, asOf: string, ctx: EvaluationContext): ProgrammeResult {
  const core = coreCents(d, asOf, ctx);
  if (core === undefined) return cannotTell(COMMON, [rowMissingReason(d.unit)], [], ctx);
  const assets = assetTest(d, core, asOf, ctx);
  if (assets === 'fail') return notEligible(COMMON, ['social-assistance.assets-above-limit'], ctx);
  if (assets === 'unknown')
    return cannotTell(COMMON, ['ab-is.child-benefit-asset-allowance-not-encoded'], [], ctx);
  const amount = Math.max(0, core - resourcesCents(d, asOf, ctx));
  return monthlyResult(COMMON, ['social-assistance.budget-minus-income', `ab-is.${d.category}`], amount, ctx);
}

function evaluateUnit(
  household: Household,
  unit: BenefitUnit,
  asOf: string,
  ctx: EvaluationContext,
): ProgrammeResult {
  const { means, missing } = monthlyMeans(household, unit);
  const barriers = unit.applicant.person.socialAssistance?.barriersToFullEmployment;
  if (barriers === undefined)
    missing.push(`/people/${unit.applicant.index}/socialAssistance/barriersToFullEmployment`);
  if (missing.length > 0) return cannotTell(COMMON, ['social-assistance.facts-missing'], missing, ctx);
  return evaluateDesignated({ unit, means, category: barriers ? 'bfe' : 'etw' }, asOf, ctx);
}

export const albertaIncomeSupportProgramme: Programme = {
  id: PROGRAMME,
  compile: compileAlbertaIncomeSupport,
  evaluate(household: Household, asOf: string, ctx: EvaluationContext): ProgrammeResult[] {
    if (household.province !== 'AB') return [notEligible(COMMON, ['social-assistance.other-province'], ctx)];
    const unit = benefitUnit(household, asOf);
    if (!unit) return [notEligible(COMMON, ['social-assistance.no-adult'], ctx)];
    return [evaluateUnit(household, unit, asOf, ctx)];
  },
};
