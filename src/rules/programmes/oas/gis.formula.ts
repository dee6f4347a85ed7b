import { divideRounded, excess, multiplyRate } from '../../core/money.ts';
import type { Person } from '../../model/household.ts';
import type { SeniorsPlan } from './seniors.plan.ts';

/**
 * Income-tested amounts of OAS Act Parts II and III, monthly cents. `income` is the annual income
 * of the base calendar year (combined for couples) in cents. The law reduces by whole dollars per
 * full step of income (s. 12(5), 12.1, 22), hence the floors: `steps(I, 24)` is ⌊I / $24⌋ in dollars.
 * The closed forms are those of docs/adr/0003-rules-engine.md; they reproduce canada.ca's cut-offs.
 */

function steps(income: number, dollars: number): number {
  return divideRounded(income > 0 ? income : 0, dollars * 100, 'floor') * 100;
}

/** ⌈OAS / n⌉ in whole dollars, as cents. */
function ceilDollars(cents: number, n: number): number {
  return divideRounded(cents, n * 100, 'ceil') * 100;
}

/** E = 12 × full OAS rounded up to a multiple of $4 (s. 12(6)(b)). */
export function spouseExemption(plan: SeniorsPlan): number {
  return ceilDollars(plan.oasMax, 4) * 48;
}

/** K = 12 × four-thirds of the OAS rounded up to a multiple of $3 (s. 22(3)). */
export function allowanceKnee(plan: SeniorsPlan): number {
  return ceilDollars(plan.oasMax, 3) * 48;
}

function topUpSingle(plan: SeniorsPlan, income: number): number {
  return excess(plan.topUpSingle, steps(income - plan.topUpThresholdSingle, 48));
}

function topUpCouple(plan: SeniorsPlan, income: number): number {
  return excess(plan.topUpCouple, steps(income - plan.topUpThresholdCouple, 96));
}

/** GIS income of one person: net income without OAS and GIS, less the employment exemption (s. 2). */
export function gisIncome(plan: SeniorsPlan, person: Person): number {
  const income = person.income?.[plan.yearKey];
  if (income === undefined) return Number.NaN;
  const work = (income.employment ?? 0) + (income.selfEmployment ?? 0);
  const band = excess(work, plan.exemptionFull);
  const partial = multiplyRate(
    band > plan.exemptionBand ? plan.exemptionBand : band,
    plan.exemptionRate,
    'floor',
  );
  const exemption = (work < plan.exemptionFull ? work : plan.exemptionFull) + partial;
  const net =
    (income.employment ?? 0) +
    (income.selfEmployment ?? 0) +
    (income.cpp ?? 0) +
    (income.ei ?? 0) +
    (income.socialAssistance ?? 0) +
    (income.pension ?? 0) +
    (income.investment ?? 0) +
    (income.other ?? 0) -
    (income.deductions ?? 0);
  return excess(net, exemption);
}

/** Case 1: single, widowed or divorced pensioner (s. 12(5), 12.1(1)). `extra` = full − own OAS (s. 12(5)). */
export function gisSingle(plan: SeniorsPlan, income: number, extra: number): number {
  const base = excess(plan.gisMaxSingle - plan.topUpSingle + extra, steps(income, 24));
  return base + topUpSingle(plan, income);
}

/** Case 2: the spouse also receives the OAS pension (s. 12(6)(c), 12.1(2)). */
export function gisSpouseOas(plan: SeniorsPlan, income: number, extra: number): number {
  const base = excess(plan.gisMaxCouple - plan.topUpCouple + extra, steps(income, 48));
  return base + topUpCouple(plan, income);
}

/** Case 3: the spouse receives neither the OAS nor the Allowance (s. 12(6)(b)). */
export function gisSpouseNoBenefit(plan: SeniorsPlan, income: number, extra: number): number {
  const base = excess(
    plan.gisMaxSingle - plan.topUpSingle + extra,
    steps(income - spouseExemption(plan), 48),
  );
  return base + excess(plan.topUpSingle, steps(income - plan.topUpThresholdCouple, 96));
}

/** The Allowance (s. 22(3), 22.1(2)), for a spouse aged 60–64 of a pensioner. */
export function allowanceAmount(plan: SeniorsPlan, income: number): number {
  const knee = allowanceKnee(plan);
  const gisPart = plan.gisMaxCouple - plan.topUpCouple;
  const base =
    income < knee ? plan.oasMax + gisPart - 3 * steps(income, 48) : gisPart - steps(income - knee, 48);
  return excess(base, 0) + topUpCouple(plan, income);
}

/** Case 5: the spouse receives the Allowance (s. 22(2)); never below the floor P while it is paid. */
export function gisSpouseAllowance(plan: SeniorsPlan, income: number, extra: number): number {
  const a = excess(plan.gisMaxCouple - plan.topUpCouple + extra, steps(income - allowanceKnee(plan), 48));
  const withTopUp = a + topUpCouple(plan, income);
  const b = excess(plan.gisMaxSingle - plan.topUpSingle + extra, steps(income - spouseExemption(plan), 48));
  const floorP =
    plan.gisMaxSingle -
    plan.topUpSingle -
    (plan.gisMaxCouple - plan.topUpCouple) -
    (ceilDollars(plan.oasMax, 3) - ceilDollars(plan.oasMax, 4)) +
    extra;
  const other = b < floorP ? b : floorP;
  return withTopUp > other ? withTopUp : other;
}

/** Allowance for the Survivor (s. 22(4), 22.1(3)), individual income. */
export function survivorAllowanceAmount(plan: SeniorsPlan, income: number): number {
  const knee = allowanceKnee(plan);
  const s = plan.survivorMax - plan.topUpSingle - plan.oasMax;
  const base =
    income < knee
      ? plan.survivorMax - plan.topUpSingle - 3 * steps(income, 48)
      : s - steps(income - knee, 24);
  return excess(base, 0) + topUpSingle(plan, income);
}
