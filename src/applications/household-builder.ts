import type {
  Household,
  MaritalStatus,
  Person,
  ProvinceCode,
  Relationship,
  ResidenceStatus,
} from '../rules/index.ts';
import type { ApplicantRecord } from './applicant-record.ts';
import type { Facts } from './form-flow.ts';

export const APPLICANT = 'applicant';
export const PARTNER = 'partner';

const cents = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);
const yes = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : value === 'yes';
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The incomes of the tax years the programmes read: the register's, with last year's replaced by the answers
 * when given (the same figures stand for the benefit years around it, as in the finder).
 */
function incomes(record: ApplicantRecord, facts: Facts, asOf: string): Person['income'] {
  const year = Number(asOf.slice(0, 4));
  const out: Record<string, Record<string, number>> = {};
  for (const [taxYear, byType] of Object.entries(record.incomeByYear)) out[taxYear] = { ...byType };
  const employment = cents(facts.employmentIncome);
  const other = cents(facts.otherIncome);
  if (employment !== undefined || other !== undefined)
    for (const taxYear of [year, year - 1, year - 2])
      out[String(taxYear)] ??= defined({ employment, other }) as Record<string, number>;
  return out;
}

function cppEarnings(record: ApplicantRecord): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [year, byType] of Object.entries(record.incomeByYear))
    out[year] = (byType.employment ?? 0) + (byType['self-employment'] ?? 0);
  return out;
}

function applicant(record: ApplicantRecord, facts: Facts, asOf: string): Person {
  const disability = yes(facts.disability);
  return defined({
    id: APPLICANT,
    birthDate: record.birthDate,
    maritalStatus: facts.maritalStatus as MaritalStatus | undefined,
    disability:
      disability === undefined ? undefined : { dtcEligible: disability, provincialDisability: disability },
    residence: defined({
      livesInCanada: true,
      status: facts.residenceStatus as ResidenceStatus | undefined,
      yearsInCanadaAfter18: cents(facts.yearsInCanadaAfter18),
    }),
    income: incomes(record, facts, asOf),
    assetsCents: cents(facts.assets),
    oas: facts.oasStartDate ? { startDate: facts.oasStartDate } : undefined,
    cpp: defined({ earningsByYear: cppEarnings(record), pensionStartDate: facts.pensionStartDate }),
    ei:
      record.insurablePeriods.length > 0
        ? // The economic region is not in the record yet: left out, not empty, so the household stays valid
          // for every programme and EI says its regional rate is missing (an adjudicator then decides).
          defined({ weeks: record.insurablePeriods, separationDate: facts.separationDate })
        : undefined,
    socialAssistance: defined({
      monthlyNetEarningsCents: cents(facts.monthlyNetEarnings),
      monthlyOtherIncomeCents: cents(facts.monthlyOtherIncome),
      monthsOnAssistance: 0,
      barriersToFullEmployment: yes(facts.barriersToEmployment),
    }),
  }) as Person;
}

function children(facts: Facts): { people: Person[]; relationships: Relationship[] } {
  const count = Number(facts.childCount ?? 0) || 0;
  const people: Person[] = [];
  const relationships: Relationship[] = [];
  for (let item = 1; item <= count; item++) {
    const birthDate = facts[`childBirthDate.${item}`];
    if (!birthDate) continue;
    const id = `child-${item}`;
    const dtc = yes(facts[`childDisability.${item}`]);
    people.push(
      defined({ id, birthDate, disability: dtc === undefined ? undefined : { dtcEligible: dtc } }) as Person,
    );
    const shared = facts[`childCare.${item}`] === 'shared';
    relationships.push({ type: 'parent', parentId: APPLICANT, childId: id, custodyShare: shared ? 0.5 : 1 });
  }
  return { people, relationships };
}

/** The household as the rules engine takes it (docs/household.schema.json): the record, with the answers over it. */
export function buildHousehold(record: ApplicantRecord, facts: Facts, asOf: string): Household {
  const people: Person[] = [applicant(record, facts, asOf)];
  const relationships: Relationship[] = [];
  const partnered = facts.maritalStatus === 'married' || facts.maritalStatus === 'common-law';
  if (partnered && facts.partnerBirthDate) {
    const year = String(Number(asOf.slice(0, 4)) - 1);
    const income = cents(facts.partnerIncome);
    people.push({
      id: PARTNER,
      birthDate: facts.partnerBirthDate,
      maritalStatus: facts.maritalStatus as MaritalStatus,
      ...(income === undefined ? {} : { income: { [year]: { other: income } } }),
    });
    relationships.push({
      type: 'spouse',
      partners: [APPLICANT, PARTNER],
      kind: facts.maritalStatus as 'married' | 'common-law',
    });
  }
  const kids = children(facts);
  // Every form asks the province when the record does not hold it; submission checks every answer first.
  if (facts.province === undefined) throw new Error('the province is answered before a household is built');
  return defined({
    province: facts.province as ProvinceCode,
    people: [...people, ...kids.people],
    relationships: [...relationships, ...kids.relationships],
    shelterCostCents: cents(facts.shelterCost),
  }) as Household;
}
