import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { IdentityConfig } from '../platform/config/identity-config.ts';
import type { AssuranceLevel, Identity } from '../platform/http/request-identity.ts';
import { SERVICE_TIME_ZONE, timeZoneOfProvince } from '../platform/i18n/time-zones.ts';
import { permissionsFor } from './permissions.ts';
import {
  endSession,
  endSessionsByProviderSid,
  endSessionsForLogins,
  endSessionsForStaff,
  findSessionWithHolder,
  insertSession,
  touchSession,
} from './session.repository.ts';
import type { SessionWithHolder } from './session.repository.ts';

export interface NewSession {
  readonly kind: 'person' | 'staff';
  readonly loginId?: string;
  readonly staffId?: string;
  readonly providerId: string;
  readonly providerSid: string | null;
  readonly level: AssuranceLevel;
  readonly authTime: Date;
  readonly secondFactorAt: Date | null;
}

export type SessionState =
  | { readonly status: 'none' }
  | { readonly status: 'ended'; readonly reason: 'idle' | 'absolute' | 'ended' }
  | {
      readonly status: 'active';
      readonly identity: Identity;
      readonly lastSeenAt: Date;
      readonly idleExpiresAt: Date;
      readonly absoluteExpiresAt: Date;
    };

export interface SessionService {
  /** A new random token (256 bits, ASVS 7.2.3); only its hash is stored. */
  create(session: NewSession): Promise<string>;
  resolve(token: string | undefined): Promise<SessionState>;
  /**
   * Keeps an active session alive and returns when it will now expire for inactivity. The activity time is
   * written at most once per `touchIntervalSeconds`, so reading pages does not write a row per request; the
   * returned expiry is computed from what is stored, so it is never later than the real one.
   */
  keepAlive(token: string, state: { lastSeenAt: Date }): Promise<Date>;
  end(token: string, reason: string): Promise<void>;
  /** Ends a session by its stored id (`identity.sessionId`). */
  endById(idHash: string, reason: string): Promise<void>;
  endForLogins(loginIds: readonly string[], reason: string): Promise<number>;
  endForStaff(staffId: string, reason: string): Promise<number>;
  endByProviderSid(providerId: string, sid: string, reason: string): Promise<number>;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createSessionService(
  db: Kysely<DB>,
  config: IdentityConfig,
  clock: () => Date,
): SessionService {
  return {
    async create(session) {
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      await insertSession(db, {
        id_hash: hashToken(token),
        kind: session.kind,
        login_id: session.loginId ?? null,
        staff_id: session.staffId ?? null,
        provider_id: session.providerId,
        provider_sid: session.providerSid,
        assurance_level: session.level,
        auth_time: session.authTime,
        second_factor_at: session.secondFactorAt,
        created_at: now,
        last_seen_at: now,
        ended_at: null,
        end_reason: null,
      });
      return token;
    },
    async resolve(token) {
      if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'none' };
      const found = await findSessionWithHolder(db, hashToken(token));
      if (!found) return { status: 'none' };
      return stateOf(db, found, config, clock());
    },
    async keepAlive(token, { lastSeenAt }) {
      const now = clock();
      const interval = touchIntervalSeconds(config) * 1000;
      const seenAt = now.getTime() - lastSeenAt.getTime() >= interval ? now : lastSeenAt;
      // Off the read's critical path: the page does not wait for this write. One that fails is simply
      // tried again by the next request (the recorded time is still old), so a session never ends late.
      if (seenAt === now) void touchSession(db, hashToken(token), now).catch(() => undefined);
      return new Date(seenAt.getTime() + config.idleTimeoutSeconds * 1000);
    },
    end: (token, reason) => endSession(db, hashToken(token), reason, clock()),
    endById: (idHash, reason) => endSession(db, idHash, reason, clock()),
    endForLogins: (loginIds, reason) => endSessionsForLogins(db, loginIds, reason, clock()),
    endForStaff: (staffId, reason) => endSessionsForStaff(db, staffId, reason, clock()),
    endByProviderSid: (providerId, sid, reason) =>
      endSessionsByProviderSid(db, providerId, sid, reason, clock()),
  };
}

/** At most 30 s, and at most 1/40 of the idle timeout, so a session never ends noticeably early. */
export function touchIntervalSeconds(config: IdentityConfig): number {
  return Math.min(30, Math.floor(config.idleTimeoutSeconds / 40));
}

async function stateOf(
  db: Kysely<DB>,
  holder: SessionWithHolder,
  config: IdentityConfig,
  now: Date,
): Promise<SessionState> {
  const row = holder.session;
  if (row.ended_at) return { status: 'ended', reason: 'ended' };
  const idleExpiresAt = new Date(new Date(row.last_seen_at).getTime() + config.idleTimeoutSeconds * 1000);
  const absoluteExpiresAt = new Date(
    new Date(row.created_at).getTime() + config.absoluteTimeoutSeconds * 1000,
  );
  const expired = now >= absoluteExpiresAt ? 'absolute' : now >= idleExpiresAt ? 'idle' : null;
  if (expired) {
    await endSession(db, row.id_hash, `timeout-${expired}`, now);
    return { status: 'ended', reason: expired };
  }
  const identity = identityOf(holder);
  if (!identity) return { status: 'ended', reason: 'ended' };
  const lastSeenAt = new Date(row.last_seen_at);
  return { status: 'active', identity, lastSeenAt, idleExpiresAt, absoluteExpiresAt };
}

function identityOf({
  session: row,
  login,
  staff,
  personName,
  personProvince,
}: SessionWithHolder): Identity | null {
  const common = { sessionId: row.id_hash, authTime: new Date(row.auth_time) };
  if (row.kind === 'staff') {
    // A member disabled since signing in loses the session at their next request.
    if (!staff || staff.disabled_at) return null;
    return {
      kind: 'staff',
      ...common,
      staffId: staff.id,
      displayName: staff.display_name,
      agencyId: staff.agency_id,
      timeZone: SERVICE_TIME_ZONE,
      roles: staff.roles,
      permissions: permissionsFor(staff.roles),
    };
  }
  if (!login) return null;
  return {
    kind: 'person',
    ...common,
    loginId: login.id,
    issuer: login.issuer,
    subject: login.subject,
    providerId: login.provider_id,
    personId: login.person_id,
    displayName: personName,
    timeZone: timeZoneOfProvince(personProvince),
    assuranceLevel: Math.min(3, Math.max(1, row.assurance_level)) as AssuranceLevel,
    secondFactorAt: row.second_factor_at ? new Date(row.second_factor_at) : null,
  };
}
