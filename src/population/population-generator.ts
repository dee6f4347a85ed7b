import { createFictitiousSinSequence, MAX_FICTITIOUS_SINS } from '../person/index.ts';
import { COMPOSITIONS, composeHousehold } from './household-composer.ts';
import type { HouseholdDraft, MemberDraft } from './household-composer.ts';
import { drawIncomes } from './income-generator.ts';
import {
  COMMON_LAW_SHARE,
  ENGLISH_NAMES,
  FRENCH_NAMES,
  FRENCH_SHARE,
  PROVINCE_POPULATION,
} from './population-data.ts';
import type { NamePool, ProvinceCode } from './population-data.ts';
import type { PreferredLanguage } from '../person/index.ts';
import { createIdSequence, createRandom } from './prng.ts';
import type { Random } from './prng.ts';
import type {
  GeneratedHousehold,
  GeneratedIncome,
  GeneratedPerson,
  GeneratedRelationship,
  Population,
  PopulationOptions,
} from './population.types.ts';

// Fixed rather than today, so a seed gives the same people whenever it runs.
export const DEFAULT_REFERENCE_YEAR = 2026;
// Month-day of every day of a common year but 1 January, so a birth date in year (reference - age - 1)
// makes the person exactly `age` on the reference 1 January.
const BIRTHDAYS = Array.from({ length: 364 }, (_, day) =>
  new Date(Date.UTC(2025, 0, 2 + day)).toISOString().slice(4, 10),
);
// About one adult in four is an immigrant (2021 Census: 23%).
const IMMIGRANT_SHARE = 0.25;

interface GenerationContext {
  readonly random: Random;
  readonly sinFor: (index: number) => string;
  readonly nextId: () => string;
  readonly referenceYear: number;
  sinsIssued: number;
}

/** The whole population in memory: for tests and small demos. Seeding streams `iterateHouseholds`. */
export function generatePopulation(options: PopulationOptions): Population {
  const households = [...iterateHouseholds(options)];
  return {
    households,
    people: households.flatMap((household) => household.people),
    relationships: households.flatMap((household) => household.relationships),
    incomes: households.flatMap((household) => household.incomes),
  };
}

/** Households one at a time, exactly `people` people in all; the same seed always gives the same ones. */
export function* iterateHouseholds(options: PopulationOptions): Generator<GeneratedHousehold> {
  if (!Number.isInteger(options.people) || options.people < 0 || options.people > MAX_FICTITIOUS_SINS) {
    throw new RangeError(`people must be a whole number from 0 to ${MAX_FICTITIOUS_SINS}`);
  }
  const random = createRandom(options.seed);
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const context: GenerationContext = {
    random,
    sinFor: createFictitiousSinSequence(options.seed),
    // Ids read as if registered one a millisecond from the start of the tax year.
    nextId: createIdSequence(random, Date.UTC(referenceYear - 1, 0, 1)),
    referenceYear,
    sinsIssued: 0,
  };
  let remaining = options.people;
  while (remaining > 0) {
    const household = generateHousehold(context, remaining);
    remaining -= household.people.length;
    yield household;
  }
}

function generateHousehold(context: GenerationContext, remaining: number): GeneratedHousehold {
  const { random } = context;
  const provinceCode = random.weighted(PROVINCE_POPULATION);
  let draft = composeHousehold(random, random.weighted(COMPOSITIONS), COMMON_LAW_SHARE[provinceCode]);
  // The last household must fit exactly; someone living alone always does.
  if (draft.members.length > remaining) draft = composeHousehold(random, 'adult-alone', 0);
  const id = context.nextId();
  const people = nameMembers(context, id, provinceCode, draft);
  return {
    id,
    provinceCode,
    people,
    relationships: relate(context, draft, people),
    incomes: people.flatMap((person, index) =>
      incomesOf(context, person, draft.members[index] as MemberDraft),
    ),
  };
}

