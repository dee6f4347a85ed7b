import { yearOf } from '../../core/dates.ts';
import { excess, multiplyRate } from '../../core/money.ts';
import type { ParameterReader } from '../../core/types.ts';

/** CWB parameters of one tax year (the calendar year of asOf), resolved once. */
export interface CwbPlan {
  readonly baseMaxSingle: number;
  readonly baseMaxFamily: number;
  readonly phaseInThreshold: number;
  readonly phaseInRate: number;
  readonly phaseOutSingle: number;
  readonly phaseOutFamily: number;
  readonly phaseOutRate: number;
  readonly disabilityMax: number;
  readonly disabilityPhaseInThreshold: number;
  readonly disabilityPhaseOutSingle: number;
  readonly disabilityPhaseOutFamily: number;
  readonly disabilityPhaseOutRate: number;
  readonly disabilityPhaseOutRateBoth: number;
  readonly adultAge: number;
  readonly secondaryEarnerExemption: number;
  readonly yearKey: string;
  readonly yearEnd: string;
}

export function resolveCwbPlan(params: ParameterReader, asOf: string): CwbPlan {
  const t = params.table('cwb/amounts', asOf);
  const v = (k: string): number => t[k] ?? Number.NaN;
  return {
    baseMaxSingle: v('base-max-single'),
    baseMaxFamily: v('base-max-family'),
    phaseInThreshold: v('phase-in-threshold'),
    phaseInRate: v('phase-in-rate'),
    phaseOutSingle: v('phase-out-single'),
    phaseOutFamily: v('phase-out-family'),
    phaseOutRate: v('phase-out-rate'),
    disabilityMax: v('disability-max'),
    disabilityPhaseInThreshold: v('disability-phase-in-threshold'),
    disabilityPhaseOutSingle: v('disability-phase-out-single'),
    disabilityPhaseOutFamily: v('disability-phase-out-family'),
    disabilityPhaseOutRate: v('disability-phase-out-rate'),
    disabilityPhaseOutRateBoth: v('disability-phase-out-rate-both'),
    adultAge: v('adult-age'),
    secondaryEarnerExemption: v('secondary-earner-exemption'),
    yearKey: String(yearOf(asOf)),
    yearEnd: `${yearOf(asOf)}-12-31`,
  };
}

/**
 * ITA s. 122.7(1) "adjusted net income": a couple may exclude the lower-earning spouse's working
 * income, up to $14,000, from family net income.
 */
export function adjustedFamilyNetIncome(
  plan: CwbPlan,
  netIncome: number,
  ownWork: number,
  spouseWork: number,
): number {
  const lower = ownWork < spouseWork ? ownWork : spouseWork;
  const exempt = lower < plan.secondaryEarnerExemption ? lower : plan.secondaryEarnerExemption;
  return excess(netIncome, exempt > 0 ? exempt : 0);
}

/** 27 % of working income above the threshold, capped at the maximum (ITA s. 122.7(2), (3)). */
export function phaseIn(max: number, rate: number, threshold: number, workingIncome: number): number {
  const v = multiplyRate(excess(workingIncome, threshold), rate, 'half-up');
  return v < max ? v : max;
}

export function phaseOut(rate: number, threshold: number, netIncome: number): number {
  return multiplyRate(excess(netIncome, threshold), rate, 'half-up');
}

/** Amount = lesser of the maximum and the phase-in, less the phase-out, never negative. */
export function combinePhases(max: number, phasedIn: number, phasedOut: number): number {
  return excess(phasedIn < max ? phasedIn : max, phasedOut);
}

/** ITA s. 122.7(1): a family is an individual with an eligible spouse or an eligible dependant. */
export function isCwbFamily(hasSpouse: boolean, hasDependant: boolean): boolean {
  return hasSpouse || hasDependant;
}

/** Disability supplement: the individual (not a dependant) is eligible for the disability tax credit. */
export function isDisabilitySupplementEligible(dtcEligible: boolean, dependant: boolean): boolean {
  return dtcEligible && !dependant;
}

export function cwbBase(plan: CwbPlan, family: boolean, workingIncome: number, netIncome: number): number {
  const max = family ? plan.baseMaxFamily : plan.baseMaxSingle;
  const gained = phaseIn(max, plan.phaseInRate, plan.phaseInThreshold, workingIncome);
  return combinePhases(
    max,
    gained,
    phaseOut(plan.phaseOutRate, family ? plan.phaseOutFamily : plan.phaseOutSingle, netIncome),
  );
}

/**
 * Disability supplement (ITA s. 122.7(3)) for `disabled` DTC-eligible spouses (0, 1 or 2). When both
 * spouses qualify each gets a supplement reduced at half the rate.
 */
export function cwbDisability(
  plan: CwbPlan,
  family: boolean,
  disabled: number,
  workingIncome: number,
  netIncome: number,
): number {
  if (disabled === 0) return 0;
  const gained = phaseIn(
    plan.disabilityMax,
    plan.phaseInRate,
    plan.disabilityPhaseInThreshold,
    workingIncome,
  );
  const threshold = family ? plan.disabilityPhaseOutFamily : plan.disabilityPhaseOutSingle;
  const rate = disabled > 1 ? plan.disabilityPhaseOutRateBoth : plan.disabilityPhaseOutRate;
  return disabled * combinePhases(plan.disabilityMax, gained, phaseOut(rate, threshold, netIncome));
}
