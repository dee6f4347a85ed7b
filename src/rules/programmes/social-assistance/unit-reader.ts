import { ageOn } from '../../core/dates.ts';
import type { Household, Person } from '../../model/household.ts';
import { spouseIdOf } from '../../model/household.queries.ts';

/**
 * Allocation-free twin of `benefitUnit` + `monthlyMeans` for the batch fast paths: fills reusable
 * fields instead of building members and arrays. Adults are kept in the order of `adultsOf`
 * (applicant, spouse, other adults), as person indexes.
 */
export class UnitReader {
  applicant = -1;
  spouse = -1;
  children = 0;
  dependentAdults = 0;
  size = 0;
  adultCount = 0;
  /** A fact read by every needs test is missing (income of an adult, assets or shelter cost). */
  missing = false;
  assets = 0;
  shelter = 0;
  otherIncome = 0;
  private adults = new Int32Array(8);
  private people: readonly Person[] = [];

  /** False when the household has no adult (the slow path's `social-assistance.no-adult`). */
  read(h: Household, asOf: string): boolean {
    const people = h.people;
    this.applicant = firstAdult(people, asOf);
    if (this.applicant < 0) return false;
    this.spouse = findSpouse(h, this.applicant, asOf);
    this.size = people.length;
    if (this.adults.length < people.length + 1) this.adults = new Int32Array(people.length + 1);
    this.collectAdults(people, asOf);
    this.readMeans(h);
    return true;
  }

  adult(k: number): Person {
    return this.person(this.adults[k] ?? -1);
  }

  earningsOf(k: number): number {
    return this.adult(k).socialAssistance?.monthlyNetEarningsCents ?? 0;
  }

  private person(i: number): Person {
    return this.people[i] as Person;
  }

  private collectAdults(people: readonly Person[], asOf: string): void {
    this.people = people;
    let n = 0;
    this.adults[n++] = this.applicant;
    if (this.spouse >= 0) this.adults[n++] = this.spouse;
    this.children = 0;
    this.dependentAdults = 0;
    for (let i = 0; i < people.length; i++) {
      if (ageOn((people[i] as Person).birthDate, asOf) < 18) this.children++;
      else if (i !== this.applicant && i !== this.spouse) {
        this.adults[n++] = i;
        this.dependentAdults++;
      }
    }
    this.adultCount = n;
  }

  private readMeans(h: Household): void {
    this.missing = h.shelterCostCents === undefined;
    this.shelter = h.shelterCostCents ?? 0;
    this.otherIncome = 0;
    for (let k = 0; k < this.adultCount; k++) {
      const sa = this.adult(k).socialAssistance;
      if (sa?.monthlyNetEarningsCents === undefined || sa.monthlyOtherIncomeCents === undefined)
        this.missing = true;
      this.otherIncome += sa?.monthlyOtherIncomeCents ?? 0;
    }
    let given = h.assetsCents !== undefined;
    let assets = h.assetsCents ?? 0;
    for (let i = 0; i < h.people.length; i++) {
      const own = (h.people[i] as Person).assetsCents;
      if (own === undefined) continue;
      given = true;
      assets += own;
    }
    if (!given) this.missing = true;
    this.assets = assets;
  }
}

function firstAdult(people: readonly Person[], asOf: string): number {
  for (let i = 0; i < people.length; i++) if (ageOn((people[i] as Person).birthDate, asOf) >= 18) return i;
  return -1;
}

/** The first adult whose id is the applicant's spouse's (as `benefitUnit` does). */
function findSpouse(h: Household, applicant: number, asOf: string): number {
  if (h.relationships === undefined) return -1;
  const id = spouseIdOf(h, (h.people[applicant] as Person).id);
  if (id === undefined) return -1;
  for (let i = 0; i < h.people.length; i++) {
    const p = h.people[i] as Person;
    if (p.id === id && ageOn(p.birthDate, asOf) >= 18) return i;
  }
  return -1;
}
