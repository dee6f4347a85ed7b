import type { Household, Person } from '../../model/household.ts';
import { OAS_UNKNOWN_INCOME, OAS_UNKNOWN_RESIDENCE } from './oas.formula.ts';
import { allowanceAmount, gisIncome, survivorAllowanceAmount } from './gis.formula.ts';
import type { SeniorsPlan } from './seniors.plan.ts';
import {
  allowanceResidence,
  isAllowanceAge,
  missingKindOf,
  notPayable,
  readSpouse,
  receivesOas,
  reset,
  unknown,
  type SeniorRead,
} from './seniors.read.ts';

/** The Allowance (OAS Act s. 19): aged 60–64, spouse receives the OAS pension, combined income test. */
export function readAllowance(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): void {
  reset(out);
  const person = h.people[index] as Person;
  if (person.birthDate > plan.asOf || !isAllowanceAge(plan, person)) return notPayable(out, 'allowance.age');
  const spouse = readSpouse(plan, h, index, out);
  if (spouse < 0) return notPayable(out, 'allowance.no-spouse');
  if (!receivesOas(out.spouse)) {
    const s = out.spouse.outcome;
    if (s >= OAS_UNKNOWN_RESIDENCE && s !== OAS_UNKNOWN_INCOME) return unknown(out, spouse, missingKindOf(s));
    return notPayable(out, 'allowance.spouse-not-pensioner');
  }
  if (!allowanceResidence(plan, h, index, out)) return;
  const own = gisIncome(plan, person);
  if (Number.isNaN(own)) return unknown(out, index, 'income');
  const other = gisIncome(plan, h.people[spouse] as Person);
  if (Number.isNaN(other)) return unknown(out, spouse, 'income');
  out.income = own + other;
  out.amount = allowanceAmount(plan, out.income);
  if (out.amount === 0) out.reason = 'allowance.income-above-cut-off';
}

/** The Allowance for the Survivor (OAS Act s. 21): aged 60–64, widowed and not in a new union. */
export function readSurvivorAllowance(plan: SeniorsPlan, h: Household, index: number, out: SeniorRead): void {
  reset(out);
  const person = h.people[index] as Person;
  if (person.birthDate > plan.asOf || !isAllowanceAge(plan, person)) return notPayable(out, 'afs.age');
  if (readSpouse(plan, h, index, out) >= 0) return notPayable(out, 'afs.has-spouse');
  if (person.maritalStatus === undefined) return unknown(out, index, 'marital-status');
  if (person.maritalStatus !== 'widowed') return notPayable(out, 'afs.not-widowed');
  if (!allowanceResidence(plan, h, index, out)) {
    if (out.reason.startsWith('allowance.')) out.reason = out.reason.replace('allowance.', 'afs.');
    return;
  }
  const own = gisIncome(plan, person);
  if (Number.isNaN(own)) return unknown(out, index, 'income');
  out.income = own;
  out.amount = survivorAllowanceAmount(plan, own);
  if (out.amount === 0) out.reason = 'afs.income-above-cut-off';
}
