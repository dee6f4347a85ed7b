import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import {
  clearAuthRequestCookie,
  clearSessionCookie,
  setAuthRequestCookie,
  setSessionCookie,
} from './cookies.ts';
import { safeReturnPath } from './identity.guards.ts';
import { AUTH_REQUEST_COOKIE, CALLBACK_PATH, identityPaths, SESSION_COOKIE } from './identity.paths.ts';
import type { IdentityServices } from './identity.services.ts';
import { chooseProviderPage, staffSignInPage, stepUpPage } from './views/sign-in.views.ts';
import { sendSignInErrorPage, signedOutPage } from './views/status.views.ts';

type Query = Record<string, string | undefined>;

export function registerSignInRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: IdentityServices,
  config: Config,
): void {
  const { signIn } = services;
  routes.page(app, 'GET', identityPaths.signIn, 'public', (request, reply, lang) => {
    const query = request.query as Query;
    const page = chooseProviderPage(
      translator(lang),
      signIn.providers('person'),
      safeReturnPath(query.return),
      expiredOf(query),
    );
    return sendPageAt(request, reply, lang, identityPaths.signIn, page);
  });
  routes.page(app, 'GET', identityPaths.staffSignIn, 'public', (request, reply, lang) => {
    const query = request.query as Query;
    const page = staffSignInPage(
      translator(lang),
      signIn.providers('staff'),
      safeReturnPath(query.return),
      expiredOf(query),
    );
    return sendPageAt(request, reply, lang, identityPaths.staffSignIn, page);
  });
  routes.page(app, 'GET', identityPaths.signInWith, 'public', (request, reply, lang) =>
    startSignIn(request, reply, lang, services),
  );
  app.get(CALLBACK_PATH, (request, reply) => completeSignIn(request, reply, services, config));
  routes.record('GET', CALLBACK_PATH, 'public');
  routes.page(app, 'GET', identityPaths.stepUp, 'signed-in', (request, reply, lang) => {
    const identity = request.identity;
    const provider = identity?.kind === 'person' ? signIn.provider(identity.providerId) : undefined;
    const page = stepUpPage(translator(lang), provider, safeReturnPath((request.query as Query).return));
    return sendPageAt(request, reply, lang, identityPaths.stepUp, page);
  });
  routes.page(app, 'POST', identityPaths.signOut, 'public', (request, reply, lang) =>
    signOut(request, reply, lang, services, false),
  );
  routes.page(app, 'POST', identityPaths.signOutEverywhere, 'public', (request, reply, lang) =>
    signOut(request, reply, lang, services, true),
  );
  routes.page(app, 'GET', identityPaths.signedOut, 'public', (request, reply, lang) =>
    sendPageAt(
      request,
      reply,
      lang,
      identityPaths.signedOut,
      signedOutPage(lang, (request.query as Query).reason),
    ),
  );
}

function expiredOf(query: Query): string | null {
  return query.expired === 'idle' || query.expired === 'absolute' ? query.expired : null;
}

async function startSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
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
    const started = await services.signIn.start(provider.id, lang, intent, safeReturnPath(query.return));
    setAuthRequestCookie(reply, started.requestToken);
    return reply.redirect(started.redirect.href, 303);
  } catch (error) {
    request.log.warn(
      { event: 'identity.provider-unavailable', provider: provider.id, err: error },
      'identity provider unavailable',
    );
    return sendSignInErrorPage(request, reply, lang, 'provider-unavailable');
  }
}

async function completeSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  services: IdentityServices,
  config: Config,
): Promise<FastifyReply> {
  const callbackUrl = new URL(request.url, config.publicUrl);
  const outcome = await services.signIn.complete(
    request.cookies[AUTH_REQUEST_COOKIE],
    callbackUrl,
    request.identity,
    request.id,
  );
  clearAuthRequestCookie(reply);
  if (!outcome.ok) {
    request.log.warn({ event: 'identity.sign-in-failed', reason: outcome.reason }, 'sign-in failed');
    return sendSignInErrorPage(request, reply, outcome.lang, outcome.reason);
  }
  // ASVS 7.2.4: a brand-new session id at every sign-in and step-up; the old one was ended by the service.
  setSessionCookie(reply, outcome.sessionToken);
  const home = outcome.kind === 'staff' ? identityPaths.staffHome : identityPaths.myGuichet;
  return reply.redirect(outcome.returnTo ?? pathFor(home, outcome.lang), 303);
}

async function signOut(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
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
  const target = pathFor(identityPaths.signedOut, lang);
  return reply.redirect(everywhere ? `${target}?reason=everywhere` : target, 303);
}
