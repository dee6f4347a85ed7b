import type { DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentStatus } from '../payments.tables.ts';

export interface PendingPayment {
  readonly id: string;
  readonly person_id: string;
}

export function pendingPaymentsOf(db: DbExecutor, runId: string, limit: number): Promise<PendingPayment[]> {
  return db
    .selectFrom('payment')
    .select(['id', 'person_id'])
    .where('run_id', '=', runId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function settlePayment(
  db: DbExecutor,
  paymentId: string,
  values: {
    status: PaymentStatus;
    method: 'deposit' | 'cheque';
    review_reason: string | null;
    payee_ciphertext: string;
    account_last3: string | null;
  },
  at: Date,
): Promise<void> {
  await db
    .updateTable('payment')
    .set({ ...values, updated_at: at })
    .where('id', '=', paymentId)
    .execute();
}

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
