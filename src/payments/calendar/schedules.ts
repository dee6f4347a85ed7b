import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BusinessCalendar } from './business-days.ts';
import { dayNumber, isoDate } from './day-numbers.ts';
import type { Jurisdiction, Reference } from './holidays.ts';
import { dayOfMonthlyRule, type MonthlyRule } from './schedule-rules.ts';

export type ScheduleId =
  'oas' | 'cpp' | 'ccb' | 'ei' | 'ontario-works' | 'odsp' | 'alberta-income-support' | 'bc-income-assistance';

export interface PaymentDate {
  /** The day funds are available to the person. */
  readonly date: string;
  /** What the payment covers: the benefit month (YYYY-MM), or the first day of an EI two-week period. */
  readonly period: string;
  /** True when the day comes from a rule the project inferred from published dates, not from a text. */
  readonly inferred: boolean;
}

export interface PaymentSchedule {
  readonly id: ScheduleId;
  readonly name_en: string;
  readonly name_fr: string;
  readonly cpaTransactionCode: string;
  readonly reference: readonly Reference[];
  readonly note?: string;
  /** Published dates by period, against which the tests hold the rule. */
  readonly published?: {
    readonly source: string;
    readonly href: string;
    readonly dates: Record<string, string>;
  };
}

interface ScheduleData {
  readonly same_as?: ScheduleId;
  readonly name_en: string;
  readonly name_fr: string;
  readonly cpa_transaction_code: string;
  readonly calendar: readonly Jurisdiction[];
  readonly covers?: 'same-month' | 'next-month';
  readonly rule: MonthlyRule | { readonly kind: 'every-n-days-from-anchor'; readonly days: number };
  readonly inferred?: boolean;
  readonly months?: Record<number, { readonly rule: MonthlyRule; readonly inferred?: boolean }>;
  readonly fixed_dates?: Record<string, string>;
  readonly note?: string;
  readonly reference: readonly Reference[];
  readonly published?: PaymentSchedule['published'];
}

export class UnknownScheduleError extends Error {}
export class NoPublishedDateError extends Error {
  constructor(
    readonly schedule: ScheduleId,
    readonly period: string,
  ) {
    super(`No published payment date for ${schedule} ${period}, and no rule gives one`);
  }
}
export class AnchorRequiredError extends Error {}

const raw = parse(readFileSync(new URL('./schedules.yaml', import.meta.url), 'utf8')) as Record<
  string,
  ScheduleData
>;
const calendars = new Map<string, BusinessCalendar>();

function dataOf(id: ScheduleId): ScheduleData {
  const own = raw[id];
  if (!own) throw new UnknownScheduleError(`No payment schedule ${JSON.stringify(id)}`);
  return own.same_as ? { ...dataOf(own.same_as), ...own } : own;
}

function calendarOf(data: ScheduleData): BusinessCalendar {
  const key = data.calendar.join('+');
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = new BusinessCalendar(data.calendar)));
  return calendar;
}

export function scheduleOf(id: ScheduleId): PaymentSchedule {
  const data = dataOf(id);
  return {
    id,
    name_en: data.name_en,
    name_fr: data.name_fr,
    cpaTransactionCode: data.cpa_transaction_code,
    reference: data.reference,
    note: data.note,
    published: data.published,
  };
}

/** The payment for one benefit month ('YYYY-MM') of a monthly schedule. */
export function paymentDateFor(id: ScheduleId, period: string): PaymentDate {
  const data = dataOf(id);
  const fixed = data.fixed_dates?.[period];
  if (fixed) return { date: fixed, period, inferred: false };
  if (data.rule.kind === 'every-n-days-from-anchor') throw new AnchorRequiredError(`${id} is not monthly`);
  const [year, month] = paidIn(period, data.covers ?? 'same-month');
  const exception = data.months?.[month];
  const rule = exception?.rule ?? data.rule;
  const day = dayOfMonthlyRule(rule, year, month, calendarOf(data));
  if (day === undefined) throw new NoPublishedDateError(id, period);
  return { date: isoDate(day), period, inferred: (exception ? exception.inferred : data.inferred) === true };
}

function paidIn(period: string, covers: 'same-month' | 'next-month'): [number, number] {
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  if (covers === 'same-month') return [year, month];
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

/**
 * Every payment whose date falls in `year`, in date order. A schedule paid every n days needs its
 * anchor (the EI benefit period's start); a schedule of published dates only skips the months it lacks.
 */
export function paymentDatesIn(
  id: ScheduleId,
  year: number,
  options: { anchor?: string } = {},
): PaymentDate[] {
  const data = dataOf(id);
  if (data.rule.kind === 'every-n-days-from-anchor') {
    return periodicDates(data, data.rule.days, requireAnchor(id, options.anchor)).filter((p) =>
      p.date.startsWith(`${year}-`),
    );
  }
  return candidatePeriods(year)
    .flatMap((period) => knownPaymentDate(id, period))
    .filter((p) => p.date.startsWith(`${year}-`));
}

function knownPaymentDate(id: ScheduleId, period: string): PaymentDate[] {
  try {
    return [paymentDateFor(id, period)];
  } catch (error) {
    if (error instanceof NoPublishedDateError) return [];
    throw error;
  }
}

function candidatePeriods(year: number): string[] {
  const months = [`${year - 1}-12`];
  for (let m = 1; m <= 12; m++) months.push(`${year}-${String(m).padStart(2, '0')}`);
  return [...months, `${year + 1}-01`];
}

/** The first payment strictly after `after` (YYYY-MM-DD). */
export function nextPaymentDate(
  id: ScheduleId,
  after: string,
  options: { anchor?: string } = {},
): PaymentDate {
  const year = Number(after.slice(0, 4));
  for (const candidateYear of [year, year + 1, year + 2]) {
    const next = paymentDatesIn(id, candidateYear, options).find((p) => p.date > after);
    if (next) return next;
  }
  throw new NoPublishedDateError(id, after);
}

function requireAnchor(id: ScheduleId, anchor: string | undefined): string {
  if (anchor === undefined)
    throw new AnchorRequiredError(`${id} is paid from a claim's start: give its anchor`);
  dayNumber(anchor);
  return anchor;
}

function periodicDates(data: ScheduleData, days: number, anchor: string): PaymentDate[] {
  const calendar = calendarOf(data);
  const start = dayNumber(anchor);
  const lastYear = Number(anchor.slice(0, 4)) + 3;
  const dates: PaymentDate[] = [];
  for (let period = start; isoDate(period + days) < `${lastYear}-12-31`; period += days) {
    const date = isoDate(calendar.onOrBefore(period + days));
    dates.push({ date, period: isoDate(period), inferred: data.inferred === true });
  }
  return dates;
}
