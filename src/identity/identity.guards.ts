import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IdentityConfig } from '../platform/config/identity-config.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { Identity } from '../platform/http/request-identity.ts';
import { langFromUrl } from '../platform/http/pages.ts';
import { safeReturnPath } from '../platform/http/safe-path.ts';
import type { PageRenderer } from '../platform/http/pages.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteEntry, RouteRequirements, RouteTable } from '../platform/http/route-table.ts';
import { otherLang } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { clearSessionCookie } from './cookies.ts';
import { identityPaths, SESSION_COOKIE } from './identity.paths.ts';
import type { SessionService } from './session.service.ts';
import { forbiddenPage } from './views/status.views.ts';

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

export interface GuardDependencies {
  readonly config: IdentityConfig;
  readonly sessions: SessionService;
  readonly audit: AuditService;
  readonly renderer: PageRenderer;
  readonly clock: () => Date;
}

/**
 * Fills `request.identity` from the session cookie, then enforces what every route declares in the route
 * table: its access rule (public, signed in, a staff permission), and for a person's route whether the sign-in
 * must be linked to the register and whether a recent second factor is needed (step-up).
 */
export function registerIdentityGuards(
  app: FastifyInstance,
  routes: RouteTable,
  deps: GuardDependencies,
): void {
  app.decorateRequest('identity', null);
  app.decorateRequest('sessionTimes', null);
  app.decorateRequest('sessionEnded', null);
  app.decorateRequest('identityName', null);
  // Callback hooks that only start a promise when there is something to wait for: a request with no session
  // cookie (every API call, every anonymous page) and a public route pass straight through (issue #12).
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/assets/') || !request.cookies[SESSION_COOKIE]) return done();
    resolveSession(request, reply, deps.sessions).then(() => done(), done);
  });
  let table: Map<string, RouteEntry> | undefined;
  app.addHook('preHandler', (request, reply, done) => {
    table ??= new Map(routes.entries.map((entry) => [`${entry.method} ${entry.path}`, entry]));
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const entry = table.get(`${method} ${request.routeOptions.url ?? ''}`);
    if (!entry || entry.access === 'public') return done();
    // A refusal sends its answer (401, 403, a redirect or a page) itself; the route runs only when allowed.
    enforce(request, reply, entry, deps).then(() => (reply.sent ? undefined : done()), done);
  });
}

async function resolveSession(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: SessionService,
): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const state = await sessions.resolve(token);
  if (state.status === 'ended') {
    request.sessionEnded = state.reason;
    clearSessionCookie(reply);
  }
  if (state.status !== 'active' || !token) return;
  request.identity = state.identity;
  const idleExpiresAt = await sessions.keepAlive(token, state);
  request.sessionTimes = { idleExpiresAt, absoluteExpiresAt: state.absoluteExpiresAt };
  // Read with the session: no look-up of its own on every page.
  request.identityName = state.identity.displayName;
}

async function enforce(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: RouteEntry,
  deps: GuardDependencies,
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
  if (allowed) return requirementsOf(request, reply, entry.requires, lang, deps);
  await auditDenied(deps.audit, identity, entry, request.id);
  if (isApi) return sendProblem(request, reply, 'forbidden', 403);
  const t = deps.renderer.i18n.translator(lang);
  return deps.renderer.send(request, reply, t, forbiddenPage(t, request.id), {
    alternateUrl: `/${otherLang(lang)}`,
    status: 403,
  });
}

function auditDenied(audit: AuditService, identity: Identity, entry: RouteEntry, correlationId: string) {
  return audit.record({
    actor:
      identity.kind === 'staff'
        ? { type: 'staff', id: identity.staffId, role: identity.roles.join(',') }
        : { type: 'person', id: identity.loginId },
    // Who tried: the person behind the sign-in (staff are named by the actor).
    subjectPersonId: identity.kind === 'person' ? identity.personId : null,
    action: 'authorization.denied',
    purpose: 'access-control',
    channel: 'online',
    outcome: 'denied',
    correlationId,
    details: { route: entry.path, method: entry.method, access: entry.access },
  });
}

/** A linked sign-in (else: link it first), then a fresh enough second factor (else: verify again). */
function requirementsOf(
  request: FastifyRequest,
  reply: FastifyReply,
  requires: RouteRequirements,
  lang: Lang,
  deps: GuardDependencies,
): FastifyReply | undefined {
  const identity = request.identity;
  if (identity?.kind !== 'person') return undefined;
  if (requires.linkedPerson && identity.personId === null)
    return reply.redirect(pathFor(identityPaths.link, lang), 303);
  if (!requires.stepUp) return undefined;
  // ASVS 7.5.1, 7.5.3; Login.gov `reauthn_window` 1,200 s: never longer than the configured window.
  const maxAge = Math.min(
    requires.stepUp.maxAgeSeconds ?? deps.config.reauthWindowSeconds,
    deps.config.reauthWindowSeconds,
  );
  const fresh =
    identity.secondFactorAt !== null &&
    deps.clock().getTime() - identity.secondFactorAt.getTime() <= maxAge * 1000;
  if (identity.assuranceLevel >= requires.stepUp.level && fresh) return undefined;
  return reply.redirect(stepUpUrl(request, requires.stepUp.level, lang), 303);
}

function stepUpUrl(request: FastifyRequest, level: number, lang: Lang): string {
  const returnTo =
    request.method === 'GET'
      ? request.url
      : request.headers.referer
        ? safeReturnPath(new URL(request.headers.referer, 'http://x').pathname)
        : null;
  const query = new URLSearchParams({ level: String(level), ...(returnTo ? { return: returnTo } : {}) });
  return `${pathFor(identityPaths.stepUp, lang)}?${query.toString()}`;
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
