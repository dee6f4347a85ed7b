import { ageOn } from '../../core/dates.ts';
import type { Person } from '../../model/household.ts';
import type { Household } from '../../model/household.ts';

/** Persons the seniors' programmes report on: everyone aged 60 or more on asOf. */
export function isSeniorCandidate(person: Person, asOf: string): boolean {
  return person.birthDate <= asOf && ageOn(person.birthDate, asOf) >= 60;
}

export function seniorIndices(h: Household, asOf: string): number[] {
  const out: number[] = [];
  h.people.forEach((p, i) => {
    if (isSeniorCandidate(p, asOf)) out.push(i);
  });
  return out;
}
