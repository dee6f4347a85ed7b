import { divideRounded } from '../../core/money.ts';
import type { EarningsYear } from './cpp-earnings.ts';

/**
 * Drop-outs of CPP s. 48, on groups of equal months (one group per calendar year, since yearly
 * earnings are spread evenly). Each step removes months whose indexed earnings are below the average,
 * which can only raise the average.
 */

export interface MonthGroup {
  readonly year: number;
  readonly monthly: number;
  months: number;
}

export interface DropOutOptions {
  /** "Basic number of contributory months" (120): no drop-out may go below it. */
  readonly basicMonths: number;
  readonly generalDropOutRate: number;
  /** First whole calendar year after the month following the 65th birthday (s. 48(3)). */
  readonly after65Year: number;
}

export interface DropOutResult {
  readonly totalCents: number;
  readonly divisorMonths: number;
  readonly childRearingMonths: number;
  readonly after65Months: number;
  readonly generalMonths: number;
}

function totals(groups: readonly MonthGroup[]): { cents: number; months: number } {
  let cents = 0;
  let months = 0;
  for (const g of groups) {
    cents += g.monthly * g.months;
    months += g.months;
  }
  return { cents, months };
}

function average(groups: readonly MonthGroup[]): number {
  const t = totals(groups);
  return t.months === 0 ? 0 : t.cents / t.months;
}

/** Removes whole groups picked by `pick` whose earnings are below the average, keeping `floor` months. */
function dropBelowAverage(groups: MonthGroup[], pick: (g: MonthGroup) => boolean, floor: number): number {
  const avg = average(groups);
  let left = totals(groups).months;
  let dropped = 0;
  for (const g of [...groups].sort((a, b) => a.monthly - b.monthly)) {
    if (!pick(g) || g.monthly >= avg) continue;
    const n = Math.min(g.months, left - floor);
    if (n <= 0) break;
    g.months -= n;
    left -= n;
    dropped += n;
  }
  return dropped;
}

/** s. 48(4): 17 % of the remaining months (rounded up), lowest first, leaving at least 120 months. */
function dropLowest(groups: MonthGroup[], rate: number, floor: number): number {
  const months = totals(groups).months;
  const share = divideRounded(months * Math.round(rate * 1_000_000), 1_000_000, 'ceil');
  let toDrop = Math.min(share, Math.max(0, months - floor));
  const dropped = toDrop;
  for (const g of [...groups].sort((a, b) => a.monthly - b.monthly)) {
    const n = Math.min(g.months, toDrop);
    g.months -= n;
    toDrop -= n;
  }
  return dropped;
}

export function applyDropOuts(
  years: readonly EarningsYear[],
  childRearingYears: ReadonlySet<number>,
  options: DropOutOptions,
): DropOutResult {
  const groups: MonthGroup[] = years.map((y) => ({
    year: y.year,
    monthly: y.adjustedMonthly,
    months: y.months,
  }));
  const floor = options.basicMonths;
  const childRearingMonths = dropBelowAverage(groups, (g) => childRearingYears.has(g.year), floor);
  const after65Months = dropBelowAverage(groups, (g) => g.year >= options.after65Year, floor);
  const generalMonths = dropLowest(groups, options.generalDropOutRate, floor);
  const t = totals(groups);
  // s. 48(1): divide by the months left or by the basic number of contributory months, if greater.
  return {
    totalCents: t.cents,
    divisorMonths: Math.max(t.months, floor),
    childRearingMonths,
    after65Months,
    generalMonths,
  };
}
