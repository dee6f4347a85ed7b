import type { DbExecutor } from '../platform/db/schema.ts';
import type { SecurityNoticeTable } from './security-notice.tables.ts';

export type SecurityNoticeRow = SecurityNoticeTable;

/** One notice per change: a second call for the same source key changes nothing. */
export async function queueSecurityNotice(executor: DbExecutor, row: SecurityNoticeTable): Promise<boolean> {
  const inserted = await executor
    .insertInto('security_notice')
    .values(row)
    .onConflict((conflict) => conflict.column('source_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Takes the due notices and pushes their next attempt past the lease, so two senders never both send one. */
export async function leaseDueSecurityNotices(
  executor: DbExecutor,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<SecurityNoticeRow[]> {
  const due = await executor
    .selectFrom('security_notice')
    .select('id')
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (due.length === 0) return [];
  return executor
    .updateTable('security_notice')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where(
      'id',
      'in',
      due.map((row) => row.id),
    )
    .returningAll()
    .execute();
}

export async function finishSecurityNotice(
  executor: DbExecutor,
  id: string,
  outcome: { status: 'sent'; notifyId: string } | { status: 'abandoned' },
): Promise<void> {
  await executor
    .updateTable('security_notice')
    .set({
      status: outcome.status,
      notify_id: outcome.status === 'sent' ? outcome.notifyId : null,
      to_cipher: null, // the old contact point is kept no longer than needed to reach it
    })
    .where('id', '=', id)
    .execute();
}

export async function retrySecurityNotice(executor: DbExecutor, id: string, at: Date): Promise<void> {
  await executor.updateTable('security_notice').set({ next_attempt_at: at }).where('id', '=', id).execute();
}

export async function securityNoticesOf(
  executor: DbExecutor,
  personId: string,
): Promise<SecurityNoticeRow[]> {
  return executor.selectFrom('security_notice').selectAll().where('person_id', '=', personId).execute();
}
