/**
 * The facts the rules read. Money is in integer cents; dates are ISO YYYY-MM-DD; income is keyed by
 * tax year ("2024"). Everything optional is a fact the person may not have given: rules that need it
 * answer `cannot-tell` and name it in `missingFacts`, they never assume a value.
 */

/** Provinces and territories, in the usual east-to-west order. */
export const PROVINCE_CODES = [
  'NL',
  'PE',
  'NS',
  'NB',
  'QC',
  'ON',
  'MB',
  'SK',
  'AB',
  'BC',
  'YT',
  'NT',
  'NU',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export type MaritalStatus = 'single' | 'married' | 'common-law' | 'separated' | 'divorced' | 'widowed';

export type ResidenceStatus =
  'citizen' | 'permanent-resident' | 'protected-person' | 'temporary-resident' | 'other';

/** Income of one tax year by type, in cents. Net income = sum of the types − deductions. */
export interface IncomeByType {
  readonly employment?: number;
  readonly selfEmployment?: number;
  readonly oas?: number;
  readonly gis?: number;
  readonly cpp?: number;
  readonly ei?: number;
  readonly socialAssistance?: number;
  readonly pension?: number;
  readonly investment?: number;
  readonly other?: number;
  /** Deductions from total income to reach net income (line 23600), e.g. RRSP, union dues. */
  readonly deductions?: number;
}

export interface ResidencePeriod {
  readonly from: string;
  /** Absent: still resident. */
  readonly to?: string;
}

export interface Residence {
  readonly status?: ResidenceStatus;
  readonly livesInCanada?: boolean;
  /** Whole years of residence in Canada after age 18 (OAS Act s. 3). */
  readonly yearsInCanadaAfter18?: number;
  /** Alternative to the count: periods of residence; the years after 18 are computed from them. */
  readonly periodsInCanada?: readonly ResidencePeriod[];
}

export interface Disability {
  /** Eligible for the disability tax credit (approved T2201). */
  readonly dtcEligible?: boolean;
  readonly cppDisability?: boolean;
  /** Provincial disability designation (ODSP, BC PWD, AISH...). */
  readonly provincialDisability?: boolean;
}

export interface EiWeek {
  readonly weekEnding: string;
  readonly hours: number;
  readonly earningsCents: number;
}

export interface EiFacts {
  readonly weeks: readonly EiWeek[];
  /**
   * The EI economic region of the claimant's home, when known. Descriptive: the rules read the region's
   * unemployment rate (`regionalUnemploymentRate`), and say which fact is missing when it is not given.
   */
  readonly economicRegion?: string;
  /** Percent, e.g. 7.1. */
  readonly regionalUnemploymentRate?: number;
  readonly separationDate?: string;
}

export interface CppFacts {
  /** Pensionable earnings by calendar year, in cents. */
  readonly earningsByYear: Readonly<Record<string, number>>;
  readonly pensionStartDate?: string;
  readonly childRearingYears?: readonly number[];
}

export interface OasFacts {
  /** First month the OAS pension is (or would be) paid; drives the deferral increase. */
  readonly startDate?: string;
}

/** rules-B: this month's facts for needs-tested provincial assistance (OW, ODSP, BC IA, AB IS). */
export interface SocialAssistanceFacts {
  /** Net monthly earnings (after income tax, CPP and EI deductions), in cents. */
  readonly monthlyNetEarningsCents?: number;
  /** Other non-exempt monthly income (EI, CPP, support payments...), in cents; child benefits are exempt. */
  readonly monthlyOtherIncomeCents?: number;
  /** Consecutive months already on assistance (Ontario Works earnings exemption starts after 3). */
  readonly monthsOnAssistance?: number;
  /** Alberta: adult designated "barriers to full employment" (ISTHB Regulation s. 8). */
  readonly barriersToFullEmployment?: boolean;
}

export interface Person {
  readonly id: string;
  readonly birthDate: string;
  readonly maritalStatus?: MaritalStatus;
  readonly disability?: Disability;
  readonly residence?: Residence;
  readonly income?: Readonly<Record<string, IncomeByType>>;
  readonly assetsCents?: number;
  readonly oas?: OasFacts;
  readonly ei?: EiFacts;
  readonly cpp?: CppFacts;
  readonly socialAssistance?: SocialAssistanceFacts;
}

export interface SpouseRelationship {
  readonly type: 'spouse';
  readonly partners: readonly [string, string];
  readonly kind: 'married' | 'common-law';
  readonly since?: string;
}

export interface ParentRelationship {
  readonly type: 'parent';
  readonly parentId: string;
  readonly childId: string;
  /** Share of time the child lives in this household, 0..1 (CRA: 0.4–0.6 is shared custody). */
  readonly custodyShare: number;
}

export type Relationship = SpouseRelationship | ParentRelationship;

export interface Household {
  readonly id?: string;
  readonly province: ProvinceCode;
  readonly people: readonly Person[];
  readonly relationships?: readonly Relationship[];
  /** Monthly shelter cost (rent or mortgage, taxes, utilities) in cents. */
  readonly shelterCostCents?: number;
  /** Household assets not attributed to a person, in cents. */
  readonly assetsCents?: number;
}
