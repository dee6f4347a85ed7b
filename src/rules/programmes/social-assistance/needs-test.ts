import { amountResult, cannotTellResult, notEligibleResult } from '../../core/result.ts';
import type { Citation, EvaluationContext, ProgrammeResult } from '../../core/types.ts';
import { multiplyRate } from '../../core/money.ts';

/** Pieces shared by the four needs tests: budget minus non-exempt income, monthly, in cents. */

export interface Common {
  readonly programme: string;
  readonly citations: readonly Citation[];
}

/** Earnings counted after a flat exemption and a share of the rest exempt (half-up to the cent). */
export function earningsCounted(earnings: number, flat: number, exemptShare: number): number {
  const rest = Math.max(0, earnings - flat);
  return rest - multiplyRate(rest, exemptShare, 'half-up');
}

/**
 * Row of a table keyed by benefit unit size whose top row also covers larger units ("6 or more"):
 * the exact row for smaller units, the top row for the others; undefined when that row is not on file
 * (a table dated with only some sizes must not lend a smaller unit's row to a larger one).
 */
export function rowForSizeOrMore(
  table: Readonly<Record<string, number>>,
  size: number,
  topSize: number,
): number | undefined {
  return table[String(Math.min(size, topSize))];
}

export function monthlyResult(
  common: Common,
  reasons: readonly string[],
  monthlyCents: number,
  ctx: EvaluationContext,
): ProgrammeResult {
  const all = monthlyCents > 0 ? reasons : [...reasons, 'social-assistance.income-above-needs'];
  return amountResult(
    { ...common, reasons: all },
    { annualCents: monthlyCents * 12, periodCents: monthlyCents, period: 'month' },
    ctx,
  );
}

export function notEligible(
  common: Common,
  reasons: readonly string[],
  ctx: EvaluationContext,
): ProgrammeResult {
  return notEligibleResult({ ...common, reasons }, ctx);
}

export function cannotTell(
  common: Common,
  reasons: readonly string[],
  missing: readonly string[],
  ctx: EvaluationContext,
): ProgrammeResult {
  return cannotTellResult({ ...common, reasons }, missing, ctx);
}
