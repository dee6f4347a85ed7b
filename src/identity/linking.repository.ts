import type { DbExecutor } from '../platform/db/schema.ts';
import type { IdentityLinkCodeTable } from './identity.tables.ts';

export async function insertLinkCode(db: DbExecutor, row: IdentityLinkCodeTable): Promise<void> {
  await db.insertInto('identity_link_code').values(row).execute();
}

export async function findActiveLinkCode(
  db: DbExecutor,
  loginId: string,
  now: Date,
): Promise<IdentityLinkCodeTable | undefined> {
  return db
    .selectFrom('identity_link_code')
    .selectAll()
    .where('login_id', '=', loginId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function countLinkCodeFailure(db: DbExecutor, id: string): Promise<number> {
  const row = await db
    .updateTable('identity_link_code')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? 0;
}

export async function markLinkCodeUsed(db: DbExecutor, id: string, now: Date): Promise<void> {
  await db.updateTable('identity_link_code').set({ used_at: now }).where('id', '=', id).execute();
}

export async function insertLetter(
  db: DbExecutor,
  row: { id: string; person_id: string; kind: string; access_code: string; created_at: Date },
): Promise<void> {
  await db.insertInto('identity_letter').values(row).execute();
}

/** Letters waiting for the mail house (the development mailbox shows them), newest first. */
export function listLetters(
  db: DbExecutor,
  limit: number,
): Promise<{ id: string; person_id: string; kind: string; access_code: string; created_at: Date }[]> {
  return db
    .selectFrom('identity_letter')
    .select(['id', 'person_id', 'kind', 'access_code', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
