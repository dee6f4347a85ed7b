import { dayNumber, isoDate, isWeekend } from './day-numbers.ts';
import { holidaysIn, type Jurisdiction } from './holidays.ts';

/**
 * Business days of one or more calendars together: a day is a business day when it is a weekday and no
 * listed jurisdiction keeps a holiday on it. `['clearing']` is the banking calendar (funds can be made
 * available); `['clearing', 'AB']` is Alberta's government business day as its payment calendar uses it.
 */
export class BusinessCalendar {
  readonly #closedByYear = new Map<number, ReadonlySet<number>>();

  constructor(readonly jurisdictions: readonly Jurisdiction[]) {}

  isBusinessDay(dayNo: number): boolean {
    if (isWeekend(dayNo)) return false;
    return !this.#closedIn(yearOfDay(dayNo)).has(dayNo);
  }

  /** The day itself when it is a business day, or else the last business day before it. */
  onOrBefore(dayNo: number): number {
    let day = dayNo;
    while (!this.isBusinessDay(day)) day--;
    return day;
  }

  /** Moves by `count` business days (negative: backwards); 0 is the day itself, rolled back if closed. */
  addBusinessDays(dayNo: number, count: number): number {
    let day = count >= 0 ? this.onOrBefore(dayNo) : dayNo;
    const step = count >= 0 ? 1 : -1;
    for (let moved = 0; moved < Math.abs(count);) {
      day += step;
      if (this.isBusinessDay(day)) moved++;
    }
    return day;
  }

  #closedIn(year: number): ReadonlySet<number> {
    let closed = this.#closedByYear.get(year);
    if (!closed) {
      closed = new Set(
        this.jurisdictions.flatMap((j) => holidaysIn(j, year).map((h) => dayNumber(h.observed))),
      );
      this.#closedByYear.set(year, closed);
    }
    return closed;
  }
}

function yearOfDay(dayNo: number): number {
  return Number(isoDate(dayNo).slice(0, 4));
}

/** The Canadian clearing system's calendar: the days on which a payment can settle. */
export const bankingCalendar = new BusinessCalendar(['clearing']);

export function isBankingDay(date: string): boolean {
  return bankingCalendar.isBusinessDay(dayNumber(date));
}

/** The last banking day on which a file must reach the bank for funds to be available on `paymentDate`. */
export function fileDueDate(paymentDate: string, leadBankingDays: number): string {
  return isoDate(bankingCalendar.addBusinessDays(dayNumber(paymentDate), -leadBankingDays));
}

/**
 * The date `count` business days after `date` ('YYYY-MM-DD') on the clearing calendar: service standards
 * counted in business days (a message answered within five) use it, since federal offices close on the
 * same national holidays as the clearing system.
 */
export function businessDaysAfter(date: string, count: number): string {
  return isoDate(bankingCalendar.addBusinessDays(dayNumber(date), count));
}
