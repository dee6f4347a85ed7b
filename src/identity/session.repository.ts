import { sql } from 'kysely';

import { personHeaderName, personHomeProvince } from '../person/index.ts';
import type { StaffRole } from '../platform/http/request-identity.ts';
import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { IdentitySessionTable } from './identity.tables.ts';

export type SessionRow = IdentitySessionTable;

export async function insertSession(db: DbExecutor, row: SessionRow): Promise<void> {
  await db.insertInto('identity_session').values(row).execute();
}

/** A session and who holds it, read in one query: this runs on every signed-in request. */
export interface SessionWithHolder {
  session: SessionRow;
  /** The person login behind a person session (null for staff sessions). */
  login: {
    id: string;
    provider_id: string;
    issuer: string;
    subject: string;
    person_id: string | null;
  } | null;
  /** The linked person's name for the page header, read in the same statement (null before linking). */
  personName: string | null;
  /** The linked person's home province, to show times in their zone (null before linking or unknown). */
  personProvince: string | null;
  /** The staff member behind a staff session, with their roles (null for person sessions). */
  staff: {
    id: string;
    display_name: string;
    agency_id: string;
    disabled_at: Date | null;
    roles: StaffRole[];
  } | null;
}

// Runs on every signed-in request: compiled once, a named prepared statement on PostgreSQL (ADR 0013), and
// with the header's name in it, so a signed-in page starts with one round trip, not two.
const sessionWithHolder = prepareQuery('identity.session-with-holder', (q, idHash: string) =>
  q
    .selectFrom('identity_session')
    .leftJoin('identity_login', 'identity_login.id', 'identity_session.login_id')
    .leftJoin('identity_staff', 'identity_staff.id', 'identity_session.staff_id')
    .selectAll('identity_session')
    .select((eb) => [
      'identity_login.provider_id as login_provider_id',
      'identity_login.issuer as login_issuer',
      'identity_login.subject as login_subject',
      'identity_login.person_id as login_person_id',
      personHeaderName(eb.ref('identity_login.person_id')).as('login_person_name'),
      personHomeProvince(eb.ref('identity_login.person_id')).as('login_person_province'),
      'identity_staff.display_name as staff_display_name',
      'identity_staff.agency_id as staff_agency_id',
      'identity_staff.disabled_at as staff_disabled_at',
      eb
        .selectFrom('identity_staff_role')
        .select(sql<string>`string_agg(role, ',' ORDER BY role)`.as('roles'))
        .whereRef('identity_staff_role.staff_id', '=', 'identity_session.staff_id')
        .as('staff_roles'),
    ])
    .where('identity_session.id_hash', '=', idHash),
);

export async function findSessionWithHolder(
  db: DbExecutor,
  idHash: string,
): Promise<SessionWithHolder | undefined> {
  const row = await sessionWithHolder.executeTakeFirst(db, idHash);
  if (!row) return undefined;
  const {
    login_provider_id,
    login_issuer,
    login_subject,
    login_person_id,
    login_person_name,
    login_person_province,
    staff_display_name,
    staff_agency_id,
    staff_disabled_at,
    staff_roles,
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
        }
      : null;
  const staff =
    session.staff_id && staff_display_name && staff_agency_id
      ? {
          id: session.staff_id,
          display_name: staff_display_name,
          agency_id: staff_agency_id,
          disabled_at: staff_disabled_at ?? null,
          // Role names hold no comma (the table's CHECK lists them).
          roles: (staff_roles ? staff_roles.split(',') : []) as StaffRole[],
        }
      : null;
  const linked = Boolean(login?.person_id);
  return {
    session,
    login,
    personName: linked ? login_person_name : null,
    personProvince: linked ? login_person_province : null,
    staff,
  };
}

export async function touchSession(db: DbExecutor, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('identity_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

type LiveSessions = ReturnType<typeof liveSessions>;

function liveSessions(db: DbExecutor, reason: string, now: Date) {
  return db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('ended_at', 'is', null);
}

/** Ends the live sessions `which` selects; returns how many it ended. */
async function endLiveSessions(
  db: DbExecutor,
  which: (sessions: LiveSessions) => LiveSessions,
  reason: string,
  now: Date,
): Promise<number> {
  const result = await which(liveSessions(db, reason, now)).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endSession(db: DbExecutor, idHash: string, reason: string, now: Date): Promise<void> {
  await endLiveSessions(db, (q) => q.where('id_hash', '=', idHash), reason, now);
}

/** Ends every live session of the given logins (a person's "sign out everywhere", back-channel logout). */
export async function endSessionsForLogins(
  db: DbExecutor,
  loginIds: readonly string[],
  reason: string,
  now: Date,
): Promise<number> {
  return loginIds.length === 0
    ? 0
    : endLiveSessions(db, (q) => q.where('login_id', 'in', loginIds), reason, now);
}

export function endSessionsForStaff(
  db: DbExecutor,
  staffId: string,
  reason: string,
  now: Date,
): Promise<number> {
  return endLiveSessions(db, (q) => q.where('staff_id', '=', staffId), reason, now);
}

export function endSessionsByProviderSid(
  db: DbExecutor,
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
  db: DbExecutor,
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
