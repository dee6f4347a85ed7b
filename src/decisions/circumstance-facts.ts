import { rulesIncome } from '../person/index.ts';
import type { CircumstanceKind } from './decisions.tables.ts';

/** What a change of circumstance says, as kept (encrypted) until it is re-evaluated. */
export interface CircumstanceDetails {
  /** The day the change took effect: a move date, the end of a partnership, an 18th birthday. */
  readonly occurredOn: string;
  readonly provinceCode?: string;
  readonly maritalStatus?: string;
  readonly residenceStatus?: string;
  /** A new income year: whose, which year, and the amounts by the rules' names (cents). */
  readonly incomeOf?: string;
  readonly taxYear?: number;
  readonly incomes?: Readonly<Record<string, number>>;
  /** A birth: the child, and the parent's share of custody. */
  readonly childId?: string;
  readonly custodyShare?: number;
  /** A death: who died (the date is `occurredOn`). */
  readonly deceasedId?: string;
}

interface PersonFacts {
  readonly id: string;
  readonly birthDate?: string;
  readonly [key: string]: unknown;
}
interface RelationshipFacts {
  readonly type: string;
  readonly partners?: readonly string[];
  readonly parentId?: string;
  readonly childId?: string;
  readonly [key: string]: unknown;
}
interface HouseholdFacts {
  readonly province?: string;
  readonly people: readonly PersonFacts[];
  readonly relationships?: readonly RelationshipFacts[];
  readonly [key: string]: unknown;
}

const PARTNERED = new Set(['married', 'common-law']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isHousehold(value: unknown): value is HouseholdFacts {
  return typeof value === 'object' && value !== null && Array.isArray((value as HouseholdFacts).people);
}

/** The register's change as re-evaluation needs it: the new value and the day it took effect. */
export function detailsOfChange(
  element: string,
  payload: Record<string, unknown>,
  occurredAt: Date,
): { kind: CircumstanceKind; details: CircumstanceDetails } | null {
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : undefined);
  const dated = (value: string | undefined) =>
    value && ISO.test(value) ? value : occurredAt.toISOString().slice(0, 10);
  switch (element) {
    case 'address': {
      const provinceCode = text('provinceCode');
      if (!provinceCode || text('kind') === 'mailing') return null;
      return { kind: 'address', details: { occurredOn: dated(text('effectiveFrom')), provinceCode } };
    }
    case 'marital-status': {
      const maritalStatus = text('maritalStatus');
      if (!maritalStatus) return null;
      return {
        kind: 'marital-status',
        details: { occurredOn: dated(text('partnershipEndedOn')), maritalStatus },
      };
    }
    case 'residence-status': {
      const residenceStatus = text('residenceStatus');
      if (!residenceStatus) return null;
      return { kind: 'residence-status', details: { occurredOn: dated(undefined), residenceStatus } };
    }
    case 'income':
      return incomeDetails(payload, occurredAt);
    case 'birth': {
      const childId = text('childId');
      const birthDate = text('birthDate');
      if (!childId || !birthDate || !ISO.test(birthDate)) return null;
      const share = typeof payload.custodyShare === 'number' ? payload.custodyShare : 1;
      return { kind: 'birth', details: { occurredOn: birthDate, childId, custodyShare: share } };
    }
    case 'life-status': {
      const dateOfDeath = text('dateOfDeath');
      if (text('lifeStatus') !== 'deceased' || !dateOfDeath || !ISO.test(dateOfDeath)) return null;
      return { kind: 'death', details: { occurredOn: dateOfDeath } };
    }
    default:
      return null;
  }
}

