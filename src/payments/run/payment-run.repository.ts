import { sql } from 'kysely';
import { prepareQuery } from '../../platform/db/prepared.ts';
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

/**
 * Inserts what is not there yet, one statement for the whole batch (a column per array, as the audit log
 * does); returns how many were inserted and their total (a replay inserts nothing). `UNIQUE (enrolment_id,
 * period, kind)` keeps each payment once whatever is replayed.
 */
/**
 * The regular payments on file for these enrolments from `fromPeriod` on, as `enrolment|period` keys: in a month
 * like any other, eleven of the twelve months a run's arrears window looks at were paid already. Planning skips
 * them rather than sending them to be refused by the unique key, which stays the guarantee (a payment exists
 * once by construction). A cancelled payment keeps its key (migration 0995), so it is on file here too.
 */
export async function regularPeriodsOnFile(
  db: DbExecutor,
  enrolmentIds: readonly string[],
  fromPeriod: string,
): Promise<Set<string>> {
  if (enrolmentIds.length === 0) return new Set();
  const rows = await periodsOnFile.execute(db, enrolmentIds, fromPeriod);
  return new Set(rows.map((row) => `${row.enrolment_id}|${row.period}`));
}

const periodsOnFile = prepareQuery(
  'payments.run.periods-on-file',
  (_q, enrolmentIds: readonly string[], fromPeriod: string) =>
    sql<{ enrolment_id: string; period: string }>`SELECT enrolment_id, period FROM payment
      WHERE enrolment_id = ANY(${enrolmentIds}::text[]) AND kind = 'regular' AND period >= ${fromPeriod}`,
);

export async function insertPayments(
  db: DbExecutor,
  payments: readonly NewRegularPayment[],
): Promise<{ count: number; cents: number }> {
  if (payments.length === 0) return { count: 0, cents: 0 };
  const column = <K extends keyof NewRegularPayment>(key: K) => payments.map((p) => p[key]);
  const [row] = await insertRegularPayments.execute(
    db,
    column('id'),
    column('reference'),
    column('run_id'),
    column('enrolment_id'),
    column('person_id'),
    column('programme_id'),
    column('period'),
    column('amount_cents'),
    column('arrears'),
    column('decision_id'),
    column('pay_date'),
  );
  return { count: Number(row?.count ?? 0), cents: Number(row?.cents ?? 0) };
}

/** A regular payment as a run prepares it: pending, no payee until release. */
export interface NewRegularPayment {
  readonly id: string;
  readonly reference: string;
  readonly run_id: string;
  readonly enrolment_id: string;
  readonly person_id: string;
  readonly programme_id: string;
  readonly period: string;
  readonly amount_cents: number;
  readonly arrears: boolean;
  readonly decision_id: string;
  readonly pay_date: string;
}

const insertRegularPayments = prepareQuery(
  'payments.run.insert',
  (
    _q,
    id: readonly string[],
    reference: readonly string[],
    runId: readonly string[],
    enrolmentId: readonly string[],
    personId: readonly string[],
    programmeId: readonly string[],
    period: readonly string[],
    amountCents: readonly number[],
    arrears: readonly boolean[],
    decisionId: readonly string[],
    payDate: readonly string[],
  ) => sql<{ count: string; cents: string | null }>`WITH inserted AS (
      INSERT INTO payment (id, reference, run_id, enrolment_id, person_id, programme_id, period, kind,
        amount_cents, arrears, decision_id, pay_date)
      SELECT p.id, p.reference, p.run_id, p.enrolment_id, p.person_id, p.programme_id, p.period, 'regular',
        p.amount_cents, p.arrears, p.decision_id, p.pay_date
      FROM unnest(${id}::uuid[], ${reference}::text[], ${runId}::uuid[], ${enrolmentId}::text[],
        ${personId}::text[], ${programmeId}::text[], ${period}::text[], ${amountCents}::bigint[],
        ${arrears}::boolean[], ${decisionId}::text[], ${payDate}::date[])
        AS p(id, reference, run_id, enrolment_id, person_id, programme_id, period, amount_cents, arrears,
          decision_id, pay_date)
      ON CONFLICT (enrolment_id, period, kind) WHERE kind <> 'reissue' DO NOTHING
      RETURNING amount_cents)
    SELECT count(*)::text AS count, sum(amount_cents)::text AS cents FROM inserted`,
);

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
