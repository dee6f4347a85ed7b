import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { decidedCases } from './decisions.repository.ts';

export const OUTCOME_DIMENSIONS = ['programme', 'channel', 'province', 'ageBand', 'language'] as const;
export type OutcomeDimension = (typeof OUTCOME_DIMENSIONS)[number];

export interface OutcomeGroup {
  readonly group: string;
  readonly decided: number;
  readonly approved: number;
  /** Approved ÷ decided, 0..1. */
  readonly approvalRate: number;
  /** Calendar days from submission to decision, less the days the clock was stopped. */
  readonly medianDays: number;
  readonly p90Days: number;
}

export type OutcomeReport = Readonly<Record<OutcomeDimension, readonly OutcomeGroup[]>>;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/**
 * Outcomes monitoring (Directive on Automated Decision-Making s. 6.3.2, 6.3.3): approval rates and processing
 * times by programme, channel, province, age band and language, from coarse groups only.
 */
export async function outcomeReport(db: Kysely<DB>, since: Date): Promise<OutcomeReport> {
  const rows = await decidedCases(db, since);
  const keyOf: Record<OutcomeDimension, (row: (typeof rows)[number]) => string> = {
    programme: (r) => r.programme_id,
    channel: (r) => r.channel,
    province: (r) => r.province ?? 'unknown',
    ageBand: (r) => r.age_band,
    language: (r) => r.lang,
  };
  const report = {} as Record<OutcomeDimension, OutcomeGroup[]>;
  for (const dimension of OUTCOME_DIMENSIONS) {
    const groups = new Map<string, { decided: number; approved: number; days: number[] }>();
    for (const row of rows) {
      const key = keyOf[dimension](row);
      const group = groups.get(key) ?? { decided: 0, approved: 0, days: [] };
      group.decided += 1;
      if (row.outcome === 'approved') group.approved += 1;
      const seconds =
        ((row.decided_at?.getTime() ?? row.submitted_at.getTime()) - row.submitted_at.getTime()) / 1000 -
        Number(row.paused_seconds);
      group.days.push(Math.max(0, seconds / 86_400));
      groups.set(key, group);
    }
    report[dimension] = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, g]) => {
        const sorted = [...g.days].sort((a, b) => a - b);
        return {
          group,
          decided: g.decided,
          approved: g.approved,
          approvalRate: g.decided === 0 ? 0 : g.approved / g.decided,
          medianDays: Math.round(percentile(sorted, 0.5) * 10) / 10,
          p90Days: Math.round(percentile(sorted, 0.9) * 10) / 10,
        };
      });
  }
  return report;
}
