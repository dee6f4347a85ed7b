import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { IdentitySessionTable } from './identity.tables.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type SessionRow = IdentitySessionTable;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('identity_session').values(row).execute();
}

export async function findSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('identity_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('identity_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function endSession(db: Db, idHash: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every live session of the given logins (a person's "sign out everywhere", back-channel logout). */
export async function endSessionsForLogins(
  db: Db,
  loginIds: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  if (loginIds.length === 0) return 0;
  const result = await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('login_id', 'in', loginIds)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endSessionsForStaff(
  db: Db,
  staffId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endSessionsByProviderSid(
  db: Db,
  providerId: string,
  sid: string,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('provider_id', '=', providerId)
    .where('provider_sid', '=', sid)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a logout token's jti; false when it was already seen (replay). */
export async function rememberLogoutJti(
  db: Db,
  issuer: string,
  jti: string,
  now: Date,
  windowSeconds: number,
): Promise<boolean> {
  await db
    .deleteFrom('identity_logout_jti')
    .where('seen_at', '<', new Date(now.getTime() - windowSeconds * 1000))
    .execute();
  const inserted = await db
    .insertInto('identity_logout_jti')
    .values({ issuer, jti, seen_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('jti')
    .executeTakeFirst();
  return inserted !== undefined;
}
