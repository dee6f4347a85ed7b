import { randomBytes } from 'node:crypto';
import type { RunRow } from './payment-run.repository.ts';
import type { RunKind, RunStatus } from '../payments.tables.ts';
import type { EntitlementRow } from './run-ports.ts';

/** A run as pages, the command line and other modules see it. */
export interface RunSummary {
  readonly id: string;
  readonly programmeId: string;
  readonly kind: RunKind;
  readonly period: string;
  readonly payDate: string;
  readonly status: RunStatus;
  readonly enrolmentsTotal: number;
  readonly enrolmentsDone: number;
  readonly resumeAfter: string | null;
  readonly paymentCount: number;
  readonly totalCents: number;
  readonly preparedBy: string | null;
  readonly approvedBy: string | null;
  readonly releasedBy: string | null;
  readonly createdAt: Date;
}

export function isoDay(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function runSummaryOf(row: RunRow): RunSummary {
  return {
    id: row.id,
    programmeId: row.programme_id,
    kind: row.kind,
    period: row.period,
    payDate: isoDay(row.pay_date),
    status: row.status,
    enrolmentsTotal: row.enrolments_total,
    enrolmentsDone: row.enrolments_done,
    resumeAfter: row.resume_after,
    paymentCount: row.payment_count,
    totalCents: Number(row.total_cents),
    preparedBy: row.prepared_by,
    approvedBy: row.approved_by,
    releasedBy: row.released_by,
    createdAt: row.created_at,
  };
}

/** How far preparation has gone, 0 to 100 (a run with nothing to pay is done). */
export function percentDone(run: RunSummary): number {
  if (run.status !== 'preparing') return 100;
  if (run.enrolmentsTotal === 0) return 0;
  return Math.min(100, Math.floor((run.enrolmentsDone / run.enrolmentsTotal) * 100));
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A payment reference for the bank files: 'G' and 16 characters, 80 random bits (CPA 005 allows 19). */
export function newReference(): string {
  const bytes = randomBytes(16);
  let reference = 'G';
  for (const byte of bytes) reference += ALPHABET[byte % ALPHABET.length];
  return reference;
}

/** `count` references at once, from one read of the random source (a run makes thousands per batch). */
export function newReferences(count: number): string[] {
  const bytes = randomBytes(16 * count);
  const references: string[] = [];
  for (let n = 0; n < count; n += 1) {
    let reference = 'G';
    for (let i = 16 * n; i < 16 * (n + 1); i += 1) reference += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
    references.push(reference);
  }
  return references;
}

/** Groups a stream ordered by enrolment into one array per enrolment. */
export async function* enrolmentGroups(
  rows: AsyncIterable<EntitlementRow>,
): AsyncGenerator<EntitlementRow[]> {
  let group: EntitlementRow[] = [];
  for await (const row of rows) {
    const current = group[0];
    if (current && current.enrolmentId !== row.enrolmentId) {
      yield group;
      group = [];
    }
    group.push(row);
  }
  if (group.length > 0) yield group;
}
