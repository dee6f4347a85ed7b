import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config.ts';
import { formView } from '../platform/forms/form-view.ts';
import type { FieldErrors } from '../platform/forms/form-memory.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { personOf } from '../platform/http/request-identity.ts';
import type { RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { safeReturnPath } from '../platform/http/safe-path.ts';
import { BACKCHANNEL_PATH, identityPaths } from './identity.paths.ts';
import { parseCodeForm, parseLinkForm } from './identity.schemas.ts';
import type { IdentityServices } from './identity.services.ts';
import type { Homes } from './sign-in.routes.ts';
import { linkCodePage, linkHelpPage, linkPage, mailboxPage } from './views/linking.views.ts';
import { noSessionPage, sessionPage } from './views/session.views.ts';

export const identityNotices = defineNotices('identity.notices', [
  'linked',
  'letterSent',
  'loginRemoved',
  'loginNotRemoved',
]);

export interface AccountRouteDependencies {
  readonly app: FastifyInstance;
  readonly services: IdentityServices;
  readonly config: Config;
  readonly homes: Homes;
}

type Body = Record<string, unknown>;
const LINK_FORM = 'identity.link';
const CODE_FORM = 'identity.link-code';

/** Linking a sign-in to the register, removing a sign-in method, the session page and the back-channel. */
export function registerAccountRoutes(routes: RouteTable, deps: AccountRouteDependencies): void {
  registerLinkRoutes(routes, deps);
  registerSessionRoutes(routes);
  const { services, config, homes } = deps;
  routes.page(
    'POST',
    identityPaths.removeLogin,
    'signed-in',
    async (request, _reply, view) => {
      const { loginId } = request.params as { loginId: string };
      const identity = personOf(request);
      const removed =
        identity.personId !== null &&
        loginId !== identity.loginId &&
        (await services.linking.removeLogin(identity.personId, loginId, request.id));
      const notice = removed ? identityNotices.loginRemoved : identityNotices.loginNotRemoved;
      return view.redirect(homes.person, { notice });
    },
    { stepUp: { level: 2, maxAgeSeconds: config.identity.reauthWindowSeconds } },
  );
  if (config.identity.developmentPages)
    routes.page('GET', identityPaths.mailbox, 'public', async (_request, _reply, view) =>
      view.send(mailboxPage(view.t, await services.letters(50))),
    );
  deps.app.post(BACKCHANNEL_PATH, async (request, reply) => {
    const { provider } = request.params as { provider: string };
    const token = (request.body as Record<string, unknown> | undefined)?.logout_token;
    const result = await services.backchannel.logout(provider, token, request.id);
    void reply.header('cache-control', 'no-store');
    return result.ok ? reply.code(200).send() : reply.code(400).send({ error: 'invalid_request' });
  });
  routes.record('POST', BACKCHANNEL_PATH, 'public');
}

function registerLinkRoutes(routes: RouteTable, { services, homes }: AccountRouteDependencies): void {
  routes.page('GET', identityPaths.link, 'signed-in', async (request, _reply, view) => {
    if (personOf(request).personId) return view.redirect(homes.person);
    const form = formView(view.t, 'identity', request.csrfToken(), await view.recall(LINK_FORM));
    return view.send(linkPage(form));
  });
  routes.page('POST', identityPaths.link, 'signed-in', async (request, _reply, view) => {
    const form = parseLinkForm(request.body as Body | undefined);
    if (!form.ok) return view.refuse(LINK_FORM, { values: form.kept, errors: linkErrors(form.errors) });
    const result = await services.linking.requestLetter(
      personOf(request).loginId,
      form.sin,
      form.birthDate,
      request.id,
    );
    if (result === 'locked') return view.redirect(identityPaths.linkHelp);
    if (result === 'invalid')
      return view.refuse(LINK_FORM, { values: form.kept, errors: linkErrors(['sin.invalid']) });
    await view.accept(LINK_FORM);
    return view.redirect(identityPaths.linkCode, { notice: identityNotices.letterSent });
  });
  routes.page('GET', identityPaths.linkCode, 'signed-in', async (request, _reply, view) => {
    const form = formView(view.t, 'identity', request.csrfToken(), await view.recall(CODE_FORM));
    return view.send(linkCodePage(form));
  });
  routes.page('POST', identityPaths.linkCode, 'signed-in', (request, _reply, view) =>
    submitCode(request, view, services, homes),
  );
  routes.page('GET', identityPaths.linkHelp, 'signed-in', (request, _reply, view) =>
    view.send(linkHelpPage(view.t, request.id, homes.person)),
  );
}

async function submitCode(
  request: FastifyRequest,
  view: ViewContext,
  services: IdentityServices,
  homes: Homes,
) {
  const code = parseCodeForm(request.body as Body | undefined);
  const refuse = (error: string) =>
    view.refuse(CODE_FORM, { values: {}, errors: { code: `identity.link.error.code.${error}` } });
  if (code === null) return refuse('format');
  const result = await services.linking.confirmCode(personOf(request).loginId, code, request.id);
  if (result.status === 'locked') return view.redirect(identityPaths.linkHelp);
  if (result.status !== 'linked') return refuse(result.status === 'no-code' ? 'none' : 'wrong');
  await view.accept(CODE_FORM);
  return view.redirect(homes.person, { notice: identityNotices.linked });
}

/** `sin.required` → the SIN field's message; `birthDate.invalid` → the date's, under `identity.link.error`. */
function linkErrors(codes: readonly string[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const code of codes) {
    const field = code.startsWith('birthDate.') ? 'birth' : (code.split('.')[0] ?? 'sin');
    errors[field] ??= `identity.link.error.${code}`;
  }
  return errors;
}

/** Staff and people both extend their sessions here, so the route checks for any identity itself. */
function registerSessionRoutes(routes: RouteTable): void {
  routes.page('GET', identityPaths.session, 'public', (request, _reply, view) => {
    const returnTo = safeReturnPath((request.query as Record<string, string>).return);
    const page =
      request.identity && request.sessionTimes
        ? sessionPage(view.t, request.sessionTimes, request.identity.timeZone, request.csrfToken(), returnTo)
        : noSessionPage(view.t);
    return view.send(page);
  });
  // The session was already extended by this request reaching the server (identity.guards.ts touches it).
  routes.page('POST', identityPaths.session, 'public', (request, _reply, view) => {
    if (!request.identity) return view.redirect(identityPaths.session);
    return view.redirect(safeReturnPath((request.body as Body | undefined)?.return) ?? identityPaths.session);
  });
}
