import type { RouteTable } from '../platform/http/route-table.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { Crumb } from '../exchange/index.ts';
import type { PrivacyService } from './privacy.service.ts';
import { privacyPaths } from './privacy.paths.ts';
import { accessLogPage, myDataPage } from './views/privacy.views.ts';
import type { MyData } from './views/privacy.views.ts';

export interface PrivacyRouteDependencies {
  readonly privacy: PrivacyService;
  /** Where these pages sit in the site, given by the root (the person's signed-in home). */
  readonly crumbs: (t: Translator) => readonly Crumb[];
}

const LINKED = { linkedPerson: true } as const;

/** The person's access log, and everything Guichet holds about them as a page and as a JSON download. */
export function registerPrivacyRoutes(
  routes: RouteTable,
  { privacy, crumbs }: PrivacyRouteDependencies,
): void {
  routes.page(
    'GET',
    privacyPaths.accessLog,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const [entries, agencies] = await Promise.all([privacy.accessLog(personId), privacy.agencyNames()]);
      return view.send(accessLogPage(view.t, entries, agencies, crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'GET',
    privacyPaths.myData,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const data = (await privacy.downloadMyData(
        personId,
        selfContext(request, personId),
      )) as unknown as MyData;
      return view.send(myDataPage(view.t, data, await privacy.agencyNames(), crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'GET',
    privacyPaths.myDataJson,
    'signed-in',
    async (request, reply) => {
      const personId = linkedPersonId(request);
      const data = await privacy.downloadMyData(personId, selfContext(request, personId));
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="guichet-my-data.json"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
    LINKED,
  );
}
