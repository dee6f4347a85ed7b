import type { Insertable, Selectable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { PaymentReturnTable } from '../payments.tables.ts';
import type { PaymentReturnLoadTable } from './returns.tables.ts';

export type LoadRow = Selectable<PaymentReturnLoadTable>;
export type NewReturn = Insertable<PaymentReturnTable>;

export async function insertLoad(db: DbExecutor, load: Insertable<PaymentReturnLoadTable>): Promise<void> {
  await db.insertInto('payment_return_load').values(load).execute();
}

export async function countLoad(
  db: DbExecutor,
  loadId: string,
  counts: { matched: number; held: number; duplicates: number },
): Promise<void> {
  await db.updateTable('payment_return_load').set(counts).where('id', '=', loadId).execute();
}

export function findLoad(db: DbExecutor, loadId: string): Promise<LoadRow | undefined> {
  return db.selectFrom('payment_return_load').selectAll().where('id', '=', loadId).executeTakeFirst();
}

export function recentLoads(db: DbExecutor, limit: number): Promise<LoadRow[]> {
  return db
    .selectFrom('payment_return_load')
    .selectAll()
    .orderBy('loaded_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The issued payment a return names, if any (by reference: the bank echoes it). */
export function paymentByReference(db: DbExecutor, reference: string) {
  return db
    .selectFrom('payment')
    .select(['id', 'person_id', 'programme_id', 'amount_cents', 'pay_date', 'status'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Inserts the return unless the same one was loaded before; true when inserted. */
export async function insertReturn(db: DbExecutor, row: NewReturn): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_return')
    .values(row)
    .onConflict((conflict) => conflict.columns(['reference', 'format', 'returned_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markReturned(db: DbExecutor, paymentId: string, at: Date): Promise<void> {
  await db
    .updateTable('payment')
    .set({ status: 'returned', updated_at: at })
    .where('id', '=', paymentId)
    .where('status', '=', 'issued')
    .execute();
}

const RETURN_COLUMNS = [
  'r.id',
  'r.reference',
  'r.amount_cents',
  'r.reason',
  'r.bank_reason_code',
  'r.returned_on',
  'r.status',
  'r.told_at',
  'r.closed_reason',
  'r.match_payment_id',
  'p.person_id',
  'p.programme_id',
  'p.period',
] as const;

export function returnsOfLoad(db: DbExecutor, loadId: string) {
  return db
    .selectFrom('payment_return as r')
    .leftJoin('payment as p', 'p.id', 'r.payment_id')
    .select(RETURN_COLUMNS)
    .where('r.load_id', '=', loadId)
    .orderBy('r.status')
    .orderBy('r.reference')
    .execute();
}

export function openReturns(db: DbExecutor, limit: number) {
  return db
    .selectFrom('payment_return as r')
    .leftJoin('payment as p', 'p.id', 'r.payment_id')
    .select(RETURN_COLUMNS)
    .where('r.status', 'in', ['matched', 'held'])
    .orderBy('r.loaded_at')
    .orderBy('r.reference')
    .limit(limit)
    .execute();
}

/** Matched returns whose person has not been sent the letter yet (a crash between load and letter). */
export function untoldReturns(db: DbExecutor, limit: number) {
  return db
    .selectFrom('payment_return as r')
    .innerJoin('payment as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.amount_cents', 'r.reason', 'p.person_id', 'p.programme_id', 'p.pay_date'])
    .where('r.status', 'in', ['matched', 'reissued'])
    .where('r.told_at', 'is', null)
    .orderBy('r.loaded_at')
    .limit(limit)
    .execute();
}

/** Matched returns (neither reissued nor closed) whose letter went out before `toldBefore`. */
export function toldReturnsWaiting(db: DbExecutor, toldBefore: Date, limit: number) {
  return db
    .selectFrom('payment_return as r')
    .innerJoin('payment as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.amount_cents', 'r.told_at', 'p.person_id', 'p.programme_id', 'p.pay_date'])
    .where('r.status', '=', 'matched')
    .where('r.told_at', '<', toldBefore)
    .orderBy('r.told_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

export async function markTold(db: DbExecutor, returnId: string, at: Date): Promise<void> {
  await db.updateTable('payment_return').set({ told_at: at }).where('id', '=', returnId).execute();
}

/** Closes a held return once an agent has settled it; false when it was not held. */
export async function closeReturn(
  db: DbExecutor,
  returnId: string,
  close: { staffId: string; reason: string; at: Date },
): Promise<boolean> {
  const closed = await db
    .updateTable('payment_return')
    .set({ status: 'closed', closed_by: close.staffId, closed_reason: close.reason, closed_at: close.at })
    .where('id', '=', returnId)
    .where('status', '=', 'held')
    .returning('id')
    .executeTakeFirst();
  return closed !== undefined;
}
