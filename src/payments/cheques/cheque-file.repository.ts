import type { Insertable, Selectable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentChequeFileTable } from '../returns/returns.tables.ts';
import { SENT } from '../sent-payments.repository.ts';

export type ChequeFileRow = Selectable<PaymentChequeFileTable>;

export function chequePaymentsPage(db: DbExecutor, runId: string, after: string, limit: number) {
  return db
    .selectFrom('payment')
    .select(['reference', 'amount_cents', 'pay_date', 'programme_id', 'person_id'])
    .where('run_id', '=', runId)
    .where('status', 'in', SENT)
    .where('method', '=', 'cheque')
    .where('reference', '>', after)
    .orderBy('reference')
    .limit(limit)
    .execute();
}

export function findChequeFile(db: DbExecutor, runId: string): Promise<ChequeFileRow | undefined> {
  return db.selectFrom('payment_cheque_file').selectAll().where('run_id', '=', runId).executeTakeFirst();
}

/** The number after the last one any print file used; null before the first file. */
export async function nextChequeNumber(db: DbExecutor): Promise<number | null> {
  const row = await db
    .selectFrom('payment_cheque_file')
    .select((eb) => eb.fn.max(eb('first_cheque_number', '+', eb.ref('cheque_count'))).as('next'))
    .executeTakeFirst();
  return row?.next == null ? null : Number(row.next);
}

/** Inserts the run's print file record; false when another took the run or the numbers first. */
export async function insertChequeFile(
  db: DbExecutor,
  file: Insertable<PaymentChequeFileTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_cheque_file')
    .values(file)
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
