import type { FastifyInstance } from 'fastify';
import type { RouteTable } from '../platform/http/route-table.ts';
import { sendPageAt } from '../platform/http/pages.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { ClientRecordServices } from '../registry/registry.module.ts';
import { registryPaths } from '../registry/registry.paths.ts';
import { linkedPersonId, selfContext } from '../registry/registry.http.ts';
import { accessLogPage, myDataPage } from './views/privacy.views.ts';
import type { MyData } from './views/privacy.views.ts';

export function registerPrivacyRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  services: ClientRecordServices,
): void {
  const { privacy } = services;
  routes.page(app, 'GET', registryPaths.accessLog, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const page = accessLogPage(
      translator(lang),
      await privacy.accessLog(personId),
      await privacy.agencyNames(),
    );
    return sendPageAt(request, reply, lang, registryPaths.accessLog, page);
  });
  routes.page(app, 'GET', registryPaths.myData, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const data = (await privacy.downloadMyData(
      personId,
      selfContext(request, personId),
    )) as unknown as MyData;
    const page = myDataPage(translator(lang), data, await privacy.agencyNames());
    return sendPageAt(request, reply, lang, registryPaths.myData, page);
  });
  routes.page(app, 'GET', registryPaths.myDataJson, 'signed-in', async (request, reply, lang) => {
    const personId = linkedPersonId(request, reply, lang);
    if (!personId) return reply;
    const data = await privacy.downloadMyData(personId, selfContext(request, personId));
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="guichet-my-data.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
}
