import type { Household, IncomeByType, Person, Relationship } from '../rules/index.ts';
import { hasPartner } from './finder.answers.ts';
import type { FinderAnswers } from './finder.answers.ts';

export const YOU = 'you';
export const PARTNER = 'partner';

/** A child's birth date from an age: half a year past the birthday, so the age is not on a boundary. */
function birthDateForAge(age: number, asOf: string): string {
  const date = new Date(`${asOf}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 12 * age - 6);
  return date.toISOString().slice(0, 10);
}

/**
 * The finder asks for last year's income; the programmes read the income of the tax year that their
 * benefit year is based on (this year for the Canada Workers Benefit, one or two years back for the
 * others), so the same figures stand for all three years.
 */
function incomeYears(income: IncomeByType, asOf: string): Record<string, IncomeByType> {
  const year = Number(asOf.slice(0, 4));
  return { [String(year)]: income, [String(year - 1)]: income, [String(year - 2)]: income };
}

function you(answers: FinderAnswers, asOf: string): Person {
  const work = answers.workIncomeCents ?? 0;
  return {
    id: YOU,
    birthDate: answers.birthDate ?? asOf,
    ...(answers.maritalStatus ? { maritalStatus: answers.maritalStatus } : {}),
    disability: {
      dtcEligible: answers.disability ?? false,
      provincialDisability: answers.disability ?? false,
    },
    residence: {
      livesInCanada: true,
      ...(answers.residenceStatus ? { status: answers.residenceStatus } : {}),
      ...(answers.yearsInCanada === undefined ? {} : { yearsInCanadaAfter18: answers.yearsInCanada }),
    },
    income: incomeYears({ employment: work, other: answers.otherIncomeCents ?? 0 }, asOf),
    ...(answers.savingsCents === undefined ? {} : { assetsCents: answers.savingsCents }),
    // Provincial assistance looks at this month's earnings; a twelfth of last year's is the estimate.
    // Someone using the finder is not on assistance yet (0 months).
    socialAssistance: {
      monthlyNetEarningsCents: Math.round(work / 12),
      monthlyOtherIncomeCents: Math.round((answers.otherIncomeCents ?? 0) / 12),
      monthsOnAssistance: 0,
    },
  };
}

function partner(answers: FinderAnswers, asOf: string): Person {
  return {
    id: PARTNER,
    birthDate: answers.partnerBirthDate ?? asOf,
    ...(answers.maritalStatus ? { maritalStatus: answers.maritalStatus } : {}),
    residence: {
      livesInCanada: true,
      ...(answers.partnerYearsInCanada === undefined
        ? {}
        : { yearsInCanadaAfter18: answers.partnerYearsInCanada }),
    },
    income: incomeYears({ employment: answers.partnerIncomeCents ?? 0 }, asOf),
  };
}

function children(answers: FinderAnswers, asOf: string): Person[] {
  return (answers.childAges ?? []).map((age, index) => ({
    id: `child${index + 1}`,
    birthDate: birthDateForAge(age, asOf),
    // The finder asks whether any child has a disability; the first child stands for "at least one".
    disability: { dtcEligible: index === 0 && answers.childDisability === true },
  }));
}

/** Turns the finder's answers into the rules engine's household model. */
export function householdFromAnswers(answers: FinderAnswers, asOf: string): Household {
  const withPartner = hasPartner(answers);
  const kids = children(answers, asOf);
  const relationships: Relationship[] = [
    ...(withPartner && answers.maritalStatus !== undefined
      ? [
          {
            type: 'spouse' as const,
            partners: [YOU, PARTNER] as const,
            kind: answers.maritalStatus === 'married' ? ('married' as const) : ('common-law' as const),
          },
        ]
      : []),
    ...kids.map((child) => ({ type: 'parent' as const, parentId: YOU, childId: child.id, custodyShare: 1 })),
  ];
  return {
    province: answers.province ?? 'ON',
    people: [you(answers, asOf), ...(withPartner ? [partner(answers, asOf)] : []), ...kids],
    relationships,
    ...(answers.shelterCostCents === undefined ? {} : { shelterCostCents: answers.shelterCostCents }),
  };
}
