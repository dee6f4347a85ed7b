import { defaultParameters as store } from '../../../../src/rules/core/parameters.ts';
import {
  combineGst,
  gstBase,
  gstPersonAmount,
  gstReduction,
  gstSupplement,
  isQualifiedDependant,
  isSingleParent,
  resolveGstPlan,
  type GstRole,
} from '../../../../src/rules/programmes/gst-credit/gst-credit.formula.ts';
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

const plan = (c: OracleCase) => resolveGstPlan(store, periodStart(c));

const CATEGORY_ROLE: Readonly<Record<string, GstRole>> = {
  HEAD: 'individual',
  SPOUSE: 'spouse',
  CHILD: 'child',
};

function isChild(p: Vars): boolean {
  return !flag(p, 'is_head') && !flag(p, 'is_spouse') && (flag(p, 'is_dependant') || num(p, 'age', 18) < 19);
}

/** Roles in person order: head, spouse, eldest child of a single parent as eligible dependant, other children. */
function roles(c: OracleCase): (GstRole | undefined)[] {
  const list = people(c);
  const married = flag(household(c), 'is_married');
  const eldest = married
    ? -1
    : list.reduce(
        (best, [, p], i) =>
          isChild(p) && (best < 0 || num(p, 'age', 18) > num(list[best]?.[1] ?? {}, 'age', 18)) ? i : best,
        -1,
      );
  return list.map(([, p], i) => {
    const category = p['gst_credit_category'];
    if (typeof category === 'string') return CATEGORY_ROLE[category];
    if (flag(p, 'is_spouse') || flag(p, 'is_eldest_child_in_single_household_for_gst_credit'))
      return 'spouse';
    if (flag(p, 'is_head')) return 'individual';
    if (p['is_eldest_child_in_single_household_for_gst_credit'] === false) return 'child';
    if (flag(p, 'is_child_for_gst_credit') || isChild(p))
      return i === eldest ? 'eligible-dependant' : 'child';
    return undefined;
  });
}

function facts(c: OracleCase): { married: boolean; children: number; net: number } {
  const h = household(c);
  const married = flag(h, 'is_married') || people(c).some(([, p]) => flag(p, 'is_spouse'));
  const children = has(h, 'gst_credit_dependant_children')
    ? num(h, 'gst_credit_dependant_children')
    : has(h, 'gst_credit_single_parent_household')
      ? Number(flag(h, 'gst_credit_single_parent_household'))
      : people(c).filter(([, p]) => isChild(p)).length;
  return { married, children, net: dollarsToCents(num(h, 'household_net_income')) };
}

const gstCredit: Evaluator = (c) => {
  const h = household(c);
  const p = plan(c);
  if (has(h, 'gst_credit_base')) {
    const parts = ['gst_credit_base', 'gst_credit_singles_boost', 'gst_credit_reduction'].map((k) =>
      dollarsToCents(num(h, k)),
    );
    return value(cents(combineGst(parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0)));
  }
  const f = facts(c);
  const total = combineGst(
    gstBase(p, f.married, f.children),
    gstSupplement(p, f.married, f.children, f.net),
    gstReduction(p, f.net),
  );
  return value(cents(total));
};

const categoryOf = (role: GstRole | undefined): string =>
  role === 'individual' ? 'HEAD' : role === 'child' ? 'CHILD' : role === undefined ? 'NONE' : 'SPOUSE';

export const gstAnswers: Readonly<Record<string, Evaluator>> = {
  gst_credit: gstCredit,
  gst_credit_base: (c) => {
    const f = facts(c);
    return value(cents(gstBase(plan(c), f.married, f.children)));
  },
  gst_credit_singles_boost: (c) => {
    const f = facts(c);
    return value(cents(gstSupplement(plan(c), f.married, f.children, f.net)));
  },
  gst_credit_reduction: (c) => value(cents(gstReduction(plan(c), facts(c).net))),
  gst_credit_person: (c) => {
    const p = plan(c);
    return value(roles(c).map((r) => (r === undefined ? 0 : cents(gstPersonAmount(p, r)))));
  },
  gst_credit_category: (c) => value(roles(c).map(categoryOf)),
  gst_credit_single_parent_household: (c) => {
    const f = facts(c);
    return value(isSingleParent(f.married, f.children));
  },
  is_child_for_gst_credit: (c) => {
    const p = plan(c);
    return value(
      people(c).map(([, v]) => isQualifiedDependant(p, num(v, 'age', 18), flag(v, 'is_dependant'))),
    );
  },
  is_eldest_child_in_single_household_for_gst_credit: () => ({
    kind: 'listed',
    reason: 'PolicyEngine-internal flag; ITA s. 122.5(3) only needs the number of children, which we count',
  }),
};
