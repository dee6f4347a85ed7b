import type { IncomeType, MaritalStatus, PreferredLanguage, RelationshipKind } from '../person/index.ts';
import type { ProvinceCode } from './population-data.ts';

export interface GeneratedPerson {
  readonly id: string;
  readonly householdId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly preferredLanguage: PreferredLanguage;
  readonly maritalStatus: MaritalStatus;
  /** Nine digits, fictitious (0-prefixed); null for the younger children who have none yet. */
  readonly sin: string | null;
  readonly yearsInCanadaAfter18: number;
  readonly disability: boolean;
}

export interface GeneratedRelationship {
  readonly personId: string;
  readonly relatedPersonId: string;
  readonly kind: RelationshipKind;
  readonly since: string | null;
  readonly custodyShare: number | null;
}

export interface GeneratedIncome {
  readonly personId: string;
  readonly taxYear: number;
  readonly incomeType: IncomeType;
  readonly amountCents: number;
}

export interface GeneratedHousehold {
  readonly id: string;
  readonly provinceCode: ProvinceCode;
  readonly people: readonly GeneratedPerson[];
  readonly relationships: readonly GeneratedRelationship[];
  readonly incomes: readonly GeneratedIncome[];
}

export interface PopulationOptions {
  readonly people: number;
  readonly seed: number;
  /** Ages are counted on 1 January of this year and incomes are for the year before. */
  readonly referenceYear?: number;
}

export interface Population {
  readonly households: readonly GeneratedHousehold[];
  readonly people: readonly GeneratedPerson[];
  readonly relationships: readonly GeneratedRelationship[];
  readonly incomes: readonly GeneratedIncome[];
}
