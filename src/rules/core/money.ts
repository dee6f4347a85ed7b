/** Integer-cents arithmetic. Every rounding in the rules goes through here, named by its mode. */

export type RoundingMode = 'half-up' | 'floor' | 'ceil';

const RATE_SCALE = 1_000_000;

/** Integer division of n by d (d > 0) with the given rounding. */
export function divideRounded(n: number, d: number, mode: RoundingMode): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  if (r === 0 || mode === 'floor') return q;
  if (mode === 'ceil') return q + 1;
  return 2 * r >= d ? q + 1 : q;
}

/**
 * cents × rate, computed exactly on a rate expressed in millionths (all published rates have at most
 * six decimals), then rounded. Avoids binary floating-point error at half-cent boundaries.
 */
export function multiplyRate(cents: number, rate: number, mode: RoundingMode): number {
  const scaled = Math.round(rate * RATE_SCALE);
  return divideRounded(cents * scaled, RATE_SCALE, mode);
}

/** max(0, a − b). */
export function excess(a: number, b: number): number {
  return a > b ? a - b : 0;
}

export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}
