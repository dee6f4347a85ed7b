import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { IdentityConfig, IdentityProviderConfig } from '../platform/config/identity-config.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { AssuranceLevel, Identity } from '../platform/http/request-identity.ts';
import { consumeAuthRequest, insertAuthRequest } from './auth-request.repository.ts';
import { grantRole, upsertLogin, upsertStaff } from './login.repository.ts';
import { isStaffRole } from './permissions.ts';
import { ProviderUnavailableError, SignInRejectedError } from './relying-party.ts';
import type { RelyingParty, VerifiedSignIn } from './relying-party.ts';
import { hashToken } from './session.service.ts';
import type { SessionService } from './session.service.ts';
import type { LinkingService } from './linking.service.ts';

export const AUTH_REQUEST_MAX_AGE_SECONDS = 600;

export type SignInIntent = 'sign-in' | 'step-up';

export type SignInOutcome =
  | {
      readonly ok: true;
      readonly sessionToken: string;
      readonly lang: Lang;
      readonly returnTo: string | null;
      readonly kind: 'person' | 'staff';
      readonly linked: boolean;
    }
  | { readonly ok: false; readonly lang: Lang; readonly reason: string };

export interface SignInService {
  providers(audience: 'person' | 'staff'): readonly IdentityProviderConfig[];
  provider(id: string): IdentityProviderConfig | undefined;
  /** Returns where to send the browser and the token for the short-lived auth-request cookie. */
  start(
    providerId: string,
    lang: Lang,
    intent: SignInIntent,
    returnTo: string | null,
  ): Promise<{ redirect: URL; requestToken: string }>;
  complete(
    requestToken: string | undefined,
    callbackUrl: URL,
    current: Identity | null,
    correlationId: string,
  ): Promise<SignInOutcome>;
}

export interface SignInDeps {
  readonly db: Kysely<DB>;
  readonly config: IdentityConfig;
  readonly rp: RelyingParty;
  readonly sessions: SessionService;
  readonly linking: LinkingService;
  readonly audit: AuditService;
  readonly clock: () => Date;
}

export function createSignInService(deps: SignInDeps): SignInService {
  const byId = new Map(deps.config.providers.map((provider) => [provider.id, provider]));
  return {
    providers: (audience) => deps.config.providers.filter((provider) => provider.audience === audience),
    provider: (id) => byId.get(id),
    async start(providerId, lang, intent, returnTo) {
      const provider = byId.get(providerId);
      if (!provider) throw new ProviderUnavailableError(providerId, 'unknown provider');
      const started = await deps.rp.start(
        provider,
        lang,
        intent === 'step-up' && provider.stepUpAcr ? { acrValues: provider.stepUpAcr } : {},
      );
      const requestToken = randomBytes(32).toString('base64url');
      await insertAuthRequest(deps.db, {
        id_hash: hashToken(requestToken),
        provider_id: providerId,
        state: started.state,
        nonce: started.nonce,
        code_verifier: started.codeVerifier,
        lang,
        intent,
        return_to: returnTo,
        created_at: deps.clock(),
        consumed_at: null,
      });
      return { redirect: started.url, requestToken };
    },
    complete: (requestToken, callbackUrl, current, correlationId) =>
      complete(deps, byId, requestToken, callbackUrl, current, correlationId),
  };
}

