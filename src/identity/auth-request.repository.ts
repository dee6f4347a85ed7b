import type { DbExecutor } from '../platform/db/schema.ts';
import type { IdentityAuthRequestTable } from './identity.tables.ts';

export type AuthRequestRow = IdentityAuthRequestTable;

export async function insertAuthRequest(db: DbExecutor, row: AuthRequestRow): Promise<void> {
  await db.insertInto('identity_auth_request').values(row).execute();
}

/** Marks the request used and returns it, once: a replayed authorization response finds nothing. */
export async function consumeAuthRequest(
  db: DbExecutor,
  idHash: string,
  now: Date,
  maxAgeSeconds: number,
): Promise<AuthRequestRow | undefined> {
  return db
    .updateTable('identity_auth_request')
    .set({ consumed_at: now })
    .where('id_hash', '=', idHash)
    .where('consumed_at', 'is', null)
    .where('created_at', '>', new Date(now.getTime() - maxAgeSeconds * 1000))
    .returningAll()
    .executeTakeFirst();
}
