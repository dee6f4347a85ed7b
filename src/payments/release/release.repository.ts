import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { prepareQuery } from '../../platform/db/prepared.ts';
import type { DB, DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentStatus } from '../payments.tables.ts';

export interface PendingPayment {
  readonly id: string;
  readonly reference: string;
  readonly person_id: string;
}

/**
 * The run's pending payments after `after` in reference order, through the `(run_id, reference)` index: a
 * release walks the run once, and one resumed after a stop passes over what it already settled.
 */
export function pendingPaymentsPage(
  db: DbExecutor,
  runId: string,
  after: string,
  limit: number,
): Promise<PendingPayment[]> {
  return db
    .selectFrom('payment')
    .select(['id', 'reference', 'person_id'])
    .where('run_id', '=', runId)
    .where('reference', '>', after)
    .where('status', '=', 'pending')
    .orderBy('reference')
    .limit(limit)
    .execute();
}

/** What release makes of one payment (`settlement` in the service). */
export interface Settlement {
  readonly id: string;
  readonly status: Extract<PaymentStatus, 'issued' | 'review'>;
  readonly method: 'deposit' | 'cheque';
  readonly review_reason: string | null;
  readonly payee_ciphertext: string;
  readonly account_last3: string | null;
}

export interface SettledCounts {
  readonly issued: number;
  readonly review: number;
  readonly cheques: number;
}

/**
 * Settles a page of payments in one statement (a column per array), only those still pending: a page settled
 * twice, by a resumed or a second releaser, changes nothing the second time. Counts what it changed.
 */
export async function settlePayments(
  db: Kysely<DB>,
  settlements: readonly Settlement[],
  at: Date,
): Promise<SettledCounts> {
  if (settlements.length === 0) return { issued: 0, review: 0, cheques: 0 };
  const column = <K extends keyof Settlement>(key: K) => settlements.map((s) => s[key]);
  // The plan must look each payment up by its key. Planned for the page's own values, PostgreSQL trusts the
  // table's statistics, which were taken before the run's payments existed and so say no payment is 'pending':
  // it then scans the whole table and compares every pending payment with every settlement (19 s a page of 5,000
  // beside 220,000 paid ones, against 54 ms). The generic plan drives the update from the page through the
  // primary key whatever the statistics say (docs/benchmarks.md, "a month with the year's payments on file").
  const [row] = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(trx);
    return settlePage.execute(
      trx,
      column('id'),
      column('status'),
      column('method'),
      column('review_reason'),
      column('payee_ciphertext'),
      column('account_last3'),
      at,
    );
  });
  return {
    issued: Number(row?.issued ?? 0),
    review: Number(row?.review ?? 0),
    cheques: Number(row?.cheques ?? 0),
  };
}

const settlePage = prepareQuery(
  'payments.release.settle',
  (
    _q,
    id: readonly string[],
    status: readonly string[],
    method: readonly string[],
    reviewReason: readonly (string | null)[],
    payeeCiphertext: readonly string[],
    accountLast3: readonly (string | null)[],
    at: Date,
  ) => sql<{ issued: string; review: string; cheques: string }>`WITH settled AS (
      UPDATE payment SET status = s.status, method = s.method, review_reason = s.review_reason,
        payee_ciphertext = s.payee_ciphertext, account_last3 = s.account_last3, updated_at = ${at}::timestamptz
      FROM unnest(${id}::uuid[], ${status}::text[], ${method}::text[], ${reviewReason}::text[],
        ${payeeCiphertext}::text[], ${accountLast3}::text[])
        AS s(id, status, method, review_reason, payee_ciphertext, account_last3)
      WHERE payment.id = s.id AND payment.status = 'pending'
      RETURNING payment.status, payment.method)
    SELECT count(*) FILTER (WHERE status = 'review')::text AS review,
      count(*) FILTER (WHERE status <> 'review' AND method = 'cheque')::text AS cheques,
      count(*) FILTER (WHERE status <> 'review' AND method = 'deposit')::text AS issued
    FROM settled`,
);

export async function recordApproval(
  db: DbExecutor,
  runId: string,
  staffId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('payment_run')
    .set({ status: 'approved', approved_by: staffId, approved_at: at })
    .where('id', '=', runId)
    .execute();
}

export async function recordRelease(db: DbExecutor, runId: string, staffId: string, at: Date): Promise<void> {
  await db
    .updateTable('payment_run')
    .set({ status: 'releasing', released_by: staffId, released_at: at })
    .where('id', '=', runId)
    .execute();
}

/** Every payment settled: the run is released and its files can be made. */
export async function finishRelease(db: DbExecutor, runId: string): Promise<void> {
  await db
    .updateTable('payment_run')
    .set({ status: 'released' })
    .where('id', '=', runId)
    .where('status', '=', 'releasing')
    .execute();
}

export async function countByStatus(
  db: DbExecutor,
  runId: string,
): Promise<Record<string, { count: number; cents: number }>> {
  const rows = await db
    .selectFrom('payment')
    .select((eb) => [
      'status',
      eb.fn.countAll().as('count'),
      eb.fn.sum<string | number>('amount_cents').as('cents'),
    ])
    .where('run_id', '=', runId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(
    rows.map((row) => [row.status, { count: Number(row.count), cents: Number(row.cents) }]),
  );
}
