import type { DbExecutor } from '../platform/db/schema.ts';
import type { PaymentStatus } from './payments.tables.ts';

/** The statuses of payments that left with a run (to the bank or by mail): issued, and later returned or reissued. */
export const SENT: readonly PaymentStatus[] = ['issued', 'returned', 'reissued'];

/** How many payments of a run went out by this method, and their total in cents. */
export async function sentTotals(
  db: DbExecutor,
  runId: string,
  method: 'deposit' | 'cheque',
): Promise<{ count: number; cents: number }> {
  const row = await db
    .selectFrom('payment')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum<string | number | null>('amount_cents').as('cents'),
    ])
    .where('run_id', '=', runId)
    .where('status', 'in', SENT)
    .where('method', '=', method)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), cents: Number(row.cents ?? 0) };
}
