import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { IdentityConfig, IdentityProviderConfig } from '../platform/config/identity-config.ts';
import type { RelyingParty } from './relying-party.ts';
import { rememberLogoutJti } from './session.repository.ts';
import type { SessionService } from './session.service.ts';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
// CATS ODP-RP02 / GOV.UK One Login: a logout token is good for 3 minutes and its jti is remembered as long.
const LOGOUT_TOKEN_WINDOW_SECONDS = 180;

export type BackchannelResult = { ok: true; ended: number } | { ok: false; reason: string };

export interface BackchannelService {
  /** OpenID Connect Back-Channel Logout 1.0 §2.6: validate the logout token, then end the matching sessions. */
  logout(providerId: string, logoutToken: unknown, correlationId: string): Promise<BackchannelResult>;
}

export function createBackchannelService(deps: {
  db: Kysely<DB>;
  config: IdentityConfig;
  rp: RelyingParty;
  sessions: SessionService;
  audit: AuditService;
  clock: () => Date;
}): BackchannelService {
  const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysFor = (uri: string) => {
    let set = jwks.get(uri);
    if (!set) jwks.set(uri, (set = createRemoteJWKSet(new URL(uri))));
    return set;
  };
  const record = (
    providerId: string,
    outcome: 'success' | 'failure',
    correlationId: string,
    details: Record<string, unknown>,
  ) =>
    deps.audit.record({
      actor: { type: 'system', id: providerId },
      action: 'identity.backchannel-logout',
      purpose: 'authentication',
      channel: 'partner',
      outcome,
      correlationId,
      details: { provider: providerId, ...details },
    });

  return {
    async logout(providerId, logoutToken, correlationId) {
      const provider = deps.config.providers.find((p) => p.id === providerId);
      if (!provider || typeof logoutToken !== 'string' || logoutToken.length > 8192)
        return { ok: false, reason: 'invalid-request' };
      const result = await verifyLogoutToken(deps, provider, logoutToken, keysFor);
      if (typeof result === 'string') {
        await record(providerId, 'failure', correlationId, { reason: result });
        return { ok: false, reason: result };
      }
      const ended = result.sid
        ? await deps.sessions.endByProviderSid(providerId, String(result.sid), 'backchannel-logout')
        : await endBySubject(deps, provider, String(result.sub));
      await record(providerId, 'success', correlationId, { ended });
      return { ok: true, ended };
    },
  };
}

async function verifyLogoutToken(
  deps: { config: IdentityConfig; rp: RelyingParty; db: Kysely<DB>; clock: () => Date },
  provider: IdentityProviderConfig,
  token: string,
  keysFor: (uri: string) => ReturnType<typeof createRemoteJWKSet>,
): Promise<JWTPayload | string> {
  let payload: JWTPayload;
  try {
    const metadata = await deps.rp.metadata(provider);
    ({ payload } = await jwtVerify(token, keysFor(metadata.jwksUri), {
      issuer: metadata.issuer,
      audience: provider.clientId,
      algorithms: ['RS256', 'PS256', 'ES256'],
      typ: 'logout+jwt',
      currentDate: deps.clock(),
      clockTolerance: deps.config.clockSkewSeconds,
      maxTokenAge: LOGOUT_TOKEN_WINDOW_SECONDS,
      requiredClaims: ['iat', 'jti'],
    }));
  } catch {
    return 'invalid-token';
  }
  const events = payload.events as Record<string, unknown> | undefined;
  if (!events || typeof events[LOGOUT_EVENT] !== 'object') return 'missing-event';
  if ('nonce' in payload) return 'nonce-present';
  if (!payload.sid && !payload.sub) return 'no-subject';
  if (
    !(await rememberLogoutJti(
      deps.db,
      String(payload.iss),
      String(payload.jti),
      deps.clock(),
      LOGOUT_TOKEN_WINDOW_SECONDS + deps.config.clockSkewSeconds,
    ))
  )
    return 'replayed';
  return payload;
}

async function endBySubject(
  deps: { db: Kysely<DB>; sessions: SessionService },
  provider: IdentityProviderConfig,
  subject: string,
): Promise<number> {
  if (provider.audience === 'staff') {
    const staff = await deps.db
      .selectFrom('identity_staff')
      .select('id')
      .where('issuer', '=', provider.issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return staff ? deps.sessions.endForStaff(staff.id, 'backchannel-logout') : 0;
  }
  const login = await deps.db
    .selectFrom('identity_login')
    .select('id')
    .where('issuer', '=', provider.issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return login ? deps.sessions.endForLogins([login.id], 'backchannel-logout') : 0;
}
