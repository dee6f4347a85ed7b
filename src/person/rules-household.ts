import type { Household, IncomeByType, Person, ProvinceCode, Relationship } from '../rules/index.ts';
import type { RegisterHousehold, RegisterPerson } from './population-reader.ts';

/** Register income types as the rules engine names them (Income Tax Act lines, see rules/model). */
const INCOME_FIELD: Readonly<Record<string, keyof IncomeByType>> = {
  employment: 'employment',
  'self-employment': 'selfEmployment',
  'employment-insurance': 'ei',
  'social-assistance': 'socialAssistance',
  'oas-pension': 'oas',
  gis: 'gis',
  'cpp-qpp-retirement': 'cpp',
  'cpp-qpp-disability': 'cpp',
  'private-pension': 'pension',
  investment: 'investment',
};

/** One tax year's incomes of the register, by the rules engine's names (types the engine does not read are left out). */
export function rulesIncome(byType: Readonly<Partial<Record<string, number>>>): IncomeByType {
  const income: Record<string, number> = {};
  for (const [type, cents] of Object.entries(byType)) {
    const field = INCOME_FIELD[type];
    if (field !== undefined) income[field] = (income[field] ?? 0) + (cents ?? 0);
  }
  return income as IncomeByType;
}

export function rulesRelationship(r: RegisterHousehold['relationships'][number]): Relationship {
  if (r.kind === 'parent-of')
    return {
      type: 'parent',
      parentId: r.personId,
      childId: r.relatedPersonId,
      custodyShare: r.custodyShare ?? 1,
    };
  return {
    type: 'spouse',
    partners: [r.personId, r.relatedPersonId],
    kind: r.kind === 'spouse' ? 'married' : 'common-law',
  };
}

/** The register's facts about a person that the rules read, besides income. */
export function rulesPerson(person: RegisterPerson): Omit<Person, 'income'> {
  return {
    id: person.id,
    birthDate: person.birthDate,
    maritalStatus: person.maritalStatus,
    disability: { dtcEligible: person.disability },
    // The register's demo people all live in Canada; their status is not in these tables.
    residence: { status: 'citizen', livesInCanada: true, yearsInCanadaAfter18: person.yearsInCanadaAfter18 },
  };
}

/** A register household as the rules engine takes it: every tax year's incomes as they are on file. */
export function rulesHouseholdOf(household: RegisterHousehold): Household {
  return {
    id: household.id,
    province: household.provinceCode as ProvinceCode,
    people: household.people.map((person) => ({
      ...rulesPerson(person),
      income: Object.fromEntries(
        Object.entries(person.incomeByYear).map(([year, byType]) => [year, rulesIncome(byType)]),
      ),
    })),
    relationships: household.relationships.map(rulesRelationship),
  };
}
