/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) as day numbers (days since 1970-01-01, UTC), so that
 * adding days, weekdays and comparisons are integer operations with no time zone in sight.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // Sunday = 0, as Date.getUTCDay

export class InvalidDateError extends Error {
  constructor(readonly text: string) {
    super(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  }
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new InvalidDateError(iso);
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY
  );
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDate(dayNo: number): string {
  return new Date(dayNo * MS_PER_DAY).toISOString().slice(0, 10);
}

export function weekdayOf(dayNo: number): Weekday {
  return ((((dayNo + 4) % 7) + 7) % 7) as Weekday; // 1970-01-01 was a Thursday
}

export function isWeekend(dayNo: number): boolean {
  const weekday = weekdayOf(dayNo);
  return weekday === 0 || weekday === 6;
}

/** The nth `weekday` of a month (n ≥ 1), or the last one when n is -1. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): number {
  if (n === -1) {
    const last = dayNumberOf(year, month, daysInMonth(year, month));
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumberOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** The last `weekday` strictly before a date: "the Monday preceding 25 May" (Victoria Day). */
export function weekdayBefore(dayNo: number, weekday: Weekday): number {
  return dayNo - 1 - ((weekdayOf(dayNo - 1) - weekday + 7) % 7);
}

/**
 * Western Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher), as the Churches
 * fix it and as Good Friday and Easter Monday follow from it in every Canadian holiday statute.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}
