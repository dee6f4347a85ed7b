import type { AccessContext } from '../platform/audit/access-context.ts';
import type { HouseholdReader, PersonService, RegisterHousehold, RegisterPerson } from '../person/index.ts';
import type { Facts } from './form-flow.ts';

/** An insurable pay period from a Record of Employment (Employment Insurance Regulations s. 19). */
export interface InsurablePeriod {
  readonly weekEnding: string;
  readonly hours: number;
  readonly earningsCents: number;
}

/** What the register holds about an applicant and their household: what an application prefills from. */
export interface ApplicantRecord {
  readonly personId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly preferredLanguage: 'en' | 'fr';
  readonly facts: Facts;
  /** Incomes by tax year and type, in cents, as the register has them. */
  readonly incomeByYear: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly insurablePeriods: readonly InsurablePeriod[];
}

export interface RecordSources {
  readonly person: Pick<PersonService, 'getProfile'>;
  readonly households: Pick<HouseholdReader, 'householdOf'>;
  /** Records of Employment received from employers, newest first. */
  readonly employment: (personId: string) => Promise<{ lastDay: string; periods: InsurablePeriod[] }[]>;
}

/** The employers' records as one confirmable fact: how many, insurable hours and earnings (`3:1820:5460000`). */
function employerRecordsFact(records: readonly { periods: readonly InsurablePeriod[] }[]): string {
  const periods = records.flatMap((record) => record.periods);
  const hours = periods.reduce((sum, period) => sum + period.hours, 0);
  const cents = periods.reduce((sum, period) => sum + period.earningsCents, 0);
  return `${records.length}:${Math.round(hours)}:${cents}`;
}

/** Reads back `employerRecordsFact`. */
export function readEmployerRecordsFact(value: string): { records: number; hours: number; cents: number } {
  const [records = 0, hours = 0, cents = 0] = value.split(':').map(Number);
  return { records, hours, cents };
}

const PARTNER_KINDS = new Set(['spouse', 'common-law-partner']);
const OTHER_TYPES = new Set([
  'oas-pension',
  'gis',
  'cpp-qpp-retirement',
  'cpp-qpp-disability',
  'private-pension',
  'investment',
  'employment-insurance',
  'social-assistance',
]);

function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function yearIncome(person: RegisterPerson, year: string): { employment: number; other: number } | null {
  const income = person.incomeByYear[year];
  if (!income) return null;
  let employment = 0;
  let other = 0;
  for (const [type, cents] of Object.entries(income)) {
    if (type === 'employment' || type === 'self-employment') employment += cents ?? 0;
    else if (OTHER_TYPES.has(type)) other += cents ?? 0;
  }
  return { employment, other };
}

function householdFacts(
  household: RegisterHousehold,
  personId: string,
  asOf: string,
): Record<string, string> {
  const facts: Record<string, string> = {};
  const me = household.people.find((person) => person.id === personId);
  if (!me) return facts;
  const lastYear = String(Number(asOf.slice(0, 4)) - 1);
  // The register keeps 0 years and no disability when it was never told: those are asked, not assumed.
  if (me.yearsInCanadaAfter18 > 0) facts.yearsInCanadaAfter18 = String(me.yearsInCanadaAfter18);
  if (me.disability) facts.disability = 'yes';
  const income = yearIncome(me, lastYear);
  if (income) {
    facts.employmentIncome = String(income.employment);
    facts.otherIncome = String(income.other);
  }
  const byId = new Map(household.people.map((person) => [person.id, person]));
  const related = household.relationships.filter(
    (r) => r.personId === personId || r.relatedPersonId === personId,
  );
  const partner = related.find((r) => PARTNER_KINDS.has(r.kind));
  const partnerPerson =
    partner && byId.get(partner.personId === personId ? partner.relatedPersonId : partner.personId);
  if (partnerPerson) {
    facts.partnerBirthDate = partnerPerson.birthDate;
    const partnerIncome = yearIncome(partnerPerson, lastYear);
    if (partnerIncome) facts.partnerIncome = String(partnerIncome.employment + partnerIncome.other);
  }
  const children = related
    .filter((r) => r.kind === 'parent-of' && r.personId === personId)
    .map((r) => byId.get(r.relatedPersonId))
    .filter((child): child is RegisterPerson => child !== undefined && ageOn(child.birthDate, asOf) < 18)
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate));
  // No child in the register may only mean none was registered yet: asked, not assumed.
  if (children.length > 0) facts.childCount = String(children.length);
  children.forEach((child, index) => (facts[`childBirthDate.${index + 1}`] = child.birthDate));
  return facts;
}

/** Reads the applicant's record (audited by the person capability under `context`) as facts keyed like questions. */
export async function readApplicantRecord(
  sources: RecordSources,
  personId: string,
  context: AccessContext,
  asOf: string,
): Promise<ApplicantRecord> {
  const profile = await sources.person.getProfile(personId, context);
  const household = await sources.households.householdOf(personId);
  const records = await sources.employment(personId);
  const facts: Record<string, string> = household ? householdFacts(household, personId, asOf) : {};
  const province = profile.currentAddress?.provinceCode ?? household?.provinceCode;
  if (province) facts.province = province;
  facts.maritalStatus = profile.maritalStatus;
  facts.residenceStatus = profile.residenceStatus === 'non-resident' ? 'other' : profile.residenceStatus;
  const latest = records[0];
  if (latest) {
    facts.separationDate = latest.lastDay;
    facts.insurableWeeks = employerRecordsFact(records);
  }
  const me = household?.people.find((person) => person.id === personId);
  return {
    personId,
    givenName: profile.givenName,
    familyName: profile.familyName,
    birthDate: profile.birthDate,
    preferredLanguage: profile.preferredLanguage,
    facts,
    incomeByYear: (me?.incomeByYear ?? {}) as ApplicantRecord['incomeByYear'],
    insurablePeriods: records.flatMap((record) => record.periods),
  };
}
