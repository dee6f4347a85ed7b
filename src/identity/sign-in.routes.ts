import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config.ts';
import type { PageRenderer } from '../platform/http/pages.ts';
import { otherLang } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { BilingualPath, RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { safeReturnPath } from '../platform/http/safe-path.ts';
import {
  clearAuthRequestCookie,
  clearSessionCookie,
  setAuthRequestCookie,
  setSessionCookie,
} from './cookies.ts';
import { AUTH_REQUEST_COOKIE, CALLBACK_PATH, identityPaths, SESSION_COOKIE } from './identity.paths.ts';
import type { IdentityServices } from './identity.services.ts';
import { chooseProviderPage, staffSignInPage, stepUpPage } from './views/sign-in.views.ts';
import { signedOutPage, signInErrorPage } from './views/status.views.ts';

type Query = Record<string, string | undefined>;

/** Where each kind of user lands after signing in: given by the root (the portal and the workspace). */
export interface Homes {
  readonly person: BilingualPath;
  readonly staff: BilingualPath;
}

export interface SignInRouteDependencies {
  readonly app: FastifyInstance;
  readonly services: IdentityServices;
  readonly config: Config;
  readonly renderer: PageRenderer;
  readonly homes: Homes;
}

export function registerSignInRoutes(routes: RouteTable, deps: SignInRouteDependencies): void {
  const { signIn } = deps.services;
  routes.page('GET', identityPaths.signIn, 'public', (request, _reply, view) => {
    const query = request.query as Query;
    const providers = signIn.providers('person');
    return view.send(chooseProviderPage(view.t, providers, safeReturnPath(query.return), expiredOf(query)));
  });
  routes.page('GET', identityPaths.staffSignIn, 'public', (request, _reply, view) => {
    const query = request.query as Query;
    const providers = signIn.providers('staff');
    return view.send(staffSignInPage(view.t, providers, safeReturnPath(query.return), expiredOf(query)));
  });
  routes.page('GET', identityPaths.signInWith, 'public', (request, reply, view) =>
    startSignIn(request, reply, view, deps.services),
  );
  deps.app.get(CALLBACK_PATH, (request, reply) => completeSignIn(request, reply, deps));
  routes.record('GET', CALLBACK_PATH, 'public');
  routes.page('GET', identityPaths.stepUp, 'signed-in', (request, _reply, view) => {
    const identity = request.identity;
    const provider = identity?.kind === 'person' ? signIn.provider(identity.providerId) : undefined;
    const returnTo = safeReturnPath((request.query as Query).return);
    return view.send(stepUpPage(view.t, provider, returnTo, deps.homes.person));
  });
  routes.page('POST', identityPaths.signOut, 'public', (request, reply, view) =>
    signOut(request, reply, view, deps.services, false),
  );
  routes.page('POST', identityPaths.signOutEverywhere, 'public', (request, reply, view) =>
    signOut(request, reply, view, deps.services, true),
  );
  routes.page('GET', identityPaths.signedOut, 'public', (request, _reply, view) =>
    view.send(signedOutPage(view.t, (request.query as Query).reason)),
  );
}

function expiredOf(query: Query): string | null {
  return query.expired === 'idle' || query.expired === 'absolute' ? query.expired : null;
}

async function startSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  services: IdentityServices,
): Promise<FastifyReply> {
  const { provider: providerId } = request.params as { provider: string };
  const query = request.query as Query;
  const provider = services.signIn.provider(providerId);
  if (!provider) {
    reply.callNotFound();
    return reply;
  }
  const intent = query.intent === 'step-up' && request.identity?.kind === 'person' ? 'step-up' : 'sign-in';
  try {
    const started = await services.signIn.start(provider.id, view.lang, intent, safeReturnPath(query.return));
    setAuthRequestCookie(reply, started.requestToken);
    return reply.redirect(started.redirect.href, 303);
  } catch (error) {
    request.log.warn(
      { event: 'identity.provider-unavailable', provider: provider.id, err: error },
      'identity provider unavailable',
    );
    const { page, status } = signInErrorPage(view.t, 'provider-unavailable', request.id);
    return view.send(page, { status });
  }
}

async function completeSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: SignInRouteDependencies,
): Promise<FastifyReply> {
  const callbackUrl = new URL(request.url, deps.config.publicUrl);
  const outcome = await deps.services.signIn.complete(
    request.cookies[AUTH_REQUEST_COOKIE],
    callbackUrl,
    request.identity,
    request.id,
  );
  clearAuthRequestCookie(reply);
  if (!outcome.ok) {
    request.log.warn({ event: 'identity.sign-in-failed', reason: outcome.reason }, 'sign-in failed');
    return sendSignInError(request, reply, deps.renderer, outcome.lang, outcome.reason);
  }
  // ASVS 7.2.4: a brand-new session id at every sign-in and step-up; the old one was ended by the service.
  setSessionCookie(reply, outcome.sessionToken);
  const home = outcome.kind === 'staff' ? deps.homes.staff : deps.homes.person;
  return reply.redirect(outcome.returnTo ?? pathFor(home, outcome.lang), 303);
}

function sendSignInError(
  request: FastifyRequest,
  reply: FastifyReply,
  renderer: PageRenderer,
  lang: Lang,
  reason: string,
): FastifyReply {
  const t = renderer.i18n.translator(lang);
  const { page, status } = signInErrorPage(t, reason, request.id);
  const alternateUrl = pathFor(identityPaths.signIn, otherLang(lang));
  return renderer.send(request, reply, t, page, { alternateUrl, status });
}

async function signOut(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  services: IdentityServices,
  everywhere: boolean,
): Promise<FastifyReply> {
  const identity = request.identity;
  const token = request.cookies[SESSION_COOKIE];
  if (identity && token) {
    if (everywhere && identity.kind === 'staff')
      await services.sessions.endForStaff(identity.staffId, 'sign-out-everywhere');
    else if (everywhere && identity.kind === 'person') {
      const logins = identity.personId ? await services.linking.listLogins(identity.personId) : [];
      await services.sessions.endForLogins(
        [identity.loginId, ...logins.map((l) => l.id)],
        'sign-out-everywhere',
      );
    } else await services.sessions.end(token, 'sign-out');
    await services.audit.record({
      actor:
        identity.kind === 'staff'
          ? { type: 'staff', id: identity.staffId }
          : { type: 'person', id: identity.loginId },
      subjectPersonId: identity.kind === 'person' ? identity.personId : null,
      action: everywhere ? 'identity.sign-out-everywhere' : 'identity.sign-out',
      purpose: 'authentication',
      channel: 'online',
      outcome: 'success',
      correlationId: request.id,
    });
  }
  clearSessionCookie(reply);
  // The browser forgets what it kept of the session: a shared computer shows nothing to the next person.
  void reply.header('clear-site-data', '"cache", "cookies", "storage"');
  const target = view.path(identityPaths.signedOut);
  return reply.redirect(everywhere ? `${target}?reason=everywhere` : target, 303);
}
