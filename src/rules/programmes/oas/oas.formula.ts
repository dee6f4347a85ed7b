import { monthIndex } from '../../core/dates.ts';
import { divideRounded, excess, multiplyRate } from '../../core/money.ts';
import type { Household, Person } from '../../model/household.ts';
import { residenceYearsAfter18 } from '../../model/household.queries.ts';
import { personNetIncome } from '../shared/family.ts';
import type { SeniorsPlan } from './seniors.plan.ts';

/** Outcome codes of the OAS pension test for one person (numbers: the batch path allocates nothing). */
export const OAS_OK = 0;
export const OAS_UNDER_AGE = 1;
export const OAS_RESIDENCE_SHORT = 2;
export const OAS_ABROAD = 3;
export const OAS_STATUS = 4;
export const OAS_UNKNOWN_RESIDENCE = 5;
export const OAS_UNKNOWN_STATUS = 6;
export const OAS_UNKNOWN_ABROAD = 7;
export const OAS_UNKNOWN_INCOME = 8;

export interface OasRead {
  outcome: number;
  years: number;
  deferralMonths: number;
  at75: boolean;
  /** Monthly pension before recovery tax. */
  gross: number;
  /** Monthly pension without deferral or age-75 increase (used by the GIS, OAS Act s. 12(5)). */
  basic: number;
  /** Monthly recovery tax withheld. */
  recovery: number;
  /** Annual recovery tax of the base year (ITA s. 180.2(2)), capped at 12 months of this pension. */
  annualRecovery: number;
  net: number;
}

export function createOasRead(): OasRead {
  return {
    outcome: OAS_OK,
    years: 0,
    deferralMonths: 0,
    at75: false,
    gross: 0,
    basic: 0,
    recovery: 0,
    annualRecovery: 0,
    net: 0,
  };
}

/** Month index of the month in which the person reaches `age`. */
export function birthdayMonth(person: Person, age: number): number {
  return monthIndex(person.birthDate) + age * 12;
}

/** OAS Act s. 8(1): payable from the month after the month the person turns 65 (and qualifies). */
export function isPensionAge(plan: SeniorsPlan, person: Person): boolean {
  return plan.month > birthdayMonth(person, plan.pensionAge);
}

/**
 * Deferral months (s. 7.1): from the first month of entitlement to the month the pension starts,
 * none after age 70. Without a start date we count none (the minimum) and say so in the reasons.
 */
export function deferralMonths(plan: SeniorsPlan, person: Person): number {
  const start = person.oas?.startDate;
  if (start === undefined) return 0;
  const first = birthdayMonth(person, plan.pensionAge) + 1;
  const months = monthIndex(start) - first;
  if (months <= 0) return 0;
  return months > plan.deferralMaxMonths ? plan.deferralMaxMonths : months;
}

/**
 * Monthly pension: max × years/40 × (1 + 0.6 % × months), one rounding half up to the cent
 * (OAS Regulations s. 7). Computed exactly on integers.
 */
export function pensionCents(max: number, years: number, full: number, rate: number, months: number): number {
  const counted = years > full ? full : years;
  const perMillion = Math.round(rate * 1_000_000) * months + 1_000_000;
  return divideRounded(max * counted * perMillion, full * 1_000_000, 'half-up');
}

export function checkResidence(plan: SeniorsPlan, person: Person, out: OasRead): boolean {
  const years = residenceYearsAfter18(person, plan.asOf);
  if (years === undefined) return fail(out, OAS_UNKNOWN_RESIDENCE);
  out.years = years;
  if (years < plan.minimumYears) return fail(out, OAS_RESIDENCE_SHORT);
  const abroad = person.residence?.livesInCanada;
  if (years < plan.yearsForPaymentAbroad && abroad === false) return fail(out, OAS_ABROAD);
  if (years < plan.yearsForPaymentAbroad && abroad === undefined) return fail(out, OAS_UNKNOWN_ABROAD);
  const status = person.residence?.status;
  if (status === undefined && person.residence?.livesInCanada !== false) return fail(out, OAS_UNKNOWN_STATUS);
  if (status === 'temporary-resident' || status === 'other') return fail(out, OAS_STATUS);
  return true;
}

function fail(out: OasRead, outcome: number): false {
  out.outcome = outcome;
  return false;
}

/** ITA s. 180.2(2): 15 % of net income above the threshold, at most the pension received. */
export function recoveryTaxCents(threshold: number, rate: number, income: number, received: number): number {
  const tax = multiplyRate(excess(income, threshold), rate, 'half-up');
  return tax > received ? received : tax;
}

/** Monthly recovery tax withheld: the base-year recovery ÷ 12 (half up), at most the monthly pension. */
export function monthlyRecovery(plan: SeniorsPlan, income: number, gross: number): number {
  const annual = recoveryTaxCents(
    plan.recoveryThreshold,
    plan.recoveryRate,
    income,
    Number.POSITIVE_INFINITY,
  );
  const monthly = divideRounded(annual, 12, 'half-up');
  return monthly > gross ? gross : monthly;
}

/** Fills `out` for the person; `out.outcome` says whether a pension is payable. */
export function readOas(plan: SeniorsPlan, h: Household, index: number, out: OasRead): void {
  const person = h.people[index] as Person;
  out.outcome = OAS_OK;
  out.gross = out.net = out.basic = out.recovery = out.annualRecovery = out.years = out.deferralMonths = 0;
  out.at75 = false;
  if (person.birthDate > plan.asOf || !isPensionAge(plan, person)) {
    out.outcome = OAS_UNDER_AGE;
    return;
  }
  if (!checkResidence(plan, person, out)) return;
  out.deferralMonths = deferralMonths(plan, person);
  out.at75 = plan.month > birthdayMonth(person, plan.increaseAge);
  const max = out.at75 ? plan.oasMax75 : plan.oasMax;
  out.gross = pensionCents(max, out.years, plan.fullYears, plan.deferralRate, out.deferralMonths);
  out.basic = pensionCents(plan.oasMax, out.years, plan.fullYears, plan.deferralRate, 0);
  const income = personNetIncome(person, plan.yearKey);
  if (Number.isNaN(income)) {
    out.outcome = OAS_UNKNOWN_INCOME;
    return;
  }
  out.recovery = monthlyRecovery(plan, income, out.gross);
  out.annualRecovery = recoveryTaxCents(plan.recoveryThreshold, plan.recoveryRate, income, out.gross * 12);
  out.net = out.gross - out.recovery;
}

/** Whether the person receives an OAS pension (before recovery tax), for the GIS and allowances. */
export function receivesOas(read: OasRead): boolean {
  return read.outcome === OAS_OK || (read.outcome === OAS_UNKNOWN_INCOME && read.gross > 0);
}
