import type { Household, IncomeByType, ParentRelationship, Person } from './household.ts';
import { ageOn, daysBetween, addYears } from '../core/dates.ts';

/** Small read helpers shared by the programmes; none of them allocate except where noted. */

export function findPerson(household: Household, id: string): Person | undefined {
  for (const p of household.people) if (p.id === id) return p;
  return undefined;
}

export function personIndex(household: Household, id: string): number {
  return household.people.findIndex((p) => p.id === id);
}

export function spouseIdOf(household: Household, personId: string): string | undefined {
  for (const r of household.relationships ?? []) {
    if (r.type !== 'spouse') continue;
    if (r.partners[0] === personId) return r.partners[1];
    if (r.partners[1] === personId) return r.partners[0];
  }
  return undefined;
}

export function spouseOf(household: Household, personId: string): Person | undefined {
  const id = spouseIdOf(household, personId);
  return id === undefined ? undefined : findPerson(household, id);
}

export function isChildInHousehold(household: Household, personId: string): boolean {
  for (const r of household.relationships ?? [])
    if (r.type === 'parent' && r.childId === personId) return true;
  return false;
}

/** Parent links of the household (allocates an array). */
export function parentLinks(household: Household): ParentRelationship[] {
  const out: ParentRelationship[] = [];
  for (const r of household.relationships ?? []) if (r.type === 'parent') out.push(r);
  return out;
}

/** Net income (line 23600 approximation): every income type minus deductions. */
export function netIncomeOf(income: IncomeByType): number {
  return (
    (income.employment ?? 0) +
    (income.selfEmployment ?? 0) +
    (income.oas ?? 0) +
    (income.gis ?? 0) +
    (income.cpp ?? 0) +
    (income.ei ?? 0) +
    (income.socialAssistance ?? 0) +
    (income.pension ?? 0) +
    (income.investment ?? 0) +
    (income.other ?? 0) -
    (income.deductions ?? 0)
  );
}

export function workingIncomeOf(income: IncomeByType): number {
  return (income.employment ?? 0) + (income.selfEmployment ?? 0);
}

export function incomeFor(person: Person, year: number): IncomeByType | undefined {
  return person.income?.[String(year)];
}

/** Whole years of residence after 18, from the count or the periods; undefined when not given. */
export function residenceYearsAfter18(person: Person, asOf: string): number | undefined {
  const r = person.residence;
  if (r?.yearsInCanadaAfter18 !== undefined) return r.yearsInCanadaAfter18;
  if (!r?.periodsInCanada) return undefined;
  const adult = addYears(person.birthDate, 18);
  let days = 0;
  for (const period of r.periodsInCanada) {
    const from = period.from > adult ? period.from : adult;
    const to = period.to === undefined || period.to > asOf ? asOf : period.to;
    if (to > from) days += daysBetween(from, to);
  }
  // OAS Act s. 3(4): aggregate residence is rounded down to whole years.
  return Math.floor(days / 365.25);
}

export function isAdultOn(person: Person, asOf: string): boolean {
  return ageOn(person.birthDate, asOf) >= 18;
}
