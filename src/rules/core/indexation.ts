/**
 * Indexation formulas written in the law, as pure integer functions. They estimate amounts for periods
 * whose rates are not published yet (core/estimates.ts) and are tested against published periods.
 */
import { divideRounded } from './money.ts';

/** First day of the payment quarter (January, April, July, October) containing `iso`. */
export function paymentQuarterStart(iso: string): string {
  const month = Number(iso.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${iso.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** First day of the month `months` after (or before, when negative) the month of `iso`. */
export function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * OAS Act s. 2 "first adjustment quarter": the three months starting on the first day of the fifth
 * month before the payment quarter (August for January, November for April, February for July, May
 * for October).
 */
export function firstAdjustmentQuarter(paymentQuarter: string): readonly string[] {
  const start = addMonths(paymentQuarter, -5);
  return [start, addMonths(start, 1), addMonths(start, 2)];
}

/**
 * OAS Regulations s. 9: the average of the monthly CPI (given in tenths of a point), expressed with
 * two decimals (further digits dropped), then to one decimal, half up. Returns tenths of a point.
 */
export function cpiQuarterAverageTenths(monthsTenths: readonly number[]): number {
  const sum = monthsTenths.reduce((a, b) => a + b, 0);
  const hundredths = Math.floor((sum * 10) / monthsTenths.length);
  return divideRounded(hundredths, 10, 'half-up');
}

/**
 * OAS Regulations s. 8(3): the CPI ratio expressed with four decimals (further digits dropped), then
 * to three decimals, half up. Returns thousandths (1012 for 1.012).
 */
export function oasRatioThousandths(firstTenths: number, secondTenths: number): number {
  const tenThousandths = Math.floor((firstTenths * 10_000) / secondTenths);
  return divideRounded(tenThousandths, 10, 'half-up');
}

/**
 * OAS Act ss. 7(2), 12(2), 12.1(3) and OAS Regulations s. 8(2): the previous quarter's amount times
 * the ratio, expressed to the tenth of a cent (further digits dropped), then to the cent, half up.
 */
export function applyOasRatio(cents: number, ratioThousandths: number): number {
  const tenthsOfCent = Math.floor((cents * ratioThousandths) / 100);
  return divideRounded(tenthsOfCent, 10, 'half-up');
}

/**
 * The ratios for the payment quarters after `lastQuarter`, up to `targetQuarter`, under OAS Act
 * ss. 7(2)-(4): each quarter compares the CPI of its first adjustment quarter with the reference,
 * which is the second adjustment quarter unless a fall in the CPI deemed an earlier one (s. 7(4)(b));
 * either way the reference is the highest first-adjustment-quarter average since the last increase.
 * Returns undefined when a month's CPI is not on file.
 */
export function oasQuarterRatios(
  referenceTenths: number,
  lastQuarter: string,
  targetQuarter: string,
  cpiTenths: (month: string) => number | undefined,
): number[] | undefined {
  const ratios: number[] = [];
  let reference = referenceTenths;
  for (let q = addMonths(lastQuarter, 3); q <= targetQuarter; q = addMonths(q, 3)) {
    const first = quarterAverage(firstAdjustmentQuarter(q), cpiTenths);
    if (first === undefined) return undefined;
    // s. 7(3)-(4): no decrease, and no adjustment while the CPI is not above the reference.
    ratios.push(first > reference ? oasRatioThousandths(first, reference) : 1000);
    reference = Math.max(reference, first);
  }
  return ratios;
}

export function quarterAverage(
  months: readonly string[],
  cpiTenths: (month: string) => number | undefined,
): number | undefined {
  const values = months.map(cpiTenths);
  if (values.some((v) => v === undefined)) return undefined;
  return cpiQuarterAverageTenths(values as number[]);
}

/**
 * Income Tax Act s. 117.1(1): an amount indexed each year by the year's factor (CRA publishes it to
 * the thousandth: 1.020 for 2026), chained from the amount written in the Act, the unrounded amount of
 * one year being the base of the next; the result is rounded to the dollar, half up, as CRA publishes
 * it. `factorsThousandths` are the factors of each year after the Act's amount, in order.
 */
export function itaIndexedDollars(statutoryDollars: number, factorsThousandths: readonly number[]): number {
  let numerator = BigInt(statutoryDollars);
  let denominator = 1n;
  for (const factor of factorsThousandths) {
    numerator *= BigInt(factor);
    denominator *= 1000n;
  }
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