async function complete(
  deps: SignInDeps,
  byId: ReadonlyMap<string, IdentityProviderConfig>,
  requestToken: string | undefined,
  callbackUrl: URL,
  current: Identity | null,
  correlationId: string,
): Promise<SignInOutcome> {
  const request = requestToken
    ? await consumeAuthRequest(deps.db, hashToken(requestToken), deps.clock(), AUTH_REQUEST_MAX_AGE_SECONDS)
    : undefined;
  const lang: Lang = request?.lang ?? 'en';
  const fail = async (reason: string, providerId: string | null): Promise<SignInOutcome> => {
    await deps.audit.record({
      actor: { type: 'anonymous' },
      action: 'identity.sign-in',
      purpose: 'authentication',
      channel: 'online',
      outcome: 'failure',
      correlationId,
      details: { provider: providerId, reason },
    });
    return { ok: false, lang, reason };
  };
  if (!request) return fail('unknown-or-replayed-request', null);
  const provider = byId.get(request.provider_id);
  if (!provider) return fail('unknown-provider', request.provider_id);
  let verified: VerifiedSignIn;
  try {
    verified = await deps.rp.complete(provider, callbackUrl, {
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.code_verifier,
    });
  } catch (error) {
    return fail(
      error instanceof SignInRejectedError
        ? error.reason
        : error instanceof ProviderUnavailableError
          ? 'provider-unavailable'
          : 'error',
      provider.id,
    );
  }
  if (request.intent === 'step-up' && !sameLogin(current, verified))
    return fail('step-up-different-account', provider.id);
  if (request.intent === 'step-up' && !recentlyAuthenticated(verified, deps.config.clockSkewSeconds))
    return fail('step-up-not-fresh', provider.id);
  const session =
    provider.audience === 'staff'
      ? await startStaffSession(deps, provider, verified)
      : await startPersonSession(deps, provider, verified, correlationId);
  if (!session) return fail('staff-account-disabled', provider.id);
  if (current)
    await deps.sessions
      .endById(
        current.sessionId,
        request.intent === 'step-up' ? 'replaced-by-step-up' : 'replaced-by-sign-in',
      )
      .catch(() => undefined);
  await deps.audit.record({
    actor: session.actor,
    subjectPersonId: session.personId,
    action: request.intent === 'step-up' ? 'identity.step-up' : 'identity.sign-in',
    purpose: 'authentication',
    channel: 'online',
    outcome: 'success',
    correlationId,
    details: { provider: provider.id, level: session.level },
  });
  return {
    ok: true,
    sessionToken: session.token,
    lang,
    returnTo: request.return_to,
    kind: provider.audience,
    linked: session.personId !== null,
  };
}

/** Token times are the provider's (real) time, like the ID-token checks; prompt=login makes auth_time fresh. */
function recentlyAuthenticated(verified: VerifiedSignIn, skewSeconds: number): boolean {
  return verified.authTime !== null && Date.now() - verified.authTime.getTime() <= (600 + skewSeconds) * 1000;
}

function sameLogin(current: Identity | null, verified: VerifiedSignIn): boolean {
  return (
    current?.kind === 'person' && current.issuer === verified.issuer && current.subject === verified.subject
  );
}

export function levelOf(provider: IdentityProviderConfig, acr: string | null): AssuranceLevel {
  // ASVS 6.8.4: assume the weakest level when the provider does not say, or says something unknown.
  return (acr !== null ? provider.acrLevels[acr] : undefined) ?? 1;
}

interface StartedSession {
  token: string;
  level: AssuranceLevel;
  personId: string | null;
  actor: { type: 'person' | 'staff'; id: string };
}

async function startPersonSession(
  deps: SignInDeps,
  provider: IdentityProviderConfig,
  verified: VerifiedSignIn,
  correlationId: string,
): Promise<StartedSession> {
  const now = deps.clock();
  const login = await upsertLogin(
    deps.db,
    { id: randomUUID(), provider_id: provider.id, issuer: verified.issuer, subject: verified.subject },
    now,
  );
  const level = levelOf(provider, verified.acr);
  const personId =
    login.person_id ??
    (await deps.linking.linkFromProvincialClaims(login.id, provider, level, verified.claims, correlationId));
  const hasSecondFactor = verified.amr.some((method) => provider.secondFactorAmr.includes(method));
  // Session times are on Guichet's clock: the authentication just happened (the ID token was checked for freshness).
  const authTime = now;
  const token = await deps.sessions.create({
    kind: 'person',
    loginId: login.id,
    providerId: provider.id,
    providerSid: verified.sid,
    level,
    authTime,
    secondFactorAt: hasSecondFactor ? authTime : null,
  });
  return { token, level, personId, actor: { type: 'person', id: login.id } };
}

async function startStaffSession(
  deps: SignInDeps,
  provider: IdentityProviderConfig,
  verified: VerifiedSignIn,
): Promise<StartedSession | null> {
  const now = deps.clock();
  const claims = verified.claims;
  const { staff, created } = await upsertStaff(
    deps.db,
    {
      id: randomUUID(),
      issuer: verified.issuer,
      subject: verified.subject,
      display_name: String(claims.name ?? verified.subject),
      agency_id: String(claims.agency ?? 'unknown'),
    },
    now,
  );
  if (staff.disabled_at) return null;
  // The provider's roles claim only seeds a new staff record; afterwards administrators manage roles here.
  if (created && Array.isArray(claims.roles)) {
    for (const role of claims.roles.filter(isStaffRole)) await grantRole(deps.db, staff.id, role, null, now);
  }
  const level = levelOf(provider, verified.acr);
  const token = await deps.sessions.create({
    kind: 'staff',
    staffId: staff.id,
    providerId: provider.id,
    providerSid: verified.sid,
    level,
    authTime: now,
    secondFactorAt: null,
  });
  return { token, level, personId: null, actor: { type: 'staff', id: staff.id } };
}
