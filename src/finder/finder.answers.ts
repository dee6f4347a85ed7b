import { PROVINCE_CODES } from '../rules/index.ts';
import type { MaritalStatus, ProvinceCode, ResidenceStatus } from '../rules/index.ts';

/** What a visitor has told the finder. Kept only in an encrypted cookie for the visit; never stored. */
export interface FinderAnswers {
  readonly province?: ProvinceCode;
  readonly residenceStatus?: ResidenceStatus;
  readonly birthDate?: string;
  readonly maritalStatus?: MaritalStatus;
  readonly partnerBirthDate?: string;
  readonly partnerResidenceStatus?: ResidenceStatus;
  readonly childCount?: number;
  readonly childAges?: readonly number[];
  readonly childDisability?: boolean;
  readonly yearsInCanada?: number;
  readonly partnerYearsInCanada?: number;
  readonly workIncomeCents?: number;
  readonly otherIncomeCents?: number;
  /** Only earnings (wages, tips, self-employment): the Canada workers benefit counts nothing else. */
  readonly partnerWorkIncomeCents?: number;
  readonly partnerOtherIncomeCents?: number;
  readonly disability?: boolean;
  readonly partnerDisability?: boolean;
  readonly shelterCostCents?: number;
  readonly savingsCents?: number;
}

export const PROVINCES: readonly ProvinceCode[] = PROVINCE_CODES;
export const RESIDENCE_STATUSES: readonly ResidenceStatus[] = [
  'citizen',
  'permanent-resident',
  'protected-person',
  'temporary-resident',
  'other',
];
export const MARITAL_STATUSES: readonly MaritalStatus[] = [
  'single',
  'married',
  'common-law',
  'separated',
  'divorced',
  'widowed',
];

export function hasPartner(answers: FinderAnswers): boolean {
  return answers.maritalStatus === 'married' || answers.maritalStatus === 'common-law';
}

/** Age in whole years on `asOf` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
