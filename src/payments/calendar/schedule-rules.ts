import type { BusinessCalendar } from './business-days.ts';
import { dayNumberOf, daysInMonth, nthWeekdayOfMonth } from './day-numbers.ts';
import { weekdayNumber, type WeekdayName } from './holiday-rules.ts';

/** Where a monthly payment falls within the month it is paid in. */
export type MonthlyRule =
  | { readonly kind: 'nth-last-business-day'; readonly n: number }
  | { readonly kind: 'nth-business-day-before'; readonly n: number; readonly day: number }
  | { readonly kind: 'day-or-business-day-before'; readonly day: number }
  | { readonly kind: 'nth-weekday'; readonly nth: number; readonly weekday: WeekdayName }
  | { readonly kind: 'fixed-dates-only' };

export class UnknownScheduleRuleError extends Error {}

/** The day number of the payment made in (year, month) under `rule`, or undefined for 'fixed-dates-only'. */
export function dayOfMonthlyRule(
  rule: MonthlyRule,
  year: number,
  month: number,
  calendar: BusinessCalendar,
): number | undefined {
  switch (rule.kind) {
    case 'nth-last-business-day':
      return calendar.addBusinessDays(
        calendar.onOrBefore(dayNumberOf(year, month, daysInMonth(year, month))),
        1 - rule.n,
      );
    case 'nth-business-day-before':
      return calendar.addBusinessDays(dayNumberOf(year, month, rule.day), -rule.n);
    case 'day-or-business-day-before':
      return calendar.onOrBefore(dayNumberOf(year, month, rule.day));
    case 'nth-weekday':
      return calendar.onOrBefore(nthWeekdayOfMonth(year, month, weekdayNumber(rule.weekday), rule.nth));
    case 'fixed-dates-only':
      return undefined;
    default:
      throw new UnknownScheduleRuleError(`Unknown monthly rule: ${JSON.stringify(rule)}`);
  }
}
