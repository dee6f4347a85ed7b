import type {
  Household,
  IncomeByType,
  ParentRelationship,
  Person,
  ProvinceCode,
  Relationship,
  SpouseRelationship,
} from '../../../src/rules/model/household.ts';

/** Test factories: small, explicit households. Money in cents. */

export const CITIZEN = { status: 'citizen', livesInCanada: true } as const;

export function person(
  id: string,
  birthDate: string,
  extra: Partial<Omit<Person, 'id' | 'birthDate'>> = {},
): Person {
  return { id, birthDate, ...extra };
}

/** An adult citizen living in Canada with the given net income (as "other" income) in each year. */
export function adult(
  id: string,
  birthDate: string,
  incomeByYear: Record<string, IncomeByType> = {},
  extra: Partial<Person> = {},
): Person {
  return { id, birthDate, residence: CITIZEN, income: incomeByYear, ...extra };
}

export function income(cents: number, ...years: number[]): Record<string, IncomeByType> {
  return Object.fromEntries(years.map((y) => [String(y), { other: cents }]));
}

export function earnings(cents: number, ...years: number[]): Record<string, IncomeByType> {
  return Object.fromEntries(years.map((y) => [String(y), { employment: cents }]));
}

export function parentOf(parentId: string, childId: string, custodyShare = 1): ParentRelationship {
  return { type: 'parent', parentId, childId, custodyShare };
}

export function spouses(a: string, b: string): SpouseRelationship {
  return { type: 'spouse', partners: [a, b], kind: 'married' };
}

export function household(
  people: Person[],
  relationships: Relationship[] = [],
  province: ProvinceCode = 'ON',
): Household {
  return { province, people, relationships };
}

/** One parent with the given AFNI and children (birth dates, custody shares). */
export function family(
  afniCents: number,
  years: number[],
  children: { birthDate: string; share?: number; dtc?: boolean }[],
): Household {
  const parent = adult('parent', '1985-01-01', income(afniCents, ...years));
  const kids = children.map((c, i) =>
    person(`child${i + 1}`, c.birthDate, c.dtc ? { disability: { dtcEligible: true } } : {}),
  );
  return household(
    [parent, ...kids],
    kids.map((k, i) => parentOf('parent', k.id, children[i]?.share ?? 1)),
  );
}

export const dollars = (d: number): number => Math.round(d * 100);
