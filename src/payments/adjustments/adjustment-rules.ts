import { createHash } from 'node:crypto';
import { monthOf, paymentsDue } from '../run/due-payments.ts';
import type { EntitlementRow } from '../run/run-ports.ts';

/**
 * Overpayments and underpayments, pure: what one enrolment was paid for each period against what its
 * schedule says is due now (the same rule as the run: the amount in force on the period's first day, nothing
 * after the month of death), less what earlier adjustments already settled for that period.
 */
export interface AdjustmentLine {
  readonly period: string;
  /** Gross cents paid for the period (before any recovery was taken from them). */
  readonly paidCents: number;
  readonly dueCents: number;
  /** What is still owed for the period: due − paid − earlier adjustments; positive to the person. */
  readonly differenceCents: number;
}

export interface AdjustmentFound {
  readonly lines: readonly AdjustmentLine[];
  readonly netCents: number;
  readonly decisionId: string;
  /** A fingerprint of the lines: the same difference found twice is recorded once. */
  readonly basis: string;
}

export interface EnrolmentHistory {
  /** The enrolment's schedule, every row, as the run streams it. */
  readonly rows: readonly EntitlementRow[];
  /** Gross cents paid by period (regular and reissued payments, not cancelled). */
  readonly paid: ReadonlyMap<string, number>;
  /** Cents already settled by earlier adjustments, by period. */
  readonly adjusted: ReadonlyMap<string, number>;
  readonly dateOfDeath: string | null;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The difference for one enrolment up to the run's month, or null when what was paid is what is due. */
export function findAdjustment(history: EnrolmentHistory, runPeriod: string): AdjustmentFound | null {
  const periods = [...new Set([...history.paid.keys(), ...history.adjusted.keys()])]
    .filter((period) => monthOf(period) <= runPeriod)
    .sort();
  const first = periods[0];
  const latest = history.rows.at(-1);
  if (first === undefined || !latest) return null;
  const window = { period: runPeriod, arrearsMonths: Math.max(0, monthsBetween(monthOf(first), runPeriod)) };
  const due = new Map(
    paymentsDue(history.rows, window, history.dateOfDeath).map((d) => [d.period, d.amountCents]),
  );
  // A month due but with no payment left standing (its run was cancelled before release) is owed too.
  const owed = [...new Set([...periods, ...due.keys()])]
    .filter((period) => monthOf(period) <= runPeriod)
    .sort();
  const lines: AdjustmentLine[] = [];
  for (const period of owed) {
    const paidCents = history.paid.get(period) ?? 0;
    const dueCents = due.get(period) ?? 0;
    const differenceCents = dueCents - paidCents - (history.adjusted.get(period) ?? 0);
    if (differenceCents !== 0) lines.push({ period, paidCents, dueCents, differenceCents });
  }
  if (lines.length === 0) return null;
  const netCents = lines.reduce((sum, line) => sum + line.differenceCents, 0);
  if (netCents === 0) return null;
  const basis = createHash('sha256')
    .update(JSON.stringify([latest.decisionId, lines]))
    .digest('base64url')
    .slice(0, 32);
  return { lines, netCents, decisionId: latest.decisionId, basis };
}
