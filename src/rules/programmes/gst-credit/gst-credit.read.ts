import { ageOn } from '../../core/dates.ts';
import type { Household, Person } from '../../model/household.ts';
import { familyHead, personNetIncome, readChildren, spouseIndex } from '../shared/family.ts';
import { gstWithCustody, type GstPlan } from './gst-credit.formula.ts';

export interface GstRead {
  amount: number;
  reason: string;
  head: number;
  spouse: number;
  children: number;
  sharedChildren: number;
  ownNet: number;
  familyNet: number;
}

export function createGstRead(): GstRead {
  return {
    amount: 0,
    reason: '',
    head: -1,
    spouse: -1,
    children: 0,
    sharedChildren: 0,
    ownNet: 0,
    familyNet: 0,
  };
}

/** ITA s. 122.5: an eligible individual is 19 or over, or has a spouse, or is a parent living with a child. */
export function readGst(plan: GstPlan, h: Household, out: GstRead): void {
  out.reason = '';
  out.head = familyHead(h, plan.asOf);
  if (out.head < 0) return notEligible(out, 'gst-credit.no-adult');
  const head = h.people[out.head] as Person;
  out.spouse = spouseIndex(h, out.head);
  countChildren(plan, h, out);
  const adult = ageOn(head.birthDate, plan.asOf) >= plan.adultAge;
  if (!adult && out.spouse < 0 && out.children + out.sharedChildren === 0) {
    return notEligible(out, 'gst-credit.under-19');
  }
  if (head.residence?.livesInCanada === false) return notEligible(out, 'gst-credit.not-resident');
  out.ownNet = personNetIncome(head, plan.yearKey);
  const spouseNet = out.spouse < 0 ? 0 : personNetIncome(h.people[out.spouse] as Person, plan.yearKey);
  out.familyNet = out.ownNet + spouseNet;
  if (Number.isNaN(out.familyNet)) {
    out.amount = Number.NaN;
    return;
  }
  out.amount = gstWithCustody(
    plan,
    out.spouse >= 0,
    out.children,
    out.sharedChildren,
    out.ownNet,
    out.familyNet,
  );
  if (out.amount === 0) out.reason = 'gst-credit.income-above-threshold';
}

/** Qualified dependants under 19: full custody (over 60 %) and shared (40–60 %); under 40 % not counted. */
function countChildren(plan: GstPlan, h: Household, out: GstRead): void {
  const n = readChildren(h, plan.firstOfMonth, plan.childAgeLimit, plan.scratch);
  out.children = out.sharedChildren = 0;
  for (let i = 0; i < n; i++) {
    const share = plan.scratch.shares[i] ?? 0;
    if (share > plan.sharedMax) out.children++;
    else if (share >= plan.sharedMin) out.sharedChildren++;
  }
}

function notEligible(out: GstRead, reason: string): void {
  out.amount = 0;
  out.reason = reason;
}
