import { defaultParameters as store } from '../../../../src/rules/core/parameters.ts';
import { excess, multiplyRate } from '../../../../src/rules/core/money.ts';
import {
  cwbBase,
  cwbDisability,
  isCwbFamily,
  resolveCwbPlan,
  type CwbPlan,
} from '../../../../src/rules/programmes/cwb/cwb.formula.ts';
import {
  dollarsToCents,
  flag,
  has,
  household,
  num,
  people,
  type OracleCase,
  type Vars,
  cents,
  periodStart,
  value,
  type Evaluator,
} from './oracle-case.ts';

/**
 * Canada workers benefit components (ITA s. 122.7) for PolicyEngine's variables. A component given
 * as an input is used as given; otherwise it comes from our tax-year parameters.
 */

const plan = (c: OracleCase): CwbPlan => resolveCwbPlan(store, periodStart(c));

const isHead = (p: Vars): boolean => flag(p, 'is_head') || (!flag(p, 'is_spouse') && !has(p, 'is_head'));

/** "Eligible dependant" (s. 122.7(1)): a child under 19 at the end of the year. */
const isDependant = (k: CwbPlan, p: Vars): boolean =>
  has(p, 'cwb_dependant') ? flag(p, 'cwb_dependant') : num(p, 'age', 18) < k.adultAge;

function isFamily(k: CwbPlan, c: OracleCase): boolean {
  const h = household(c);
  if (has(h, 'is_cwb_family')) return flag(h, 'is_cwb_family');
  return isCwbFamily(
    flag(h, 'is_married'),
    people(c).some(([, p]) => !isHead(p) && !flag(p, 'is_spouse') && isDependant(k, p)),
  );
}

/** "Eligible individual" (s. 122.7(1)): 19 or older at the end of the year, or with a spouse or child. */
function isEligible(k: CwbPlan, c: OracleCase): boolean {
  const h = household(c);
  if (has(h, 'cwb_eligible')) return flag(h, 'cwb_eligible');
  const head = people(c).find(([, p]) => isHead(p))?.[1] ?? {};
  return num(head, 'age', 18) >= k.adultAge || isFamily(k, c);
}

const working = (c: OracleCase): number => dollarsToCents(num(household(c), 'family_working_income'));
const netIncome = (c: OracleCase): number => dollarsToCents(num(household(c), 'adjusted_family_net_income'));

/** The phase-in term of s. 122.7(2) before the "lesser of" cap: 27 % of working income above the threshold. */
const phaseInTerm = (k: CwbPlan, threshold: number, c: OracleCase): number =>
  multiplyRate(excess(working(c), threshold), k.phaseInRate, 'half-up');

const baseMax: Evaluator = (c) => {
  const k = plan(c);
  const max = isFamily(k, c) ? k.baseMaxFamily : k.baseMaxSingle;
  return value(cents(isEligible(k, c) ? max : 0));
};

const basePhaseOut: Evaluator = (c) => {
  const k = plan(c);
  const threshold = isFamily(k, c) ? k.phaseOutFamily : k.phaseOutSingle;
  return value(cents(multiplyRate(excess(netIncome(c), threshold), k.phaseOutRate, 'half-up')));
};

const supplementEligible = (p: Vars): boolean =>
  has(p, 'cwb_disability_supplement_eligible')
    ? flag(p, 'cwb_disability_supplement_eligible')
    : flag(p, 'dtc_eligible') && (isHead(p) || flag(p, 'is_spouse'));

const disabilityMax: Evaluator = (c) => {
  const k = plan(c);
  return value(cents(people(c).some(([, p]) => supplementEligible(p)) ? k.disabilityMax : 0));
};

/** PolicyEngine's category names the family type and the number of DTC-eligible spouses (s. 122.7(3)). */
const CATEGORY: Readonly<Record<string, { family: boolean; disabled: number }>> = {
  INELIGIBLE: { family: false, disabled: 0 },
  SINGLE: { family: false, disabled: 1 },
  FAMILY_WITH_ONE_DISABLED_SPOUSE: { family: true, disabled: 1 },
  FAMILY_WITH_TWO_DISABLED_SPOUSES: { family: true, disabled: 2 },
};

const disabilityPhaseOut: Evaluator = (c) => {
  const k = plan(c);
  const category = CATEGORY[String(household(c)['cwb_disability_category'] ?? 'INELIGIBLE')];
  if (!category || category.disabled === 0) return value(0);
  const threshold = category.family ? k.disabilityPhaseOutFamily : k.disabilityPhaseOutSingle;
  const rate = category.disabled > 1 ? k.disabilityPhaseOutRateBoth : k.disabilityPhaseOutRate;
  return value(cents(multiplyRate(excess(netIncome(c), threshold), rate, 'half-up')));
};

/** The whole benefit from the household's facts: basic amount plus disability supplement. */
export const cwbFromFacts: Evaluator = (c) => {
  const k = plan(c);
  if (!isEligible(k, c)) return value(0);
  const family = isFamily(k, c);
  const disabled = people(c).filter(([, p]) => supplementEligible(p)).length;
  const net = netIncome(c);
  return value(
    cents(cwbBase(k, family, working(c), net) + cwbDisability(k, family, disabled, working(c), net)),
  );
};

export const cwbAnswers: Readonly<Record<string, Evaluator>> = {
  cwb_base_max_amount: baseMax,
  cwb_base_phase_in: (c) => value(cents(phaseInTerm(plan(c), plan(c).phaseInThreshold, c))),
  cwb_base_phase_out: basePhaseOut,
  cwb_dependant: (c) => value(people(c).map(([, p]) => num(p, 'age', 18) < plan(c).adultAge)),
  cwb_eligible: (c) => value(isEligible(plan(c), c)),
  cwb_disability_supplement_max_amount: disabilityMax,
  cwb_disability_supplement_phase_in: (c) =>
    value(cents(phaseInTerm(plan(c), plan(c).disabilityPhaseInThreshold, c))),
  cwb_disability_supplement_phase_out: disabilityPhaseOut,
};
