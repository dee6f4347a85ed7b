import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { IdentityFileAccessTable } from './identity.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type FileAccessRow = IdentityFileAccessTable;

export async function insertFileAccess(db: Db, row: FileAccessRow): Promise<void> {
  await db.insertInto('identity_file_access').values(row).execute();
}

export async function findFileAccess(
  db: Db,
  sessionIdHash: string,
  personId: string,
): Promise<FileAccessRow | undefined> {
  return db
    .selectFrom('identity_file_access')
    .selectAll()
    .where('session_id_hash', '=', sessionIdHash)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return (
    (await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined
  );
}
