import { benefitYearStart } from '../../core/dates.ts';
import { excess, multiplyRate } from '../../core/money.ts';
import type { ParameterReader } from '../../core/types.ts';
import { createChildScratch, type ChildScratch } from '../shared/family.ts';

/** GST/HST credit parameters of one July–June payment year, resolved once. */
export interface GstPlan {
  readonly adult: number;
  readonly child: number;
  readonly supplement: number;
  readonly supplementThreshold: number;
  readonly supplementRate: number;
  readonly reductionThreshold: number;
  readonly reductionRate: number;
  readonly childAgeLimit: number;
  readonly adultAge: number;
  readonly sharedMin: number;
  readonly sharedMax: number;
  readonly sharedFactor: number;
  readonly asOf: string;
  readonly firstOfMonth: string;
  readonly yearKey: string;
  readonly scratch: ChildScratch;
}

// Reused by every plan of this programme: an evaluation runs synchronously to its end and never nests another
// of the same programme, and four typed arrays allocated per evaluation cost about a tenth of an API
// evaluation (issue #12 profile).
const SCRATCH = createChildScratch();

export function resolveGstPlan(params: ParameterReader, asOf: string): GstPlan {
  const t = params.table('gst-credit/amounts', asOf);
  const custody = params.table('gst-credit/shared-custody', asOf);
  const v = (k: string): number => t[k] ?? Number.NaN;
  return {
    adult: v('adult'),
    child: v('child'),
    supplement: v('single-supplement'),
    supplementThreshold: v('supplement-threshold'),
    supplementRate: v('supplement-rate'),
    reductionThreshold: v('reduction-threshold'),
    reductionRate: v('reduction-rate'),
    childAgeLimit: v('child-age-limit'),
    adultAge: v('adult-age'),
    sharedMin: custody['minimum-share'] ?? Number.NaN,
    sharedMax: custody['maximum-share'] ?? Number.NaN,
    sharedFactor: custody['factor'] ?? Number.NaN,
    asOf,
    firstOfMonth: `${asOf.slice(0, 8)}01`,
    yearKey: String(benefitYearStart(asOf) - 1),
    scratch: SCRATCH,
  };
}

export type GstRole = 'individual' | 'spouse' | 'eligible-dependant' | 'child';

/** ITA s. 122.5(3): the adult amount for the individual, the spouse or (single parents) one child. */
export function gstPersonAmount(plan: GstPlan, role: GstRole): number {
  return role === 'child' ? plan.child : plan.adult;
}

export function isSingleParent(hasSpouse: boolean, children: number): boolean {
  return !hasSpouse && children > 0;
}

/** Credit before the income reduction: the sum of the amounts of each person's role. */
export function gstBase(plan: GstPlan, hasSpouse: boolean, children: number): number {
  const second = hasSpouse ? 'spouse' : 'eligible-dependant';
  const adults = hasSpouse || children > 0 ? 2 : 1;
  const otherChildren = isSingleParent(hasSpouse, children) ? children - 1 : children;
  return (
    gstPersonAmount(plan, 'individual') +
    (adults === 2 ? gstPersonAmount(plan, second) : 0) +
    otherChildren * gstPersonAmount(plan, 'child')
  );
}

/** Singles supplement: full for single parents, else 2 % of own net income above the threshold, capped. */
export function gstSupplement(plan: GstPlan, hasSpouse: boolean, children: number, ownNet: number): number {
  if (hasSpouse) return 0;
  if (isSingleParent(hasSpouse, children)) return plan.supplement;
  const phased = multiplyRate(excess(ownNet, plan.supplementThreshold), plan.supplementRate, 'half-up');
  return phased < plan.supplement ? phased : plan.supplement;
}

export function gstReduction(plan: GstPlan, familyNet: number): number {
  return multiplyRate(excess(familyNet, plan.reductionThreshold), plan.reductionRate, 'half-up');
}

export function gstAnnualCents(
  plan: GstPlan,
  hasSpouse: boolean,
  children: number,
  ownNet: number,
  familyNet: number,
): number {
  return combineGst(
    gstBase(plan, hasSpouse, children),
    gstSupplement(plan, hasSpouse, children, ownNet),
    gstReduction(plan, familyNet),
  );
}

/**
 * Shared custody (ITA s. 122.5(3.01)): children in shared custody add half of the difference they
 * make to the credit computed as if they lived with the individual full time.
 */
export function gstWithCustody(
  plan: GstPlan,
  hasSpouse: boolean,
  fullChildren: number,
  sharedChildren: number,
  ownNet: number,
  familyNet: number,
): number {
  const full = gstAnnualCents(plan, hasSpouse, fullChildren, ownNet, familyNet);
  if (sharedChildren === 0) return full;
  const all = gstAnnualCents(plan, hasSpouse, fullChildren + sharedChildren, ownNet, familyNet);
  return full + multiplyRate(all - full, plan.sharedFactor, 'half-up');
}

export function combineGst(base: number, supplement: number, reduction: number): number {
  return excess(base + supplement, reduction);
}

/** ITA s. 122.5(1) "qualified dependant": under 19 and dependent on the individual. */
export function isQualifiedDependant(plan: GstPlan, age: number, dependant: boolean): boolean {
  return dependant && age < plan.childAgeLimit;
}
