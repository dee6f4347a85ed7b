import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IdentityConfig } from '../platform/config/identity-config.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AssuranceLevel, StaffIdentity } from '../platform/http/request-identity.ts';
import { langFromUrl } from '../platform/http/pages.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteEntry, RouteTable } from '../platform/http/route-table.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { clearSessionCookie } from './cookies.ts';
import { identityPaths, SESSION_COOKIE } from './identity.paths.ts';
import type { SessionService } from './session.service.ts';
import type { StaffService } from './staff.service.ts';
import { sendForbiddenPage } from './views/status.views.ts';

export interface SessionTimes {
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** When the current session ends (null when signed out), for the timeout warning. */
    sessionTimes: SessionTimes | null;
    /** Why the session presented with this request is no longer valid, if it just ended. */
    sessionEnded: 'idle' | 'absolute' | 'ended' | null;
    /** Who is signed in, for the header: the person's or staff member's name, null before linking. */
    identityName: string | null;
  }
}

interface GuardDeps {
  readonly config: IdentityConfig;
  readonly sessions: SessionService;
  readonly staff: StaffService;
  readonly audit: AuditService;
  readonly clock: () => Date;
}

const GUARD_DEPS = Symbol('identityGuardDeps');
type WithDeps = FastifyInstance & { [GUARD_DEPS]?: GuardDeps };

/** Fills `request.identity` from the session cookie and enforces every route's declared access. */
export function registerIdentityHooks(app: FastifyInstance, routes: RouteTable, deps: GuardDeps): void {
  (app as WithDeps)[GUARD_DEPS] = deps;
  app.decorateRequest('identity', null);
  app.decorateRequest('sessionTimes', null);
  app.decorateRequest('sessionEnded', null);
  app.decorateRequest('identityName', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const token = request.cookies[SESSION_COOKIE];
    const state = await deps.sessions.resolve(token);
    if (state.status === 'ended') {
      request.sessionEnded = state.reason;
      clearSessionCookie(reply);
    }
    if (state.status !== 'active' || !token) return;
    request.identity = state.identity;
    const idleExpiresAt = await deps.sessions.keepAlive(token, state);
    request.sessionTimes = { idleExpiresAt, absoluteExpiresAt: state.absoluteExpiresAt };
    // Read with the session, in the same query: no look-up of its own on every page.
    request.identityName = state.identity.displayName;
  });
  let table: Map<string, RouteEntry> | undefined;
  app.addHook('preHandler', async (request, reply) => {
    table ??= new Map(routes.entries.map((entry) => [`${entry.method} ${entry.path}`, entry]));
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const entry = table.get(`${method} ${request.routeOptions.url ?? ''}`);
    if (!entry || entry.access === 'public') return;
    return enforce(request, reply, entry, deps);
  });
}

async function enforce(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: RouteEntry,
  deps: GuardDeps,
): Promise<FastifyReply | undefined> {
  const lang = entry.lang ?? langFromUrl(request.url) ?? 'en';
  const identity = request.identity;
  const isApi = request.url.startsWith('/api/');
  const staffRoute = entry.access.startsWith('permission:');
  if (!identity) {
    if (isApi) return sendProblem(request, reply, 'unauthorized', 401);
    return reply.redirect(signInUrl(lang, staffRoute, request), 303);
  }
  const allowed = staffRoute
    ? identity.kind === 'staff' && identity.permissions.has(entry.access.slice('permission:'.length))
    : identity.kind === 'person';
  if (allowed) return undefined;
  await deps.audit.record({
    actor:
      identity.kind === 'staff'
        ? { type: 'staff', id: identity.staffId, role: identity.roles.join(',') }
        : { type: 'person', id: identity.loginId },
    action: 'authorization.denied',
    purpose: 'access-control',
    channel: 'online',
    outcome: 'denied',
    correlationId: request.id,
    details: { route: entry.path, method: entry.method, access: entry.access },
  });
  if (isApi) return sendProblem(request, reply, 'forbidden', 403);
  return sendForbiddenPage(request, reply, lang);
}

function signInUrl(lang: Lang, staff: boolean, request: FastifyRequest): string {
  const target = pathFor(staff ? identityPaths.staffSignIn : identityPaths.signIn, lang);
  const query = new URLSearchParams();
  if (request.method === 'GET') query.set('return', request.url);
  if (request.sessionEnded === 'idle' || request.sessionEnded === 'absolute')
    query.set('expired', request.sessionEnded);
  const text = query.toString();
  return text ? `${target}?${text}` : target;
}

/** A path on this site only (`/en/…` or `/fr/…`), never an open redirect (ASVS 5.1.5). */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' &&
    /^\/(en|fr)(\/[\w\-./%?=&]*)?$/.test(value) &&
    !value.includes('//') &&
    value.length < 500
    ? value
    : null;
}

function depsOf(request: FastifyRequest): GuardDeps {
  const deps = (request.server as WithDeps)[GUARD_DEPS];
  if (!deps) throw new Error('Identity hooks are not registered');
  return deps;
}

/**
 * For sensitive actions (e.g. changing direct-deposit details, removing a sign-in method): the session must be
 * at `level` or above and have used a second factor within `maxAgeSeconds` (ASVS 7.5.1, 7.5.3; Login.gov
 * `reauthn_window` 1,200 s). Returns true to go on; otherwise it has already redirected to re-authentication.
 */
export function requireStepUp(
  request: FastifyRequest,
  reply: FastifyReply,
  need: { level: AssuranceLevel; maxAgeSeconds?: number },
): boolean {
  const deps = depsOf(request);
  const identity = request.identity;
  const lang = langFromUrl(request.url) ?? 'en';
  if (identity?.kind !== 'person') {
    void reply.redirect(pathFor(identityPaths.signIn, lang), 303);
    return false;
  }
  const maxAge = Math.min(
    need.maxAgeSeconds ?? deps.config.reauthWindowSeconds,
    deps.config.reauthWindowSeconds,
  );
  const fresh =
    identity.secondFactorAt !== null &&
    deps.clock().getTime() - identity.secondFactorAt.getTime() <= maxAge * 1000;
  if (identity.assuranceLevel >= need.level && fresh) return true;
  const returnTo =
    request.method === 'GET'
      ? request.url
      : request.headers.referer
        ? safeReturnPath(new URL(request.headers.referer, 'http://x').pathname)
        : null;
  const query = new URLSearchParams({ level: String(need.level), ...(returnTo ? { return: returnTo } : {}) });
  void reply.redirect(`${pathFor(identityPaths.stepUp, lang)}?${query.toString()}`, 303);
  return false;
}

/**
 * Staff opening a client's file must have stated why in this session (phone call, in-person visit, assigned
 * case); the statement is in the audit log. Returns it, or redirects to the purpose form and returns null.
 */
export async function requireClientFileAccess(
  request: FastifyRequest,
  reply: FastifyReply,
  personId: string,
): Promise<{ purpose: string; channel: string } | null> {
  const deps = depsOf(request);
  const identity = request.identity;
  const lang = langFromUrl(request.url) ?? 'en';
  if (identity?.kind !== 'staff' || !identity.permissions.has('client.file.read')) {
    await sendForbiddenPage(request, reply, lang);
    return null;
  }
  const access = await deps.staff.findFileAccess(identity as StaffIdentity, personId);
  if (access) return { purpose: access.purpose, channel: access.channel };
  const query = new URLSearchParams({ return: request.url });
  await reply.redirect(
    `${pathFor(identityPaths.clientPurpose, lang, { personId })}?${query.toString()}`,
    303,
  );
  return null;
}
