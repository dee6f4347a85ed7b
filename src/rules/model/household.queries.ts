import type { Household, IncomeByType, Person } from './household.ts';
import { daysBetween, addYears } from '../core/dates.ts';

/** Small read helpers shared by the programmes (rules-B uses spouseIdOf). */

export function spouseIdOf(household: Household, personId: string): string | undefined {
  for (const r of household.relationships ?? []) {
    if (r.type !== 'spouse') continue;
    if (r.partners[0] === personId) return r.partners[1];
    if (r.partners[1] === personId) return r.partners[0];
  }
  return undefined;
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