function nameMembers(
  context: GenerationContext,
  householdId: string,
  province: ProvinceCode,
  draft: HouseholdDraft,
): GeneratedPerson[] {
  const { random } = context;
  const language: PreferredLanguage = random.chance(FRENCH_SHARE[province]) ? 'fr' : 'en';
  const immigrantArrivalAge = random.chance(IMMIGRANT_SHARE) ? random.integer(18, 45) : null;
  const householdFamilyName = random.pick(namePool(language).family);
  return draft.members.map((member, index) => {
    // Some partners and roommates come from the other language community.
    const ownLanguage =
      index > 0 && member.role !== 'child' && random.chance(0.1) ? otherLanguage(language) : language;
    const pool = namePool(ownLanguage);
    return {
      id: context.nextId(),
      householdId,
      givenName: random.pick(member.sex === 'female' ? pool.female : pool.male),
      familyName: keepsFamilyName(random, member, index, province)
        ? householdFamilyName
        : random.pick(pool.family),
      birthDate: birthDateFor(context, member.age),
      preferredLanguage: ownLanguage,
      maritalStatus: member.maritalStatus,
      sin: hasSin(random, member.age) ? context.sinFor(context.sinsIssued++) : null,
      yearsInCanadaAfter18: yearsAfter18(member, immigrantArrivalAge),
      disability: random.chance(member.age >= 65 ? 0.15 : member.age >= 18 ? 0.08 : 0.04),
    };
  });
}

const namePool = (language: PreferredLanguage): NamePool =>
  language === 'fr' ? FRENCH_NAMES : ENGLISH_NAMES;
const otherLanguage = (language: PreferredLanguage): PreferredLanguage => (language === 'fr' ? 'en' : 'fr');

function keepsFamilyName(
  random: Random,
  member: MemberDraft,
  index: number,
  province: ProvinceCode,
): boolean {
  if (index === 0 || member.role === 'child') return true;
  // Civil Code of Québec art. 393: spouses keep their own names; elsewhere about half of spouses take one.
  if (member.role === 'partner')
    return province !== 'QC' && member.maritalStatus === 'married' && random.chance(0.5);
  return member.role === 'grandparent' && random.chance(0.5);
}

/** Most children get a SIN for an RESP or a first job; younger ones often have none yet. */
function hasSin(random: Random, age: number): boolean {
  if (age >= 18) return true;
  return random.chance(age >= 15 ? 0.85 : 0.45);
}

function yearsAfter18(member: MemberDraft, arrivalAge: number | null): number {
  if (member.age < 18) return 0;
  const arrivedAt = arrivalAge === null || member.role === 'child' ? 18 : Math.max(18, arrivalAge);
  return Math.max(0, member.age - arrivedAt);
}

function birthDateFor(context: GenerationContext, age: number): string {
  return `${context.referenceYear - age - 1}${context.random.pick(BIRTHDAYS)}`;
}

function relate(
  context: GenerationContext,
  draft: HouseholdDraft,
  people: GeneratedPerson[],
): GeneratedRelationship[] {
  const relationships: GeneratedRelationship[] = [];
  const [first, second] = people;
  if (draft.couple !== null && first !== undefined && second !== undefined) {
    const kind = draft.couple === 'married' ? 'spouse' : 'common-law-partner';
    const yearsTogether = context.random.integer(
      1,
      Math.max(1, Math.min(draft.members[0]?.age ?? 20, draft.members[1]?.age ?? 20) - 19),
    );
    relationships.push({
      personId: first.id,
      relatedPersonId: second.id,
      kind,
      since: birthDateFor(context, yearsTogether),
      custodyShare: null,
    });
  }
  const parents =
    draft.couple !== null
      ? people.slice(0, 2)
      : draft.composition === 'lone-parent'
        ? people.slice(0, 1)
        : [];
  people.forEach((person, index) => {
    const role = draft.members[index]?.role;
    if (role === 'child') {
      for (const parent of parents) {
        relationships.push({
          personId: parent.id,
          relatedPersonId: person.id,
          kind: 'parent-of',
          since: person.birthDate,
          custodyShare: draft.loneParentCustody,
        });
      }
    } else if (role === 'grandparent' && first !== undefined) {
      relationships.push({
        personId: person.id,
        relatedPersonId: first.id,
        kind: 'parent-of',
        since: first.birthDate,
        custodyShare: null,
      });
    }
  });
  return relationships;
}

function incomesOf(
  context: GenerationContext,
  person: GeneratedPerson,
  member: MemberDraft,
): GeneratedIncome[] {
  const taxYear = context.referenceYear - 1;
  const profile = {
    age: member.age,
    disability: person.disability,
    yearsInCanadaAfter18: person.yearsInCanadaAfter18,
    isStudentAtHome: member.role === 'child',
  };
  return drawIncomes(context.random, profile).map(([incomeType, amountCents]) => ({
    personId: person.id,
    taxYear,
    incomeType,
    amountCents,
  }));
}
