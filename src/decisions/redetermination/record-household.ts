import type { RegisterHousehold } from '../../person/index.ts';
import type { Household, IncomeByType, ProvinceCode } from '../../rules/index.ts';

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

function incomesOf(
  byYear: RegisterHousehold['people'][number]['incomeByYear'],
): Record<string, IncomeByType> {
  const out: Record<string, IncomeByType> = {};
  for (const [year, types] of Object.entries(byYear)) {
    const income: Record<string, number> = {};
    for (const [type, cents] of Object.entries(types)) {
      const field = INCOME_FIELD[type];
      if (field !== undefined) income[field] = (income[field] ?? 0) + (cents ?? 0);
    }
    out[year] = income as IncomeByType;
  }
  return out;
}

/**
 * The household as the register holds it today, for the rules: each tax year's incomes as recorded (the
 * rules read the base year of the benefit year themselves: July 2027 reads the 2026 incomes).
 */
export function recordHousehold(household: RegisterHousehold): Household {
  return {
    id: household.id,
    province: household.provinceCode as ProvinceCode,
    people: household.people.map((person) => ({
      id: person.id,
      birthDate: person.birthDate,
      maritalStatus: person.maritalStatus,
      disability: { dtcEligible: person.disability },
      residence: {
        status: 'citizen',
        livesInCanada: true,
        yearsInCanadaAfter18: person.yearsInCanadaAfter18,
      },
      income: incomesOf(person.incomeByYear),
    })),
    relationships: household.relationships.map((r) =>
      r.kind === 'parent-of'
        ? {
            type: 'parent' as const,
            parentId: r.personId,
            childId: r.relatedPersonId,
            custodyShare: r.custodyShare ?? 1,
          }
        : {
            type: 'spouse' as const,
            partners: [r.personId, r.relatedPersonId] as [string, string],
            kind: r.kind === 'spouse' ? ('married' as const) : ('common-law' as const),
          },
    ),
  };
}
