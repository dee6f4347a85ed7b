import type { EntitlementRow } from './run-ports.ts';

/**
 * Which periods of one enrolment a run pays, and how much: the run's own period, and arrears for earlier
 * periods a late decision made payable (the database's uniqueness keeps any period from being paid twice).
 * Pure: rows in, payments due out.
 */
export interface DuePayment {
  /** 'YYYY-MM' for a monthly entitlement, 'YYYY-MM-DD' (first day) for a two-week period. */
  readonly period: string;
  readonly amountCents: number;
  readonly arrears: boolean;
  readonly decisionId: string;
}

export interface RunWindow {
  /** The run's month, 'YYYY-MM'. */
  readonly period: string;
  /** How many months before the run's month arrears reach back (e.g. 11 under the OAS Act s. 8(2)). */
  readonly arrearsMonths: number;
}

const DAY_MS = 86_400_000;

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The row in force on `day`: the latest decision's when rows overlap. */
function rowOn(rows: readonly EntitlementRow[], day: string): EntitlementRow | undefined {
  let found: EntitlementRow | undefined;
  for (const row of rows)
    if (row.validFrom <= day && (row.validTo === null || row.validTo >= day)) found = row;
  return found;
}

/** The first month a run's arrears window reaches: the run's month less `arrearsMonths`. */
export function firstPeriodOf(window: RunWindow): string {
  return addMonths(window.period, -window.arrearsMonths);
}

/** The window's months, oldest first, worked out once per window rather than once per enrolment. */
const monthsOfWindow = new Map<string, readonly string[]>();
function windowMonths(window: RunWindow): readonly string[] {
  const key = `${window.period}:${String(window.arrearsMonths)}`;
  let months = monthsOfWindow.get(key);
  if (!months) {
    const list: string[] = [];
    for (let month = firstPeriodOf(window); month <= window.period; month = addMonths(month, 1))
      list.push(month);
    months = list;
    monthsOfWindow.set(key, months);
  }
  return months;
}

/**
 * A month is payable when an entitlement is in force on its first day: the pension "commences with the
 * month after" entitlement begins (Old Age Security Act s. 8(1)) and is paid for the month in which it
 * ends or the person dies (s. 9(1)); nothing is paid for a month after the month of death.
 */
function monthlyDue(
  rows: readonly EntitlementRow[],
  window: RunWindow,
  deathMonth: string | null,
): DuePayment[] {
  const due: DuePayment[] = [];
  for (const month of windowMonths(window)) {
    if (deathMonth !== null && month > deathMonth) break;
    const row = rowOn(rows, `${month}-01`);
    if (!row || row.amountCents <= 0) continue;
    due.push({
      period: month,
      amountCents: row.amountCents,
      arrears: month < window.period,
      decisionId: row.decisionId,
    });
  }
  return due;
}

/** Two-week periods counted from the enrolment's first entitlement day; a run pays those that begin in its month. */
function biweeklyDue(
  rows: readonly EntitlementRow[],
  window: RunWindow,
  deathMonth: string | null,
): DuePayment[] {
  const anchor = rows[0]?.validFrom;
  if (!anchor) return [];
  const due: DuePayment[] = [];
  const first = firstPeriodOf(window);
  for (let start = anchor; monthOf(start) <= window.period; start = addDays(start, 14)) {
    const month = monthOf(start);
    if (month < first) continue;
    if (deathMonth !== null && month > deathMonth) break;
    const row = rowOn(rows, start);
    if (!row || row.amountCents <= 0) continue;
    due.push({
      period: start,
      amountCents: row.amountCents,
      arrears: month < window.period,
      decisionId: row.decisionId,
    });
  }
  return due;
}

/** The payments a run owes one enrolment; `rows` are that enrolment's rows ordered by `validFrom`. */
export function paymentsDue(
  rows: readonly EntitlementRow[],
  window: RunWindow,
  dateOfDeath: string | null,
): DuePayment[] {
  const deathMonth = dateOfDeath === null ? null : monthOf(dateOfDeath);
  const sorted = [...rows].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  const byKind = sorted[0]?.periodKind === 'biweekly' ? biweeklyDue : monthlyDue;
  return byKind(sorted, window, deathMonth);
}
