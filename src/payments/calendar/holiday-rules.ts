import {
  dayNumberOf,
  easterSunday,
  nthWeekdayOfMonth,
  weekdayBefore,
  weekdayOf,
  type Weekday,
} from './day-numbers.ts';

/** How a holiday's date follows from the year, as the statutes word it. */
export type HolidayRule =
  | { readonly fixed: string; readonly sunday_moves_to_monday?: boolean }
  | { readonly nth: number; readonly weekday: WeekdayName; readonly month: number }
  | { readonly weekday: WeekdayName; readonly before: string }
  | { readonly easter: number };

export type WeekdayName = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

const WEEKDAYS: readonly WeekdayName[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export class InvalidHolidayRuleError extends Error {}

export function weekdayNumber(name: WeekdayName): Weekday {
  const index = WEEKDAYS.indexOf(name);
  if (index < 0) throw new InvalidHolidayRuleError(`Unknown weekday: ${String(name)}`);
  return index as Weekday;
}

/** The day number of the holiday in `year` under `rule`. */
export function dateOfRule(rule: HolidayRule, year: number): number {
  if ('fixed' in rule) return fixedDay(rule.fixed, year, rule.sunday_moves_to_monday === true);
  if ('easter' in rule) return easterSunday(year) + rule.easter;
  if ('nth' in rule) return nthWeekdayOfMonth(year, rule.month, weekdayNumber(rule.weekday), rule.nth);
  if ('before' in rule) return weekdayBefore(monthDay(rule.before, year), weekdayNumber(rule.weekday));
  throw new InvalidHolidayRuleError(`Unknown holiday rule: ${JSON.stringify(rule)}`);
}

function fixedDay(monthAndDay: string, year: number, sundayMovesToMonday: boolean): number {
  const day = monthDay(monthAndDay, year);
  return sundayMovesToMonday && weekdayOf(day) === 0 ? day + 1 : day;
}

function monthDay(monthAndDay: string, year: number): number {
  const match = /^(\d{2})-(\d{2})$/.exec(monthAndDay);
  if (!match) throw new InvalidHolidayRuleError(`Expected MM-DD, got ${JSON.stringify(monthAndDay)}`);
  return dayNumberOf(year, Number(match[1]), Number(match[2]));
}
