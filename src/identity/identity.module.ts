import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config/config.ts';
import { registerLocales } from '../platform/i18n/i18n.ts';
import { addHeaderExtension } from '../platform/http/pages.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { registerIdentityHooks } from './identity.guards.ts';
import { BACKCHANNEL_PATH } from './identity.paths.ts';
import type { IdentityServices } from './identity.services.ts';
import { registerMyGuichetRoutes } from './my-guichet.routes.ts';
import { registerSignInRoutes } from './sign-in.routes.ts';
import { registerStaffRoutes } from './staff.routes.ts';
import { signedInMenu } from './views/header.views.ts';

registerLocales(new URL('./locales/', import.meta.url));

let headerRegistered = false;

/** Sessions, sign-in, My Guichet, account linking and the staff workspace, all behind the route table's rules. */
export function registerIdentity(
  app: FastifyInstance,
  routes: RouteTable,
  services: IdentityServices,
  config: Config,
  clock: () => Date,
): void {
  registerIdentityHooks(app, routes, {
    config: config.identity,
    sessions: services.sessions,
    staff: services.staff,
    audit: services.audit,
    clock,
  });
  if (!headerRegistered) {
    // The header extension list is process-wide; the menu reads everything it needs from the request.
    const timing = {
      warningSeconds: config.identity.idleWarningSeconds,
      idleSeconds: config.identity.idleTimeoutSeconds,
    };
    addHeaderExtension((request, lang) => signedInMenu(request, lang, timing));
    headerRegistered = true;
  }
  registerSignInRoutes(app, routes, services, config);
  registerMyGuichetRoutes(app, routes, services, config);
  registerStaffRoutes(app, routes, services);
  app.post(BACKCHANNEL_PATH, async (request, reply) => {
    const { provider } = request.params as { provider: string };
    const result = await services.backchannel.logout(
      provider,
      (request.body as Record<string, unknown> | undefined)?.logout_token,
      request.id,
    );
    void reply.header('cache-control', 'no-store');
    return result.ok ? reply.code(200).send() : reply.code(400).send({ error: 'invalid_request' });
  });
  routes.record('POST', BACKCHANNEL_PATH, 'public');
}
