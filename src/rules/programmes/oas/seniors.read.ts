import type { Household, Person } from '../../model/household.ts';
import { spouseIndex } from '../shared/family.ts';
import {
  birthdayMonth,
  checkResidence,
  createOasRead,
  OAS_ABROAD,
  OAS_OK,
  OAS_RESIDENCE_SHORT,
  OAS_STATUS,
  OAS_UNKNOWN_ABROAD,
  OAS_UNKNOWN_RESIDENCE,
  OAS_UNKNOWN_STATUS,
  readOas,
  receivesOas,
  type OasRead,
} from './oas.formula.ts';
import type { SeniorsPlan } from './seniors.plan.ts';

/**
 * Shared reading of a person for the GIS and the allowances. Everything is written into a reused
 * record (no allocation on the batch path); the traced path turns it into reasons and missing facts.
 */
export type MissingKind = 'income' | 'residence' | 'status' | 'lives-in-canada' | 'marital-status' | '';

export interface SeniorRead {
  /** Monthly cents: > 0 payable, 0 not payable, NaN cannot tell. */
  amount: number;
  reason: string;
  missingIndex: number;
  missingKind: MissingKind;
  income: number;
  situation: string;
  readonly own: OasRead;
  readonly spouse: OasRead;
}

export function createSeniorRead(): SeniorRead {
  return {
    amount: 0,
    reason: '',
    missingIndex: -1,
    missingKind: '',
    income: 0,
    situation: '',
    own: createOasRead(),
    spouse: createOasRead(),
  };
}

export function reset(out: SeniorRead): void {
  out.amount = 0;
  out.reason = '';
  out.missingIndex = -1;
  out.missingKind = '';
  out.income = 0;
  out.situation = '';
}

export function notPayable(out: SeniorRead, reason: string): void {
  out.amount = 0;
  out.reason = reason;
}

export function unknown(out: SeniorRead, index: number, kind: MissingKind): void {
  out.amount = Number.NaN;
  out.missingIndex = index;
  out.missingKind = kind;
}

export function missingKindOf(outcome: number): MissingKind {
  if (outcome === OAS_UNKNOWN_RESIDENCE) return 'residence';
  if (outcome === OAS_UNKNOWN_STATUS) return 'status';
  if (outcome === OAS_UNKNOWN_ABROAD) return 'lives-in-canada';
  return 'income';
}

/** Between the month after the 60th birthday and the month of the 65th (OAS Act s. 19(1), 21(1)). */
export function isAllowanceAge(plan: SeniorsPlan, person: Person): boolean {
  return plan.month > birthdayMonth(person, 60) && plan.month <= birthdayMonth(person, 65);
}

/**
 * Residence test of the allowances (s. 19(1)(c), 21(1)(c)): 10 years after 18, status, in Canada.
 * Returns true when met with 40 years; partial allowances (under 40 years) are not modelled and
 * answer cannot-tell.
 */
export function allowanceResidence(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): boolean {
  const person = h.people[index] as Person;
  out.own.outcome = OAS_OK;
  if (!checkResidence(plan, person, out.own)) {
    const o = out.own.outcome;
    if (o === OAS_RESIDENCE_SHORT || o === OAS_ABROAD || o === OAS_STATUS)
      notPayable(out, 'allowance.residence');
    else unknown(out, index, missingKindOf(o));
    return false;
  }
  if (out.own.years < plan.fullYears) {
    unknown(out, index, '');
    out.reason = 'allowance.partial-residence-not-modelled';
    return false;
  }
  return true;
}

/** Reads the spouse's OAS situation into out.spouse; returns the spouse's index or −1. */
export function readSpouse(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): number {
  const spouse = spouseIndex(h, index);
  if (spouse >= 0) readOas(plan, h, spouse, out.spouse);
  return spouse;
}

export { receivesOas };
