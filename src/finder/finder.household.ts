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

interface Adult {
  readonly id: string;
  readonly birthDate: string | undefined;
  readonly status: FinderAnswers['residenceStatus'];
  readonly yearsInCanada: number | undefined;
  readonly workCents: number;
  readonly otherCents: number;
  readonly disability: boolean | undefined;
}

/**
 * Work income is only earnings (wages, tips, self-employment: ITA s. 122.7(1) "working income"); every
 * other income is `other`, so a pension is never taken for earnings.
 */
function adult(a: Adult, answers: FinderAnswers, asOf: string): Person {
  return {
    id: a.id,
    birthDate: a.birthDate ?? asOf,
    ...(answers.maritalStatus ? { maritalStatus: answers.maritalStatus } : {}),
    // Asked only under 65; an older person is taken as not approved, as a new applicant would be.
    disability: { dtcEligible: a.disability ?? false, provincialDisability: a.disability ?? false },
    residence: {
      livesInCanada: true,
      ...(a.status ? { status: a.status } : {}),
      ...(a.yearsInCanada === undefined ? {} : { yearsInCanadaAfter18: a.yearsInCanada }),
    },
    income: incomeYears({ employment: a.workCents, other: a.otherCents }, asOf),
    // Provincial assistance looks at this month's earnings; a twelfth of last year's is the estimate.
    // Someone using the finder is not on assistance yet (0 months).
    socialAssistance: {
      monthlyNetEarningsCents: Math.round(a.workCents / 12),
      monthlyOtherIncomeCents: Math.round(a.otherCents / 12),
      monthsOnAssistance: 0,
    },
  };
}

function you(answers: FinderAnswers, asOf: string): Person {
  const person = adult(
    {
      id: YOU,
      birthDate: answers.birthDate,
      status: answers.residenceStatus,
      yearsInCanada: answers.yearsInCanada,
      workCents: answers.workIncomeCents ?? 0,
      otherCents: answers.otherIncomeCents ?? 0,
      disability: answers.disability,
    },
    answers,
    asOf,
  );
  return answers.savingsCents === undefined ? person : { ...person, assetsCents: answers.savingsCents };
}

function partner(answers: FinderAnswers, asOf: string): Person {
  return adult(
    {
      id: PARTNER,
      birthDate: answers.partnerBirthDate,
      status: answers.partnerResidenceStatus,
      yearsInCanada: answers.partnerYearsInCanada,
      workCents: answers.partnerWorkIncomeCents ?? 0,
      otherCents: answers.partnerOtherIncomeCents ?? 0,
      disability: answers.partnerDisability,
    },
    answers,
    asOf,
  );
}

function children(answers: FinderAnswers, asOf: string): Person[] {
  return (answers.childAges ?? []).map((age, index) => ({
    id: `child${index + 1}`,
    birthDate: birthDateForAge(age, asOf),
    // The finder asks whether any child has a disability; the first child stands for "at least one".
    disability: { dtcEligible: index === 0 && answers.childDisability === true },
  }));
}

/** The ids of the household's people, in the order `householdFromAnswers` lists them. */
export function personIdsFor(answers: FinderAnswers): string[] {
  const kids = (answers.childAges ?? []).map((_, index) => `child${index + 1}`);
  return [YOU, ...(hasPartner(answers) ? [PARTNER] : []), ...kids];
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
