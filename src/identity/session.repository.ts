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

export interface SessionWithLogin {
  session: SessionRow;
  /** The person login behind a person session, read in the same query (absent for staff sessions). */
  login: {
    id: string;
    provider_id: string;
    issuer: string;
    subject: string;
    person_id: string | null;
    /** The linked person's name, for the page header; null until the login is linked. */
    person_name: string | null;
  } | null;
}

/** The session and, for a person, its login in one round trip: this runs on every signed-in request. */
export async function findSessionWithLogin(db: Db, idHash: string): Promise<SessionWithLogin | undefined> {
  const row = await db
    .selectFrom('identity_session')
    .leftJoin('identity_login', 'identity_login.id', 'identity_session.login_id')
    .leftJoin('person', 'person.id', 'identity_login.person_id')
    .selectAll('identity_session')
    .select([
      'identity_login.provider_id as login_provider_id',
      'identity_login.issuer as login_issuer',
      'identity_login.subject as login_subject',
      'identity_login.person_id as login_person_id',
      'person.given_name as person_given_name',
      'person.family_name as person_family_name',
    ])
    .where('identity_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    login_provider_id,
    login_issuer,
    login_subject,
    login_person_id,
    person_given_name,
    person_family_name,
    ...session
  } = row;
  const login =
    session.login_id && login_provider_id && login_issuer && login_subject
      ? {
          id: session.login_id,
          provider_id: login_provider_id,
          issuer: login_issuer,
          subject: login_subject,
          person_id: login_person_id,
          person_name:
            person_given_name && person_family_name ? `${person_given_name} ${person_family_name}` : null,
        }
      : null;
  return { session, login };
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('identity_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

type LiveSessions = ReturnType<typeof liveSessions>;

function liveSessions(db: Db, reason: string, now: Date) {
  return db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('ended_at', 'is', null);
}

/** Ends the live sessions `which` selects; returns how many it ended. */
async function endLiveSessions(
  db: Db,
  which: (sessions: LiveSessions) => LiveSessions,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await which(liveSessions(db, reason, now)).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endSession(db: Db, idHash: string, reason: string, now: Date): Promise<void> {
  await endLiveSessions(db, (q) => q.where('id_hash', '=', idHash), reason, now);
}

/** Ends every live session of the given logins (a person's "sign out everywhere", back-channel logout). */
export async function endSessionsForLogins(
  db: Db,
  loginIds: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  return loginIds.length === 0
    ? 0
    : endLiveSessions(db, (q) => q.where('login_id', 'in', loginIds), reason, now);
}

export function endSessionsForStaff(db: Db, staffId: string, reason: string, now: Date): Promise<number> {
  return endLiveSessions(db, (q) => q.where('staff_id', '=', staffId), reason, now);
}

export function endSessionsByProviderSid(
  db: Db,
  providerId: string,
  sid: string,
  reason: string,
  now: Date,
): Promise<number> {
  return endLiveSessions(
    db,
    (q) => q.where('provider_id', '=', providerId).where('provider_sid', '=', sid),
    reason,
    now,
  );
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
