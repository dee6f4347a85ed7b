import type { DbExecutor } from '../../platform/db/schema.ts';
import '../payments.tables.ts';

/** Payments of the run added to pay a returned payment again (kind `reissue`). */
export async function countReissues(db: DbExecutor, runId: string): Promise<number> {
  const row = await db
    .selectFrom('payment')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('run_id', '=', runId)
    .where('kind', '=', 'reissue')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every payment of the run not yet sent is cancelled; their amounts stay, so the run still reconciles. */
export async function cancelPayments(db: DbExecutor, runId: string, at: Date): Promise<number> {
  const rows = await db
    .updateTable('payment')
    .set({ status: 'cancelled', updated_at: at })
    .where('run_id', '=', runId)
    .where('status', 'in', ['pending', 'review'])
    .returning('id')
    .execute();
  return rows.length;
}

export async function markRunCancelled(db: DbExecutor, runId: string): Promise<void> {
  await db.updateTable('payment_run').set({ status: 'cancelled' }).where('id', '=', runId).execute();
}