function incomeDetails(
  payload: Record<string, unknown>,
  occurredAt: Date,
): { kind: CircumstanceKind; details: CircumstanceDetails } | null {
  const taxYear = payload.taxYear;
  const incomes = payload.incomes;
  if (typeof taxYear !== 'number' || typeof incomes !== 'object' || incomes === null) return null;
  const amounts = Object.fromEntries(
    Object.entries(incomes).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
  // The figures count from the day they arrive (an assessment is not backdated by re-evaluation).
  const occurredOn = occurredAt.toISOString().slice(0, 10);
  return { kind: 'income-year', details: { occurredOn, taxYear, incomes: { ...rulesIncome(amounts) } } };
}

/**
 * The household a decision rested on, with the change applied; null when the change cannot be applied without a
 * person (a new partner the register says nothing about, or facts that are not a household).
 */
export function applyCircumstance(
  facts: unknown,
  applicantId: string,
  kind: CircumstanceKind,
  details: CircumstanceDetails,
): HouseholdFacts | null {
  if (!isHousehold(facts)) return null;
  const withApplicant = (change: (person: PersonFacts) => PersonFacts): HouseholdFacts => ({
    ...facts,
    people: facts.people.map((person) => (person.id === applicantId ? change(person) : person)),
  });
  switch (kind) {
    case 'address':
      return { ...facts, province: details.provinceCode };
    case 'residence-status': {
      const abroad = details.residenceStatus === 'non-resident';
      return withApplicant((person) => ({
        ...person,
        residence: {
          ...((person.residence as object | undefined) ?? {}),
          status: abroad ? 'other' : details.residenceStatus,
          livesInCanada: !abroad,
        },
      }));
    }
    case 'marital-status':
      return maritalChange(facts, applicantId, details.maritalStatus ?? '');
    case 'age-18':
      return facts;
    case 'income-year':
      return incomeYear(facts, details);
    case 'birth':
      return birth(facts, applicantId, details);
    case 'death':
      return death(facts, details);
  }
}

/**
 * Someone else in the household died: they leave the household the decision rested on, and their partner is
 * widowed (the same facts when they were not in it). The deceased's own benefits end without re-evaluation.
 */
function death(facts: HouseholdFacts, details: CircumstanceDetails): HouseholdFacts {
  const { deceasedId } = details;
  if (!deceasedId || !facts.people.some((person) => person.id === deceasedId)) return facts;
  const relationships = facts.relationships ?? [];
  const involves = (r: RelationshipFacts) =>
    (r.partners ?? []).includes(deceasedId) || r.parentId === deceasedId || r.childId === deceasedId;
  const widowed = new Set(
    relationships
      .filter((r) => r.type === 'spouse' && (r.partners ?? []).includes(deceasedId))
      .flatMap((r) => r.partners ?? []),
  );
  return {
    ...facts,
    people: facts.people
      .filter((person) => person.id !== deceasedId)
      .map((person) => (widowed.has(person.id) ? { ...person, maritalStatus: 'widowed' } : person)),
    relationships: relationships.filter((r) => !involves(r)),
  };
}

/** The person's incomes for the year replaced; null when they are not in the household the decision rested on. */
function incomeYear(facts: HouseholdFacts, details: CircumstanceDetails): HouseholdFacts | null {
  const { incomeOf, taxYear, incomes } = details;
  if (!incomeOf || taxYear === undefined || !incomes) return null;
  if (!facts.people.some((person) => person.id === incomeOf)) return null;
  return {
    ...facts,
    people: facts.people.map((person) =>
      person.id === incomeOf
        ? { ...person, income: { ...((person.income as object | undefined) ?? {}), [taxYear]: incomes } }
        : person,
    ),
  };
}

/** The child joins the household, the applicant their parent (the same facts when the child is already there). */
function birth(facts: HouseholdFacts, applicantId: string, details: CircumstanceDetails): HouseholdFacts {
  const { childId } = details;
  if (!childId || facts.people.some((person) => person.id === childId)) return facts;
  return {
    ...facts,
    people: [...facts.people, { id: childId, birthDate: details.occurredOn }],
    relationships: [
      ...(facts.relationships ?? []),
      { type: 'parent', parentId: applicantId, childId, custodyShare: details.custodyShare ?? 1 },
    ],
  };
}

function maritalChange(facts: HouseholdFacts, applicantId: string, status: string): HouseholdFacts | null {
  const relationships = facts.relationships ?? [];
  const isPartnership = (r: RelationshipFacts) =>
    r.type === 'spouse' && (r.partners ?? []).includes(applicantId);
  const partnership = relationships.find(isPartnership);
  // A new partner: their income and birth date are not in the register's change, so a person looks at it.
  if (PARTNERED.has(status) && !partnership) return null;
  const partnerIds = new Set((partnership?.partners ?? []).filter((id) => id !== applicantId));
  const people = facts.people
    .filter((person) => PARTNERED.has(status) || !partnerIds.has(person.id))
    .map((person) =>
      person.id === applicantId || partnerIds.has(person.id) ? { ...person, maritalStatus: status } : person,
    );
  return {
    ...facts,
    people,
    relationships: PARTNERED.has(status)
      ? relationships.map((r) => (isPartnership(r) ? { ...r, kind: status } : r))
      : relationships.filter((r) => !isPartnership(r)),
  };
}

/** Children in the household turning 18 on or before `asOf`, with their 18th birthday. */
export function eighteenthBirthdays(
  facts: unknown,
  applicantId: string,
  asOf: string,
): { childId: string; birthday: string }[] {
  if (!isHousehold(facts)) return [];
  const children = new Set(
    (facts.relationships ?? [])
      .filter((r) => r.type === 'parent' && r.parentId === applicantId)
      .map((r) => r.childId),
  );
  return facts.people
    .filter((person) => children.has(person.id) && ISO.test(person.birthDate ?? ''))
    .map((person) => {
      const [year = 0, month = 1, day = 1] = (person.birthDate ?? '').split('-').map(Number);
      // Date.UTC rolls 29 February over to 1 March in a common year, as the law counts it.
      const birthday = new Date(Date.UTC(year + 18, month - 1, day)).toISOString().slice(0, 10);
      return { childId: person.id, birthday };
    })
    .filter((child) => child.birthday <= asOf);
}
