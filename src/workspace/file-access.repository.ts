import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { FileAccessTable } from './workspace.tables.ts';

export type FileAccessRow = FileAccessTable;

export async function insertFileAccess(db: DbExecutor, row: FileAccessRow): Promise<void> {
  await db.insertInto('identity_file_access').values(row).execute();
}

/** The latest purpose this staff session stated for this client's file, if any. */
export function findFileAccess(
  db: DbExecutor,
  sessionIdHash: string,
  personId: string,
): Promise<FileAccessRow | undefined> {
  return fileAccess.executeTakeFirst(db, sessionIdHash, personId);
}

// Read on every page of an open client file: compiled once, prepared (ADR 0013).
const fileAccess = prepareQuery('workspace.file-access', (q, sessionIdHash: string, personId: string) =>
  q
    .selectFrom('identity_file_access')
    .selectAll()
    .where('session_id_hash', '=', sessionIdHash)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc'),
);
