import { defaultParameters as store } from '../../../../src/rules/core/parameters.ts';
import { excess, multiplyRate } from '../../../../src/rules/core/money.ts';
import {
  ccbAnnualCents,
  cdbAnnualCents,
  resolveCcbPlan,
  summarizeChildren,
  type CcbPlan,
} from '../../../../src/rules/programmes/ccb/ccb.formula.ts';
import {
  combinePhases,
  isCwbFamily,
  isDisabilitySupplementEligible,
} from '../../../../src/rules/programmes/cwb/cwb.formula.ts';
import { cwbAnswers, cwbFromFacts } from './oracle-cwb.ts';
import { oasAnswers } from './oracle-oas.ts';
import { gstAnswers } from './oracle-gst.ts';
import {
  dollarsToCents,
  flag,
  has,
  household,
  num,
  people,
  cents,
  listed,
  periodStart,
  value,
  type Evaluator,
  type OracleCase,
} from './oracle-case.ts';

export type { Answer, Evaluator } from './oracle-case.ts';

function fillChildren(plan: CcbPlan, c: OracleCase, custodyDefault: number): void {
  const s = plan.scratch;
  s.count = 0;
  for (const [, p] of people(c)) {
    const age = num(p, 'age', 18);
    if (age >= 18) continue;
    s.ages[s.count] = age;
    s.shares[s.count] = p['full_custody'] === true ? 1 : p['full_custody'] === false ? 0.5 : custodyDefault;
    s.dtc[s.count] = flag(p, 'dtc_eligible') || flag(p, 'is_disabled') ? 1 : 0;
    s.count++;
  }
  summarizeChildren(plan);
}

const afni = (c: OracleCase): number => dollarsToCents(num(household(c), 'adjusted_family_net_income'));

/** PolicyEngine's CCB treats a child without full_custody as shared; its CDB ignores custody. */
const childBenefit: Evaluator = (c) => {
  const plan = resolveCcbPlan(store, periodStart(c));
  fillChildren(plan, c, 0.5);
  return value(cents(ccbAnnualCents(plan, afni(c))));
};

const childDisabilityBenefit: Evaluator = (c) => {
  const plan = resolveCcbPlan(store, periodStart(c));
  const h = household(c);
  if (has(h, 'child_disability_benefit_reduction')) {
    const n = num(h, 'child_disability_benefit_children');
    return value(
      cents(excess(n * plan.cdbMax, dollarsToCents(num(h, 'child_disability_benefit_reduction')))),
    );
  }
  fillChildren(plan, c, 1);
  return value(cents(cdbAnnualCents(plan, afni(c))));
};

/** ITA s. 122.61(1), element C: a qualified dependant who is eligible for the disability tax credit. */
const childDisabilityEligible: Evaluator = (c) =>
  value(people(c).map(([, p]) => flag(p, 'dtc_eligible') && flag(p, 'child_benefit_eligible')));

/** Element C's reduction: 3.2 % (one child) or 5.7 % (two or more) of income above the second threshold. */
const childDisabilityReduction: Evaluator = (c) => {
  const plan = resolveCcbPlan(store, periodStart(c));
  const n = num(household(c), 'child_disability_benefit_children');
  if (n === 0) return value(0);
  const rate = plan.cdbRate[n > 1 ? 2 : 1] ?? Number.NaN;
  return value(cents(multiplyRate(excess(afni(c), plan.secondThreshold), rate, 'half-up')));
};

const cwbFromComponents =
  (max: string, phaseIn: string, phaseOut: string): Evaluator =>
  (c) => {
    const h = household(c);
    if (!has(h, max)) return listed(`${max} is not an input of this case`);
    return value(
      cents(
        combinePhases(
          dollarsToCents(num(h, max)),
          dollarsToCents(num(h, phaseIn)),
          dollarsToCents(num(h, phaseOut)),
        ),
      ),
    );
  };

const cwbTotal: Evaluator = (c) => {
  const h = household(c);
  if (!has(h, 'cwb_base')) return cwbFromFacts(c);
  return value(num(h, 'cwb_base') + num(h, 'cwb_disability_supplement'));
};

const cwbFamily: Evaluator = (c) =>
  value(
    isCwbFamily(
      flag(household(c), 'is_married'),
      people(c).some(([, p]) => flag(p, 'cwb_dependant')),
    ),
  );

const cwbDisabilityEligible: Evaluator = (c) =>
  value(
    people(c).map(([, p]) =>
      isDisabilitySupplementEligible(flag(p, 'dtc_eligible'), flag(p, 'cwb_dependant')),
    ),
  );

export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  child_benefit: childBenefit,
  child_disability_benefit: childDisabilityBenefit,
  child_disability_benefit_eligible: childDisabilityEligible,
  child_disability_benefit_reduction: childDisabilityReduction,
  cwb_base: cwbFromComponents('cwb_base_max_amount', 'cwb_base_phase_in', 'cwb_base_phase_out'),
  cwb_disability_supplement: cwbFromComponents(
    'cwb_disability_supplement_max_amount',
    'cwb_disability_supplement_phase_in',
    'cwb_disability_supplement_phase_out',
  ),
  canada_workers_benefit: cwbTotal,
  is_cwb_family: cwbFamily,
  cwb_disability_supplement_eligible: cwbDisabilityEligible,
  cwb_disability_category: () =>
    listed(
      'PolicyEngine-internal category; we count DTC-eligible spouses and the family flag (ITA s. 122.7(3))',
    ),
  ...gstAnswers,
  ...oasAnswers,
  ...cwbAnswers,
};
