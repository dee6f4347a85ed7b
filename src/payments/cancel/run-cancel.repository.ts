import type { DbExecutor } from '../../platform/db/schema.ts';
import '../payments.tables.ts';

/**
 * The returned payments this run was paying again are waiting again: each original goes back from `reissued`
 * to `returned` and its return from `reissued` to `matched`, so the next run reissues it once (migration 0995
 * frees the keys of a cancelled reissue). Called before the run's payments are cancelled; returns how many.
 */
export async function reopenReissuedReturns(db: DbExecutor, runId: string, at: Date): Promise<number> {
  const originals = await db
    .updateTable('payment')
    .set({ status: 'returned', updated_at: at })
    .where('status', '=', 'reissued')
    .where('id', 'in', unsentReissues(db, runId).select('reissue_of'))
    .returning('id')
    .execute();
  await db
    .updateTable('payment_return')
    .set({ status: 'matched', reissue_payment_id: null })
    .where('status', '=', 'reissued')
    .where('reissue_payment_id', 'in', unsentReissues(db, runId).select('id'))
    .execute();
  return originals.length;
}

function unsentReissues(db: DbExecutor, runId: string) {
  return db
    .selectFrom('payment')
    .where('run_id', '=', runId)
    .where('kind', '=', 'reissue')
    .where('status', 'in', ['pending', 'review']);
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
