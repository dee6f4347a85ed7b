import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { BilingualPath, RouteTable, ViewContext } from '../platform/http/route-table.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { staffOf } from '../platform/http/request-identity.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { SafeHtml } from '../platform/views/html.ts';
import type { DeliveryRecord } from './delivery-record.ts';
import type { HeldLetters } from './held-letters.ts';
import { inboxPaths } from './inbox.paths.ts';
import { deliveriesPage, deliveriesSection } from './views/deliveries.views.ts';
import { heldLettersPage } from './views/held-letters.views.ts';

/** The workspace's client file, seen from the inbox (the root wires workspace's `openClientFile`). */
export type OpenClientFile = (
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
) => Promise<{ readonly personId: string; readonly context: AccessContext } | null>;

export interface DeliveryRouteDependencies {
  readonly deliveries: DeliveryRecord;
  readonly held: HeldLetters;
  readonly openClientFile: OpenClientFile;
  readonly staffHome: BilingualPath;
  readonly clientFile: BilingualPath;
}

/**
 * Staff see the documents sent to a client, their notices and their paper letters, from the client file: under
 * the purpose stated for the file (else the purpose form first), each reading in the person's access log.
 */
export function registerDeliveryRoutes(routes: RouteTable, deps: DeliveryRouteDependencies): void {
  routes.page(
    'GET',
    inboxPaths.clientDeliveries,
    'permission:client.file.read',
    async (request, reply, view) => {
      const file = await deps.openClientFile(request, reply, view);
      if (!file) return reply;
      const lines = await deps.deliveries.of(file.personId, file.context);
      const clientFile = pathFor(deps.clientFile, view.lang, { personId: file.personId });
      const crumbs = [
        { href: pathFor(deps.staffHome, view.lang), label: view.t.t('inbox.deliveries.staffHome') },
        { href: clientFile, label: view.t.t('inbox.deliveries.clientFile') },
      ];
      return view.send(deliveriesPage(view.t, lines, crumbs, clientFile));
    },
  );
  // Staff who open client files see the letters held for want of an address, each linked to its client's
  // documents page (which asks for the purpose first); the listing is in each person's access log.
  routes.page('GET', inboxPaths.heldLetters, 'permission:client.file.read', async (request, _reply, view) => {
    const staff = staffOf(request);
    const letters = await deps.held.list({
      actor: { type: 'staff', id: staff.staffId, role: staff.roles.join(','), agencyId: staff.agencyId },
      channel: 'online',
      purpose: 'document-delivery',
      correlationId: request.id,
    });
    const staffHome = {
      href: pathFor(deps.staffHome, view.lang),
      label: view.t.t('inbox.deliveries.staffHome'),
    };
    return view.send(heldLettersPage(view.t, letters, [staffHome]));
  });
}

/** The client file's section linking to the page. */
export function clientDeliveriesSection() {
  return (personId: string, t: Translator): Promise<SafeHtml> =>
    Promise.resolve(deliveriesSection(t, pathFor(inboxPaths.clientDeliveries, t.lang, { personId })));
}
