import { ageOn } from '../../core/dates.ts';
import type { Household, Person } from '../../model/household.ts';
import { spouseIdOf } from '../../model/household.queries.ts';

/**
 * The benefit unit of needs-tested provincial assistance, taken to be the whole household: the
 * applicant (the first adult listed), the applicant's spouse, dependent children under 18 and other
 * adults living with them as dependants (OW Act s. 1 "benefit unit", BC EA Act s. 1 "family unit",
 * AB IESA s. 1 "household unit"). Shared accommodation with non-dependants is not modelled.
 */
export interface BenefitUnit {
  readonly applicant: Member;
  readonly spouse: Member | undefined;
  readonly children: readonly Member[];
  readonly dependentAdults: readonly Member[];
  readonly size: number;
}

export interface Member {
  readonly person: Person;
  /** Position in `household.people`, for the JSON paths of missing facts. */
  readonly index: number;
}

function members(household: Household): Member[] {
  return household.people.map((person, index) => ({ person, index }));
}

export function benefitUnit(household: Household, asOf: string): BenefitUnit | undefined {
  const all = members(household);
  const adults = all.filter((m) => ageOn(m.person.birthDate, asOf) >= 18);
  const applicant = adults[0];
  if (!applicant) return undefined;
  const spouseId = spouseIdOf(household, applicant.person.id);
  const spouse = adults.find((m) => m.person.id === spouseId);
  const children = all.filter((m) => ageOn(m.person.birthDate, asOf) < 18);
  const dependentAdults = adults.filter((m) => m !== applicant && m !== spouse);
  return { applicant, spouse, children, dependentAdults, size: all.length };
}

export function adultsOf(unit: BenefitUnit): Member[] {
  return [unit.applicant, ...(unit.spouse ? [unit.spouse] : []), ...unit.dependentAdults];
}

export interface MonthlyMeans {
  /** Net monthly earnings of each adult, in the order of `adultsOf`. */
  readonly earningsByAdult: readonly number[];
  readonly otherIncomeCents: number;
  readonly assetsCents: number;
  readonly shelterCostCents: number;
}

function incomeFacts(unit: BenefitUnit): string[] {
  const missing: string[] = [];
  for (const m of adultsOf(unit)) {
    const sa = m.person.socialAssistance;
    if (sa?.monthlyNetEarningsCents === undefined)
      missing.push(`/people/${m.index}/socialAssistance/monthlyNetEarningsCents`);
    if (sa?.monthlyOtherIncomeCents === undefined)
      missing.push(`/people/${m.index}/socialAssistance/monthlyOtherIncomeCents`);
  }
  return missing;
}

function assetsOf(household: Household): number | undefined {
  const given = [household.assetsCents, ...household.people.map((p) => p.assetsCents)].filter(
    (a): a is number => a !== undefined,
  );
  return given.length === 0 ? undefined : given.reduce((a, b) => a + b, 0);
}

/** The facts every needs test reads; `missing` lists the JSON Pointers of those not given. */
export function monthlyMeans(
  household: Household,
  unit: BenefitUnit,
): { means: MonthlyMeans; missing: string[] } {
  const missing = incomeFacts(unit);
  const assets = assetsOf(household);
  if (assets === undefined) missing.push('/assetsCents');
  if (household.shelterCostCents === undefined) missing.push('/shelterCostCents');
  const adults = adultsOf(unit);
  const means: MonthlyMeans = {
    earningsByAdult: adults.map((m) => m.person.socialAssistance?.monthlyNetEarningsCents ?? 0),
    otherIncomeCents: adults.reduce(
      (t, m) => t + (m.person.socialAssistance?.monthlyOtherIncomeCents ?? 0),
      0,
    ),
    assetsCents: assets ?? 0,
    shelterCostCents: household.shelterCostCents ?? 0,
  };
  return { means, missing };
}
