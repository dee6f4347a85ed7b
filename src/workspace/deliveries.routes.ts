import { parseUuid } from '../platform/http/request-identity.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { Exchange } from '../exchange/index.ts';
import { workspacePaths } from './workspace.paths.ts';
import { deliveryQueuePage } from './views/deliveries.views.ts';

/** Deliveries of tell-us-once waiting or failing, for staff to watch and retry at once. */
export function registerDeliveryRoutes(
  routes: RouteTable,
  exchange: Pick<Exchange, 'service' | 'dispatcher'>,
): void {
  routes.page('GET', workspacePaths.deliveries, 'permission:staff.workspace', async (request, _reply, view) =>
    view.send(deliveryQueuePage(view.t, await exchange.service.queue(200), request.csrfToken())),
  );
  routes.page(
    'POST',
    workspacePaths.deliveryRetry,
    'permission:staff.workspace',
    async (request, _reply, view) => {
      const deliveryId = parseUuid((request.params as { deliveryId: string }).deliveryId);
      if (deliveryId) await exchange.service.retryNow(deliveryId);
      exchange.dispatcher.wake();
      return view.redirect(workspacePaths.deliveries);
    },
  );
}
