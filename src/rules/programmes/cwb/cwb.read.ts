import { ageOn } from '../../core/dates.ts';
import type { Household, Person } from '../../model/household.ts';
import { workingIncomeOf } from '../../model/household.queries.ts';
import { familyHead, personNetIncome, spouseIndex } from '../shared/family.ts';
import {
  adjustedFamilyNetIncome,
  cwbBase,
  cwbDisability,
  isCwbFamily,
  isDisabilitySupplementEligible,
  type CwbPlan,
} from './cwb.formula.ts';

export interface CwbRead {
  amount: number;
  reason: string;
  head: number;
  spouse: number;
  family: boolean;
  disabled: number;
  workingIncome: number;
  netIncome: number;
  base: number;
  disability: number;
}

export function createCwbRead(): CwbRead {
  return {
    amount: 0,
    reason: '',
    head: -1,
    spouse: -1,
    family: false,
    disabled: 0,
    workingIncome: 0,
    netIncome: 0,
    base: 0,
    disability: 0,
  };
}

function hasChildUnder(h: Household, date: string, age: number): boolean {
  for (const r of h.relationships ?? []) {
    if (r.type !== 'parent') continue;
    for (const p of h.people)
      if (p.id === r.childId && p.birthDate <= date && ageOn(p.birthDate, date) < age) return true;
  }
  return false;
}

function working(p: Person, yearKey: string): number {
  const income = p.income?.[yearKey];
  return income === undefined ? Number.NaN : workingIncomeOf(income);
}

/** Where Quebec, Nunavut and Alberta set their own CWB (ITA s. 122.7(12)); not covered. */
function provinceCovered(h: Household): boolean {
  return h.province !== 'QC' && h.province !== 'NU' && h.province !== 'AB';
}

export function readCwb(plan: CwbPlan, h: Household, out: CwbRead): void {
  out.reason = '';
  out.amount = out.base = out.disability = 0;
  out.head = familyHead(h, plan.yearEnd);
  if (out.head < 0) return notEligible(out, 'cwb.no-adult');
  const head = h.people[out.head] as Person;
  out.spouse = spouseIndex(h, out.head);
  out.family = isCwbFamily(out.spouse >= 0, hasChildUnder(h, plan.yearEnd, plan.adultAge));
  // ITA s. 122.7(1) "eligible individual": 19 by 31 December, or has a spouse or a child.
  if (!out.family && ageOn(head.birthDate, plan.yearEnd) < plan.adultAge)
    return notEligible(out, 'cwb.under-19');
  if (head.residence?.livesInCanada === false) return notEligible(out, 'cwb.not-resident');
  const spouse = out.spouse < 0 ? undefined : (h.people[out.spouse] as Person);
  const ownWork = working(head, plan.yearKey);
  const spouseWork = spouse ? working(spouse, plan.yearKey) : 0;
  out.workingIncome = ownWork + spouseWork;
  // No working income rules the benefit out everywhere, Quebec, Nunavut and Alberta included: their own
  // amounts also start above a minimum of working income (ITA s. 122.7(2), (12)).
  if (out.workingIncome === 0) return notEligible(out, 'cwb.no-working-income');
  if (!provinceCovered(h)) {
    out.amount = Number.NaN;
    out.reason = 'cwb.province-not-covered';
    return;
  }
  const net = personNetIncome(head, plan.yearKey) + (spouse ? personNetIncome(spouse, plan.yearKey) : 0);
  out.netIncome = spouse ? adjustedFamilyNetIncome(plan, net, ownWork, spouseWork) : net;
  if (Number.isNaN(out.workingIncome) || Number.isNaN(out.netIncome)) {
    out.amount = Number.NaN;
    return;
  }
  out.disabled =
    (isDisabilitySupplementEligible(head.disability?.dtcEligible === true, false) ? 1 : 0) +
    (isDisabilitySupplementEligible(spouse?.disability?.dtcEligible === true, false) ? 1 : 0);
  out.base = cwbBase(plan, out.family, out.workingIncome, out.netIncome);
  out.disability = cwbDisability(plan, out.family, out.disabled, out.workingIncome, out.netIncome);
  out.amount = out.base + out.disability;
  if (out.amount === 0)
    out.reason = out.workingIncome > 0 ? 'cwb.income-outside-range' : 'cwb.no-working-income';
}

function notEligible(out: CwbRead, reason: string): void {
  out.amount = 0;
  out.reason = reason;
}
