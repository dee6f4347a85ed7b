import { sql } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentRunTable, PaymentTable, RunStatus } from '../payments.tables.ts';

export type RunRow = Selectable<PaymentRunTable>;
export type NewPayment = Insertable<PaymentTable>;

/** Inserts the run unless a live regular run holds its programme and month; true when inserted. */
export async function insertRun(db: DbExecutor, run: Insertable<PaymentRunTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_run')
    .values(run)
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findLiveRegularRun(
  db: DbExecutor,
  programmeId: string,
  period: string,
): Promise<RunRow | undefined> {
  return db
    .selectFrom('payment_run')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('period', '=', period)
    .where('kind', '=', 'regular')
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

export function findRun(db: DbExecutor, runId: string): Promise<RunRow | undefined> {
  return db.selectFrom('payment_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** Locks the run row for a transition (release, approval), so two staff cannot both act on it. */
export function lockRun(db: DbExecutor, runId: string): Promise<RunRow | undefined> {
  return db.selectFrom('payment_run').selectAll().where('id', '=', runId).forUpdate().executeTakeFirst();
}

export function listRuns(db: DbExecutor, limit: number): Promise<RunRow[]> {
  return db.selectFrom('payment_run').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

export function findRunsInStatus(db: DbExecutor, status: RunStatus): Promise<RunRow[]> {
  return db.selectFrom('payment_run').selectAll().where('status', '=', status).execute();
}

export async function setEnrolmentsTotal(db: DbExecutor, runId: string, total: number): Promise<void> {
  await db.updateTable('payment_run').set({ enrolments_total: total }).where('id', '=', runId).execute();
}

/** Inserts what is not there yet; returns the amounts of those inserted (a replay inserts nothing). */
export async function insertPayments(db: DbExecutor, payments: readonly NewPayment[]): Promise<number[]> {
  if (payments.length === 0) return [];
  const inserted = await db
    .insertInto('payment')
    .values([...payments])
    .onConflict((conflict) => conflict.columns(['enrolment_id', 'period', 'kind']).doNothing())
    .returning('amount_cents')
    .execute();
  return inserted.map((row) => Number(row.amount_cents));
}

/** Records a committed batch: in the batch's transaction, so the cursor and the payments commit together. */
export async function advanceRun(
  db: DbExecutor,
  runId: string,
  step: { resumeAfter: string; enrolments: number; payments: number; cents: number },
): Promise<void> {
  await db
    .updateTable('payment_run')
    .set((eb) => ({
      resume_after: step.resumeAfter,
      enrolments_done: eb('enrolments_done', '+', step.enrolments),
      payment_count: eb('payment_count', '+', step.payments),
      total_cents: sql<number>`total_cents + ${step.cents}`,
    }))
    .where('id', '=', runId)
    .where('status', '=', 'preparing')
    .execute();
}

export async function runTotals(db: DbExecutor, runId: string): Promise<{ count: number; cents: number }> {
  const row = await db
    .selectFrom('payment')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum<string | number | null>('amount_cents').as('cents'),
    ])
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), cents: Number(row.cents ?? 0) };
}

/** Closes preparation with the totals read back from the payments themselves. */
export async function markPrepared(db: DbExecutor, runId: string, at: Date): Promise<void> {
  const totals = await runTotals(db, runId);
  await db
    .updateTable('payment_run')
    .set({ status: 'prepared', prepared_at: at, payment_count: totals.count, total_cents: totals.cents })
    .where('id', '=', runId)
    .where('status', '=', 'preparing')
    .execute();
}
