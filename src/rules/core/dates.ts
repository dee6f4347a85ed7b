/** ISO calendar dates (YYYY-MM-DD) as plain numbers; no time zones, no Date objects in hot paths. */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseDate(text: string): CalendarDate {
  return { year: yearOf(text), month: monthOf(text), day: dayOf(text) };
}

/** Digit reads without allocation, for the batch path. The input is a validated YYYY-MM-DD. */
export function yearOf(iso: string): number {
  return (
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48)
  );
}

export function monthOf(iso: string): number {
  return (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
}

export function dayOf(iso: string): number {
  return (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

/** Completed years of age on `on` (a person born on 29 February has a birthday on 1 March). */
export function ageOn(birthDate: string, on: string): number {
  const years = yearOf(on) - yearOf(birthDate);
  const bm = monthOf(birthDate);
  const om = monthOf(on);
  if (om > bm || (om === bm && dayOf(on) >= dayOf(birthDate))) return years;
  return years - 1;
}

/** Month index (year × 12 + month − 1), handy for counting whole months. */
export function monthIndex(iso: string): number {
  return yearOf(iso) * 12 + monthOf(iso) - 1;
}

/** First day of the July-to-June benefit year containing `asOf` (CCB, GST/HST credit, GIS base year). */
export function benefitYearStart(asOf: string): number {
  return monthOf(asOf) >= 7 ? yearOf(asOf) : yearOf(asOf) - 1;
}

/** Number of days from a to b (b exclusive). */
export function daysBetween(a: string, b: string): number {
  const da = Date.UTC(yearOf(a), monthOf(a) - 1, dayOf(a));
  const db = Date.UTC(yearOf(b), monthOf(b) - 1, dayOf(b));
  return Math.round((db - da) / 86_400_000);
}

export function addYears(iso: string, years: number): string {
  const y = String(yearOf(iso) + years).padStart(4, '0');
  const md = iso.slice(4);
  const leap = daysInMonth(yearOf(iso) + years, 2) === 29;
  return md === '-02-29' && !leap ? `${y}-03-01` : `${y}${md}`;
}
