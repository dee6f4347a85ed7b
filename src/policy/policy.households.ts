import { rulesIncome, rulesPerson, rulesRelationship } from '../person/index.ts';
import type { RegisterHousehold, RegisterPerson } from '../person/index.ts';
import type { Household, IncomeByType, Person, ProvinceCode } from '../rules/index.ts';

/**
 * How a register household is evaluated on a date for a release preview. The comparison is static, as
 * microsimulation models do: the same people with the same circumstances under the rates of two dates.
 * So everyone is as old on the later date as on the earlier one (birth dates moved by `shiftMonths`),
 * and the latest year of income on file stands for every tax year the programmes read.
 */
export interface EvaluationFrame {
  readonly shiftMonths: number;
  /** Tax years the programmes may read on this date (its year and the two before). */
  readonly incomeYears: readonly string[];
}

export function frameFor(date: string, baseDate: string): EvaluationFrame {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const [by, bm] = baseDate.split('-').map(Number) as [number, number];
  return { shiftMonths: (y - by) * 12 + (m - bm), incomeYears: [y - 2, y - 1, y].map(String) };
}

function shiftDate(iso: string, months: number): string {
  if (months === 0) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // Clamp the day: 31 → 30 in a 30-day month, 29 February → 28 in a common year.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function latestIncome(person: RegisterPerson): IncomeByType {
  const years = Object.keys(person.incomeByYear).sort();
  const latest = years.length > 0 ? person.incomeByYear[years[years.length - 1] as string] : undefined;
  return rulesIncome(latest ?? {});
}

/** A register household read once for both dates: each person's latest income, and the household's total. */
export interface PreparedHousehold {
  readonly source: RegisterHousehold;
  readonly incomes: readonly IncomeByType[];
  /** Total income before tax of everyone in the household, in cents (for deciles). */
  readonly totalIncomeCents: number;
}

export function prepareHousehold(household: RegisterHousehold): PreparedHousehold {
  let total = 0;
  const incomes = household.people.map((person) => {
    const income = latestIncome(person);
    for (const cents of Object.values(income)) total += cents ?? 0;
    return income;
  });
  return { source: household, incomes, totalIncomeCents: total };
}

function toPerson(person: RegisterPerson, income: IncomeByType, frame: EvaluationFrame): Person {
  const byYear: Record<string, IncomeByType> = {};
  for (const year of frame.incomeYears) byYear[year] = income;
  return {
    ...rulesPerson(person),
    birthDate: shiftDate(person.birthDate, frame.shiftMonths),
    income: byYear,
  };
}

export function toRulesHousehold(prepared: PreparedHousehold, frame: EvaluationFrame): Household {
  const household = prepared.source;
  return {
    id: household.id,
    province: household.provinceCode as ProvinceCode,
    people: household.people.map((p, i) => toPerson(p, prepared.incomes[i] ?? {}, frame)),
    relationships: household.relationships.map(rulesRelationship),
  };
}
