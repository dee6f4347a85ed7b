import type { Kysely, Selectable } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { HelpRequestTable } from './help.tables.ts';

export type HelpRequestRow = Selectable<HelpRequestTable>;

export async function insertHelpRequest(executor: DbExecutor, row: HelpRequestRow): Promise<void> {
  await executor.insertInto('help_request').values(row).execute();
}

/** Open requests, the oldest first: the staff queue. */
export async function openHelpRequests(db: Kysely<DB>, limit = 200): Promise<HelpRequestRow[]> {
  return db
    .selectFrom('help_request')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findHelpRequest(db: DbExecutor, id: string): Promise<HelpRequestRow | undefined> {
  return db.selectFrom('help_request').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an open request done; false when it was not open (done already, or unknown). */
export async function closeHelpRequest(
  executor: DbExecutor,
  id: string,
  staffId: string,
  at: Date,
): Promise<boolean> {
  const result = await executor
    .updateTable('help_request')
    .set({ status: 'done', handled_by: staffId, handled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Requests handled before `cutoff` (what the purge deletes), oldest first. */
export async function listClosedBefore(
  db: DbExecutor,
  cutoff: Date,
  limit: number,
): Promise<Pick<HelpRequestRow, 'id' | 'reference' | 'person_id'>[]> {
  return db
    .selectFrom('help_request')
    .select(['id', 'reference', 'person_id'])
    .where('status', '=', 'done')
    .where('handled_at', '<', cutoff)
    .orderBy('handled_at')
    .limit(limit)
    .execute();
}

export async function deleteHelpRequest(executor: DbExecutor, id: string): Promise<void> {
  await executor.deleteFrom('help_request').where('id', '=', id).where('status', '=', 'done').execute();
}
