import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentTable } from '../payments.tables.ts';
import type {
  PaymentAdjustmentLineTable,
  PaymentAdjustmentTable,
  PaymentDebtTable,
} from './adjustments.tables.ts';
import './adjustments.tables.ts';

/** Gross cents paid per enrolment and period: regular and reissued payments, recoveries added back. */
export async function paidByPeriod(
  db: DbExecutor,
  enrolmentIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const byEnrolment = new Map<string, Map<string, number>>();
  if (enrolmentIds.length === 0) return byEnrolment;
  const rows = await db
    .selectFrom('payment as p')
    .select([
      'p.enrolment_id',
      'p.period',
      sql<string | number>`sum(p.amount_cents + coalesce((SELECT sum(r.recovered_cents)
        FROM payment_debt_recovery r WHERE r.payment_id = p.id), 0))`.as('cents'),
    ])
    .where('p.enrolment_id', 'in', [...enrolmentIds])
    .where('p.kind', 'in', ['regular', 'reissue'])
    // A returned payment stays counted until the returns process reissues or cancels it: it is owed once.
    .where('p.status', 'not in', ['cancelled', 'reissued'])
    .groupBy(['p.enrolment_id', 'p.period'])
    .execute();
  for (const row of rows) {
    const periods = byEnrolment.get(row.enrolment_id) ?? new Map<string, number>();
    periods.set(row.period, Number(row.cents));
    byEnrolment.set(row.enrolment_id, periods);
  }
  return byEnrolment;
}

/** Cents earlier adjustments settled, per enrolment and period. */
export async function adjustedByPeriod(
  db: DbExecutor,
  enrolmentIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const byEnrolment = new Map<string, Map<string, number>>();
  if (enrolmentIds.length === 0) return byEnrolment;
  const rows = await db
    .selectFrom('payment_adjustment_line as l')
    .innerJoin('payment_adjustment as a', 'a.id', 'l.adjustment_id')
    .select((eb) => [
      'a.enrolment_id',
      'l.period',
      eb.fn.sum<string | number>('l.difference_cents').as('cents'),
    ])
    .where('a.enrolment_id', 'in', [...enrolmentIds])
    .groupBy(['a.enrolment_id', 'l.period'])
    .execute();
  for (const row of rows) {
    const periods = byEnrolment.get(row.enrolment_id) ?? new Map<string, number>();
    periods.set(row.period, Number(row.cents));
    byEnrolment.set(row.enrolment_id, periods);
  }
  return byEnrolment;
}

