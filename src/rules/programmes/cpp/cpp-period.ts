import { monthIndex } from '../../core/dates.ts';

/**
 * Months are counted as month indexes (year × 12 + month − 1). A contributor "reaches" an age in the
 * month of that birthday; the ages that matter take effect the month after.
 */

export interface AgeMonths {
  /** First month the pension may start: the month after the 60th birthday (CPP s. 67(3)). */
  readonly earliestStart: number;
  /** The month after the 65th birthday: no adjustment for a pension starting then (Regs s. 78.3). */
  readonly normalStart: number;
  /** The month after the 70th birthday: no further increase after it (Regs s. 78.4). */
  readonly latestIncrease: number;
}

export interface ContributoryPeriod {
  /** First month, inclusive. */
  readonly first: number;
  /** Last month, inclusive. */
  readonly last: number;
  /** Months of the period at or after the month following the 65th birthday (s. 48(3)). */
  readonly after65From: number;
}

const FIRST_MONTH_OF_PLAN = 1966 * 12;

export function ageMonths(
  birthDate: string,
  ages: { earliest: number; normal: number; latest: number },
): AgeMonths {
  const birth = monthIndex(birthDate);
  return {
    earliestStart: birth + ages.earliest * 12 + 1,
    normalStart: birth + ages.normal * 12 + 1,
    latestIncrease: birth + ages.latest * 12 + 1,
  };
}

/**
 * CPP s. 49: from the later of January 1966 and the month after the 18th birthday, to the month
 * before the pension starts or the month the contributor reaches 70, whichever is earlier.
 */
export function contributoryPeriod(
  birthDate: string,
  startMonth: number,
  ages: AgeMonths,
): ContributoryPeriod {
  const birth = monthIndex(birthDate);
  const first = Math.max(FIRST_MONTH_OF_PLAN, birth + 18 * 12 + 1);
  const last = Math.min(startMonth - 1, ages.latestIncrease - 1);
  return { first, last, after65From: ages.normalStart };
}

/** Months of calendar year `year` that fall in the period. */
export function monthsInYear(period: ContributoryPeriod, year: number): number {
  const from = Math.max(period.first, year * 12);
  const to = Math.min(period.last, year * 12 + 11);
  return to >= from ? to - from + 1 : 0;
}

/**
 * Regs ss. 78.3–78.4: months the pension starts before the month after 65 (negative) or after it
 * (positive), the increase counting no months after 70.
 */
export function monthsFromNormalStart(startMonth: number, ages: AgeMonths): number {
  const capped = Math.min(startMonth, ages.latestIncrease);
  return capped - ages.normalStart;
}
