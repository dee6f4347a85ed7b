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

/** 2020-01-01T00:00:00Z: eight base-34 digits of milliseconds from it last until August 2076. */
const EPOCH_MS = Date.UTC(2020, 0, 1);
const TIME_DIGITS = 8;
const RANDOM_DIGITS = 8;

/** The time as eight base-34 digits, so that a later batch's references sort after an earlier one's. */
function timeDigits(now: number): string {
  let rest = Math.max(0, now - EPOCH_MS);
  let digits = '';
  for (let i = 0; i < TIME_DIGITS; i += 1) {
    digits = (ALPHABET[rest % ALPHABET.length] ?? '0') + digits;
    rest = Math.floor(rest / ALPHABET.length);
  }
  return digits;
}

/**
 * `count` references for one batch of a run: 'G', the time in eight digits, then eight random ones (40 bits), the
 * same 17 characters as `newReference`. A run writes millions of references into two unique indexes
 * (`payment_reference_key`, `payment_run_order`); random references land on random pages, which at 13 million rows
 * no longer fit in memory (docs/benchmarks.md, "what 13 million rows cost PostgreSQL alone": 649 s against 241 s
 * for 8 million rows). A batch's references share their time digits and are unique among themselves by
 * construction; two batches planned in the same millisecond are kept apart only by their random digits and the
 * unique index.
 */
export function newReferences(count: number, now: number = Date.now()): string[] {
  const prefix = `G${timeDigits(now)}`;
  const made = new Set<string>();
  while (made.size < count) {
    const bytes = randomBytes(RANDOM_DIGITS * (count - made.size));
    for (let n = 0; n < bytes.length; n += RANDOM_DIGITS) {
      let reference = prefix;
      for (let i = n; i < n + RANDOM_DIGITS; i += 1) reference += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
      made.add(reference);
    }
  }
  return [...made];
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