/** Records an adjustment and its lines unless the same difference was recorded already; true when new. */
export async function insertAdjustment(
  db: DbExecutor,
  adjustment: Insertable<PaymentAdjustmentTable>,
  lines: readonly Insertable<PaymentAdjustmentLineTable>[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_adjustment')
    .values(adjustment)
    .onConflict((conflict) => conflict.columns(['enrolment_id', 'basis']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (lines.length > 0)
    await db
      .insertInto('payment_adjustment_line')
      .values([...lines])
      .execute();
  return true;
}

export async function insertDebt(db: DbExecutor, debt: Insertable<PaymentDebtTable>): Promise<void> {
  await db.insertInto('payment_debt').values(debt).execute();
}

/** What is left of one arrears adjustment to pay or set off. */
export interface ArrearsPart {
  readonly id: string;
  readonly cents: number;
}

/** Arrears found and neither paid nor wholly set off, summed per enrolment (oldest adjustment first). */
export async function unpaidArrears(
  db: DbExecutor,
  enrolmentIds: readonly string[],
): Promise<{ enrolment_id: string; ids: string[]; parts: ArrearsPart[]; cents: number }[]> {
  if (enrolmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('payment_adjustment')
    .select(['id', 'enrolment_id', 'net_cents', 'set_off_cents'])
    .where('enrolment_id', 'in', [...enrolmentIds])
    .where('outcome', '=', 'arrears')
    .where('payment_id', 'is', null)
    .whereRef('set_off_cents', '<', 'net_cents')
    .orderBy('enrolment_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byEnrolment = new Map<
    string,
    { enrolment_id: string; ids: string[]; parts: ArrearsPart[]; cents: number }
  >();
  for (const row of rows) {
    const entry = byEnrolment.get(row.enrolment_id) ?? {
      enrolment_id: row.enrolment_id,
      ids: [],
      parts: [],
      cents: 0,
    };
    const cents = Number(row.net_cents) - Number(row.set_off_cents);
    entry.ids.push(row.id);
    entry.parts.push({ id: row.id, cents });
    entry.cents += cents;
    byEnrolment.set(row.enrolment_id, entry);
  }
  return [...byEnrolment.values()];
}

/** Sets `cents` of arrears off against a debt in the run: its balance falls, with the rate and rule recorded. */
export async function setOff(
  db: DbExecutor,
  step: { debtId: string; runId: string; cents: number; basisPoints: number; reference: string },
): Promise<void> {
  await db
    .insertInto('payment_debt_set_off')
    .values({
      debt_id: step.debtId,
      run_id: step.runId,
      set_off_cents: step.cents,
      rate_basis_points: step.basisPoints,
      rule_reference: step.reference,
    })
    .execute();
  await db
    .updateTable('payment_debt')
    .set({ balance_cents: sql<number>`balance_cents - ${step.cents}` })
    .where('id', '=', step.debtId)
    .execute();
}

/** Records on the arrears adjustments, oldest first, the cents of them that were set off. */
export async function markSetOff(
  db: DbExecutor,
  parts: readonly ArrearsPart[],
  cents: number,
): Promise<void> {
  let left = cents;
  for (const part of parts) {
    const taken = Math.min(left, part.cents);
    if (taken <= 0) continue;
    await db
      .updateTable('payment_adjustment')
      .set({ set_off_cents: sql<number>`set_off_cents + ${taken}` })
      .where('id', '=', part.id)
      .execute();
    left -= taken;
  }
}

/** Records the run that paid or set off these arrears adjustments: cancelling it reopens them. */
export async function markSettled(
  db: DbExecutor,
  adjustmentIds: readonly string[],
  runId: string,
): Promise<void> {
  if (adjustmentIds.length === 0) return;
  await db
    .updateTable('payment_adjustment')
    .set({ settled_run_id: runId })
    .where('id', 'in', [...adjustmentIds])
    .execute();
}

/** Inserts the arrears payment unless the enrolment has one for this month already; true when inserted. */
export async function insertArrearsPayment(
  db: DbExecutor,
  payment: Insertable<PaymentTable>,
  adjustmentIds: readonly string[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('payment')
    .values(payment)
    // The index `payment_once` is partial (migration 0995): its predicate names it as the arbiter.
    .onConflict((conflict) =>
      conflict
        .columns(['enrolment_id', 'period', 'kind'])
        .where('kind', '<>', sql.lit('reissue'))
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('payment_adjustment')
    .set({ payment_id: payment.id })
    .where('id', 'in', [...adjustmentIds])
    .execute();
  return true;
}

/** Open debts of these enrolments raised before this run, oldest first (a person is told before recovery). */
export function openDebts(db: DbExecutor, enrolmentIds: readonly string[], runId: string) {
  return db
    .selectFrom('payment_debt')
    .select(['id', 'enrolment_id', 'balance_cents', 'rate_basis_points'])
    .where('enrolment_id', 'in', [...enrolmentIds])
    .where('balance_cents', '>', 0)
    .where('run_id', '<>', runId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** This run's regular and reissued payments of these enrolments that no recovery has touched yet. */
export function untouchedPayments(db: DbExecutor, runId: string, enrolmentIds: readonly string[]) {
  return (
    db
      .selectFrom('payment as p')
      .select(['p.id', 'p.enrolment_id', 'p.amount_cents'])
      .where('p.run_id', '=', runId)
      .where('p.enrolment_id', 'in', [...enrolmentIds])
      // Arrears give to debts by set-off, at their own rate, before they are paid (arrears-set-off.yaml).
      .where('p.kind', '<>', 'arrears')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('payment_debt_recovery as r')
              .select('r.debt_id')
              .whereRef('r.payment_id', '=', 'p.id'),
          ),
        ),
      )
      .orderBy('p.enrolment_id')
      .orderBy('p.period')
      .execute()
  );
}

/** Takes `cents` from a payment towards a debt, in the batch's transaction. */
export async function recover(
  db: DbExecutor,
  step: { debtId: string; paymentId: string; cents: number },
): Promise<void> {
  await db
    .insertInto('payment_debt_recovery')
    .values({ debt_id: step.debtId, payment_id: step.paymentId, recovered_cents: step.cents })
    .execute();
  await db
    .updateTable('payment')
    .set({ amount_cents: sql<number>`amount_cents - ${step.cents}`, updated_at: new Date() })
    .where('id', '=', step.paymentId)
    .execute();
  await db
    .updateTable('payment_debt')
    .set({ balance_cents: sql<number>`balance_cents - ${step.cents}` })
    .where('id', '=', step.debtId)
    .execute();
}
