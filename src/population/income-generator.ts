import type { IncomeType } from '../person/index.ts';
import type { Random } from './prng.ts';

/**
 * Plausible yearly incomes by age, for demonstration only: shapes follow Statistics Canada's income
 * tables (median employment income near $50,000), and public pension amounts follow the 2025 rates
 * (OAS about $8,730 a year at 65–74 and $9,600 at 75+, CPP retirement averaging about $10,000).
 * They are not computed by the rules engine and must never be read as entitlements.
 */
export interface IncomeProfile {
  readonly age: number;
  readonly disability: boolean;
  readonly yearsInCanadaAfter18: number;
  readonly isStudentAtHome: boolean;
}

export type DrawnIncome = readonly [IncomeType, number];

const dollars = (amount: number): number => Math.round(amount * 100);

export function drawIncomes(random: Random, profile: IncomeProfile): DrawnIncome[] {
  if (profile.age < 16) return [];
  if (profile.isStudentAtHome)
    return random.chance(0.55) ? [['employment', dollars(random.logNormal(12_000, 0.6))]] : [];
  return profile.age >= 65 ? seniorIncomes(random, profile) : workingAgeIncomes(random, profile);
}

function employmentRate(age: number, disability: boolean): number {
  const base = age < 25 ? 0.62 : age < 55 ? 0.84 : 0.64;
  return disability ? base * 0.55 : base;
}

function workingAgeIncomes(random: Random, profile: IncomeProfile): DrawnIncome[] {
  const incomes: DrawnIncome[] = [];
  const employed = random.chance(employmentRate(profile.age, profile.disability));
  if (employed) {
    const median = profile.age < 25 ? 24_000 : profile.age < 35 ? 48_000 : 58_000;
    incomes.push(['employment', dollars(Math.min(400_000, random.logNormal(median, 0.55)))]);
    if (random.chance(0.06)) incomes.push(['employment-insurance', dollars(random.integer(2_000, 14_000))]);
  }
  if (random.chance(0.08)) incomes.push(['self-employment', dollars(random.logNormal(25_000, 0.8))]);
  if (!employed && profile.disability && profile.age >= 25 && random.chance(0.4)) {
    incomes.push(['cpp-qpp-disability', dollars(random.logNormal(13_000, 0.2))]);
  } else if (!employed && random.chance(0.18)) {
    incomes.push(['social-assistance', dollars(random.integer(7_500, 13_000))]);
  }
  if (random.chance(0.1)) incomes.push(['investment', dollars(random.logNormal(1_500, 1))]);
  return incomes;
}

function seniorIncomes(random: Random, profile: IncomeProfile): DrawnIncome[] {
  const incomes: DrawnIncome[] = [];
  // Old Age Security Act s. 3(2): a partial pension of 1/40 per year of residence after 18, minimum 10.
  const residenceYears = Math.min(40, profile.yearsInCanadaAfter18);
  if (residenceYears >= 10) {
    const fullOas = profile.age >= 75 ? 9_600 : 8_730;
    incomes.push(['oas-pension', dollars((fullOas * residenceYears) / 40)]);
  }
  if (random.chance(0.92))
    incomes.push(['cpp-qpp-retirement', dollars(Math.min(17_196, random.logNormal(9_500, 0.35)))]);
  if (random.chance(0.58)) incomes.push(['private-pension', dollars(random.logNormal(19_000, 0.7))]);
  if (profile.age < 70 && random.chance(0.25))
    incomes.push(['employment', dollars(random.logNormal(22_000, 0.7))]);
  if (random.chance(0.3)) incomes.push(['investment', dollars(random.logNormal(3_000, 1))]);
  const otherCents = incomes
    .filter(([type]) => type !== 'oas-pension')
    .reduce((sum, [, cents]) => sum + cents, 0);
  // Guaranteed Income Supplement, roughly: about $13,000 a year, less 50¢ per dollar of other income.
  const gis = residenceYears >= 10 ? 13_000 - otherCents / 200 : 0;
  if (gis > 500) incomes.push(['gis', dollars(gis)]);
  return incomes;
}
