import type { EiWeek } from '../../model/household.ts';

/** Week arithmetic on ISO dates for EI claims (UTC, no time zones). */

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * EI Act s. 10(1): a benefit period begins on the Sunday of the week in which the interruption of
 * earnings occurs. Weeks run Sunday to Saturday (s. 2(1) "week").
 */
export function benefitPeriodStart(separationDate: string): string {
  const weekday = new Date(toUtc(separationDate)).getUTCDay();
  return addDays(separationDate, -weekday);
}

/** EI Act s. 8(1)(a): the qualifying period is the 52 weeks before the benefit period begins. */
export function weeksInQualifyingPeriod(weeks: readonly EiWeek[], start: string, length: number): EiWeek[] {
  const first = addDays(start, -7 * length);
  return weeks.filter((w) => w.weekEnding >= first && w.weekEnding < start);
}

export function totalHours(weeks: readonly EiWeek[]): number {
  let hours = 0;
  for (const w of weeks) hours += w.hours;
  return hours;
}

/** EI Act s. 14(2): insurable earnings of the claimant's best weeks (highest earnings first). */
export function bestWeeksEarnings(weeks: readonly EiWeek[], count: number): number {
  const sorted = weeks.map((w) => w.earningsCents).sort((a, b) => b - a);
  let total = 0;
  for (const cents of sorted.slice(0, count)) total += cents;
  return total;
}
