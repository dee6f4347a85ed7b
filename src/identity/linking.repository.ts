import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { IdentityLinkCodeTable } from './identity.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertLinkCode(db: Db, row: IdentityLinkCodeTable): Promise<void> {
  await db.insertInto('identity_link_code').values(row).execute();
}

export async function findActiveLinkCode(
  db: Db,
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

export async function countLinkCodeFailure(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('identity_link_code')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? 0;
}

export async function markLinkCodeUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('identity_link_code').set({ used_at: now }).where('id', '=', id).execute();
}

export async function insertLetter(
  db: Db,
  row: { id: string; person_id: string; kind: string; access_code: string; created_at: Date },
): Promise<void> {
  await db.insertInto('identity_letter').values(row).execute();
}

export async function listLetters(
  db: Db,
  limit: number,
): Promise<
  {
    id: string;
    person_id: string;
    kind: string;
    access_code: string;
    created_at: Date;
    given_name: string;
    family_name: string;
  }[]
> {
  return db
    .selectFrom('identity_letter')
    .innerJoin('person', 'person.id', 'identity_letter.person_id')
    .select([
      'identity_letter.id',
      'identity_letter.person_id',
      'identity_letter.kind',
      'identity_letter.access_code',
      'identity_letter.created_at',
      'person.given_name',
      'person.family_name',
    ])
    .orderBy('identity_letter.created_at', 'desc')
    .limit(limit)
    .execute();
}
