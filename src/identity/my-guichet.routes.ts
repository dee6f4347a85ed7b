import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { PersonIdentity } from '../platform/http/request-identity.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { setFlash, takeFlash } from './flash.ts';
import { requireStepUp, safeReturnPath } from './identity.guards.ts';
import { identityPaths } from './identity.paths.ts';
import type { IdentityServices } from './identity.services.ts';
import { parseCodeForm, parseLinkForm } from './identity.schemas.ts';
import { linkCodePage, linkHelpPage, linkPage, mailboxPage } from './views/linking.views.ts';
import { myGuichetPage, noSessionPage, sessionPage } from './views/my-guichet.views.ts';

type Body = Record<string, unknown>;

function person(request: FastifyRequest): PersonIdentity {
  if (request.identity?.kind !== 'person')
    throw new Error('signed-in route reached without a person identity');
  return request.identity;
}

export function registerMyGuichetRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: IdentityServices,
  config: Config,
): void {
  const providerName = (lang: Lang) => (id: string) => {
    const provider = services.signIn.provider(id);
    return provider ? (lang === 'fr' ? provider.nameFr : provider.nameEn) : id;
  };
  routes.page(app, 'GET', identityPaths.myGuichet, 'signed-in', async (request, reply, lang) => {
    const identity = person(request);
    const logins = identity.personId ? await services.linking.listLogins(identity.personId) : [];
    const flash = takeFlash(request, reply);
    const page = myGuichetPage(translator(lang), {
      identity,
      personName: identity.displayName,
      provider: services.signIn.provider(identity.providerId),
      logins,
      providerName: providerName(lang),
      csrf: request.csrfToken(),
      notice: flash.notice,
    });
    return sendPageAt(request, reply, lang, identityPaths.myGuichet, page);
  });
  registerSessionRoutes(app, routes);
  registerLinkRoutes(app, routes, services);
  routes.page(app, 'POST', identityPaths.removeLogin, 'signed-in', async (request, reply, lang) => {
    if (!requireStepUp(request, reply, { level: 2, maxAgeSeconds: config.identity.reauthWindowSeconds }))
      return reply;
    const { loginId } = request.params as { loginId: string };
    const identity = person(request);
    const removed =
      identity.personId !== null &&
      loginId !== identity.loginId &&
      (await services.linking.removeLogin(identity.personId, loginId, request.id));
    setFlash(reply, { notice: removed ? 'loginRemoved' : 'loginNotRemoved' });
    return reply.redirect(pathFor(identityPaths.myGuichet, lang), 303);
  });
  if (config.identity.developmentPages) {
    routes.page(app, 'GET', identityPaths.mailbox, 'public', async (request, reply, lang) =>
      sendPageAt(
        request,
        reply,
        lang,
        identityPaths.mailbox,
        mailboxPage(translator(lang), await services.people.letters(50)),
      ),
    );
  }
}

/** Staff and people both extend their sessions here, so the route checks for any identity itself. */
function registerSessionRoutes(app: FastifyInstance, routes: RouteTable): void {
  routes.page(app, 'GET', identityPaths.session, 'public', (request, reply, lang) => {
    const page =
      request.identity && request.sessionTimes
        ? sessionPage(
            translator(lang),
            request.sessionTimes,
            request.csrfToken(),
            safeReturnPath((request.query as Record<string, string>).return),
          )
        : noSessionPage(translator(lang));
    return sendPageAt(request, reply, lang, identityPaths.session, page);
  });
  // The session was already extended by this request reaching the server (identity.guards.ts touches it).
  routes.page(app, 'POST', identityPaths.session, 'public', (request, reply, lang) => {
    if (!request.identity) return reply.redirect(pathFor(identityPaths.session, lang), 303);
    return reply.redirect(
      safeReturnPath((request.body as Body | undefined)?.return) ?? pathFor(identityPaths.session, lang),
      303,
    );
  });
}

function registerLinkRoutes(app: FastifyInstance, routes: RouteTable, services: IdentityServices): void {
  routes.page(app, 'GET', identityPaths.link, 'signed-in', (request, reply, lang) => {
    if (person(request).personId) return reply.redirect(pathFor(identityPaths.myGuichet, lang), 303);
    return sendPageAt(
      request,
      reply,
      lang,
      identityPaths.link,
      linkPage(translator(lang), takeFlash(request, reply), request.csrfToken()),
    );
  });
  routes.page(app, 'POST', identityPaths.link, 'signed-in', (request, reply, lang) =>
    submitLink(request, reply, lang, services),
  );
  routes.page(app, 'GET', identityPaths.linkCode, 'signed-in', (request, reply, lang) =>
    sendPageAt(
      request,
      reply,
      lang,
      identityPaths.linkCode,
      linkCodePage(translator(lang), takeFlash(request, reply), request.csrfToken()),
    ),
  );
  routes.page(app, 'POST', identityPaths.linkCode, 'signed-in', (request, reply, lang) =>
    submitCode(request, reply, lang, services),
  );
  routes.page(app, 'GET', identityPaths.linkHelp, 'signed-in', (request, reply, lang) =>
    sendPageAt(request, reply, lang, identityPaths.linkHelp, linkHelpPage(translator(lang), request.id)),
  );
}

async function submitLink(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  services: IdentityServices,
): Promise<FastifyReply> {
  const identity = person(request);
  const form = parseLinkForm(request.body as Body | undefined);
  if (!form.ok) {
    setFlash(reply, { errors: form.errors, values: form.kept });
    return reply.redirect(pathFor(identityPaths.link, lang), 303);
  }
  const result = await services.linking.requestLetter(identity.loginId, form.sin, form.birthDate, request.id);
  if (result === 'locked') return reply.redirect(pathFor(identityPaths.linkHelp, lang), 303);
  if (result === 'invalid') {
    setFlash(reply, { errors: ['sin.invalid'], values: form.kept });
    return reply.redirect(pathFor(identityPaths.link, lang), 303);
  }
  setFlash(reply, { notice: 'letterSent' });
  return reply.redirect(pathFor(identityPaths.linkCode, lang), 303);
}

async function submitCode(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  services: IdentityServices,
): Promise<FastifyReply> {
  const identity = person(request);
  const code = parseCodeForm(request.body as Body | undefined);
  if (code === null) {
    setFlash(reply, { errors: ['code.format'] });
    return reply.redirect(pathFor(identityPaths.linkCode, lang), 303);
  }
  const result = await services.linking.confirmCode(identity.loginId, code, request.id);
  if (result.status === 'linked') {
    setFlash(reply, { notice: 'linked' });
    return reply.redirect(pathFor(identityPaths.myGuichet, lang), 303);
  }
  if (result.status === 'locked') return reply.redirect(pathFor(identityPaths.linkHelp, lang), 303);
  setFlash(reply, { errors: [result.status === 'no-code' ? 'code.none' : 'code.wrong'] });
  return reply.redirect(pathFor(identityPaths.linkCode, lang), 303);
}
