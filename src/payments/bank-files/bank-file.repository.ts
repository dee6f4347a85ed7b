import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { BankFileFormat, PaymentFileTable } from '../payments.tables.ts';
import { SENT } from '../sent-payments.repository.ts';

export type FileRow = Selectable<PaymentFileTable>;

export interface SentPayment {
  readonly reference: string;
  readonly amount_cents: string | number;
  readonly pay_date: Date | string;
  readonly programme_id: string;
  readonly payee_ciphertext: string | null;
}

export function sentPaymentsPage(
  db: DbExecutor,
  runId: string,
  after: string,
  limit: number,
): Promise<SentPayment[]> {
  return db
    .selectFrom('payment')
    .select(['reference', 'amount_cents', 'pay_date', 'programme_id', 'payee_ciphertext'])
    .where('run_id', '=', runId)
    .where('status', 'in', SENT)
    .where('method', '=', 'deposit')
    .where('reference', '>', after)
    .orderBy('reference')
    .limit(limit)
    .execute();
}

export function findFile(
  db: DbExecutor,
  runId: string,
  format: BankFileFormat,
): Promise<FileRow | undefined> {
  return db
    .selectFrom('payment_file')
    .selectAll()
    .where('run_id', '=', runId)
    .where('format', '=', format)
    .executeTakeFirst();
}

export function filesOf(db: DbExecutor, runId: string): Promise<FileRow[]> {
  return db.selectFrom('payment_file').selectAll().where('run_id', '=', runId).orderBy('format').execute();
}

export async function lastCreationNumber(
  db: DbExecutor,
  originatorId: string,
  format: BankFileFormat,
): Promise<number> {
  const row = await db
    .selectFrom('payment_file')
    .select('file_creation_number')
    .where('originator_id', '=', originatorId)
    .where('format', '=', format)
    .orderBy('created_at', 'desc')
    .orderBy('file_creation_number', 'desc')
    .executeTakeFirst();
  return row?.file_creation_number ?? 0;
}

/** Inserts the file's record; false when its creation number was taken (the caller picks the next). */
export async function insertFile(db: DbExecutor, file: Omit<FileRow, 'created_at'>): Promise<boolean> {
  const inserted = await db
    .insertInto('payment_file')
    .values({ ...file, total_cents: Number(file.total_cents) })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
