import { multiplyRate } from '../../core/money.ts';
import type { EarningsYear } from './cpp-earnings.ts';

export interface PensionComponents {
  readonly baseCents: number;
  readonly firstAdditionalCents: number;
  readonly secondAdditionalCents: number;
}

export interface ReplacementRates {
  readonly base: number;
  readonly firstAdditional: number;
  readonly secondAdditional: number;
}

/**
 * CPP s. 46(1): 25 % of average monthly pensionable earnings + 8.33 % of average monthly first
 * additional + 33.33 % of average monthly second additional pensionable earnings. The additional
 * earnings are averaged over 480 months (ss. 48.1–48.2); with at most a few years of enhancement
 * on record, every year counts. Each component is rounded to the cent, half up: this reproduces the
 * published maxima at 65 for January 2024 ($1,364.60) and January 2025 ($1,433.00), which a single
 * rounding of the sum does not ($1,433.01).
 */
export function pensionComponents(
  averageMonthlyCents: number,
  years: readonly EarningsYear[],
  rates: ReplacementRates,
  additionalMonths: number,
): PensionComponents {
  let first = 0;
  let second = 0;
  for (const y of years) {
    first += y.firstAdditional;
    second += y.secondAdditional;
  }
  return {
    baseCents: Math.round(rates.base * averageMonthlyCents),
    firstAdditionalCents: Math.round((rates.firstAdditional * first) / additionalMonths),
    secondAdditionalCents: Math.round((rates.secondAdditional * second) / additionalMonths),
  };
}

export function unadjustedCents(c: PensionComponents): number {
  return c.baseCents + c.firstAdditionalCents + c.secondAdditionalCents;
}

/**
 * CPP Regulations ss. 78.3–78.4: −0.6 % a month before the month after 65, +0.7 % a month after it
 * (no months after 70 count). Applied to the whole pension and rounded to the cent, half up.
 */
export function adjustForAge(
  cents: number,
  monthsFromNormal: number,
  perMonth: { reduction: number; increase: number },
): number {
  const rate = monthsFromNormal < 0 ? perMonth.reduction : perMonth.increase;
  const factor = 1 + Math.round(monthsFromNormal * rate * 1_000_000) / 1_000_000;
  return multiplyRate(cents, factor, 'half-up');
}
