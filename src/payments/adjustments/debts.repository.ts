import type { DbExecutor } from '../../platform/db/schema.ts';
import './adjustments.tables.ts';

export function debtsOfPerson(db: DbExecutor, personId: string) {
  return db
    .selectFrom('payment_debt')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

/** Debts whose letter is still to send; one asked of the estate before it was told is told by that letter. */
export function debtsUntold(db: DbExecutor, limit: number) {
  return db
    .selectFrom('payment_debt')
    .selectAll()
    .where('letter_sent_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('payment_debt_estate_conversion as c')
            .select('c.debt_id')
            .whereRef('c.debt_id', '=', 'payment_debt.id'),
        ),
      ),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Debts asked of an estate after their debtor died (migration 0990) whose estate is still to be told. */
export function conversionsUntold(db: DbExecutor, limit: number) {
  return db
    .selectFrom('payment_debt_estate_conversion')
    .select(['debt_id', 'recovered_cents', 'balance_cents', 'created_at'])
    .where('letter_sent_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function markConversionTold(db: DbExecutor, debtId: string, at: Date): Promise<void> {
  await db
    .updateTable('payment_debt_estate_conversion')
    .set({ letter_sent_at: at })
    .where('debt_id', '=', debtId)
    .execute();
}

export function findDebt(db: DbExecutor, debtId: string) {
  return db.selectFrom('payment_debt').selectAll().where('id', '=', debtId).executeTakeFirst();
}

export async function markTold(db: DbExecutor, debtId: string, at: Date): Promise<void> {
  await db.updateTable('payment_debt').set({ letter_sent_at: at }).where('id', '=', debtId).execute();
}

export async function linesOf(db: DbExecutor, adjustmentIds: readonly string[]) {
  const byAdjustment = new Map<
    string,
    {
      period: string;
      paid_cents: string | number;
      due_cents: string | number;
      difference_cents: string | number;
    }[]
  >();
  if (adjustmentIds.length === 0) return byAdjustment;
  const rows = await db
    .selectFrom('payment_adjustment_line')
    .selectAll()
    .where('adjustment_id', 'in', [...adjustmentIds])
    .orderBy('period')
    .execute();
  for (const row of rows) {
    const list = byAdjustment.get(row.adjustment_id) ?? [];
    list.push(row);
    byAdjustment.set(row.adjustment_id, list);
  }
  return byAdjustment;
}

/** Cents recovered from each of these payments, for the gross amount on statements and slips. */
export async function recoveredFrom(
  db: DbExecutor,
  paymentIds: readonly string[],
): Promise<Map<string, number>> {
  const recovered = new Map<string, number>();
  if (paymentIds.length === 0) return recovered;
  const rows = await db
    .selectFrom('payment_debt_recovery')
    .select((eb) => ['payment_id', eb.fn.sum<string | number>('recovered_cents').as('cents')])
    .where('payment_id', 'in', [...paymentIds])
    .groupBy('payment_id')
    .execute();
  for (const row of rows) recovered.set(row.payment_id, Number(row.cents));
  return recovered;
}
