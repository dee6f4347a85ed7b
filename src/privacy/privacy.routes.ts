import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { RouteTable } from '../platform/http/route-table.ts';
import { linkedPersonId, readerTimeZone } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { Crumb } from '../exchange/index.ts';
import type { MyDataFormat, PrivacyService } from './privacy.service.ts';
import { privacyPaths } from './privacy.paths.ts';
import { toMyDataExport } from './my-data-export.ts';
import { myDataLetter } from './my-data-letter.ts';
import { accessLogPage, myDataPage } from './views/privacy.views.ts';

export interface PrivacyRouteDependencies {
  readonly privacy: PrivacyService;
  /** Where these pages sit in the site, given by the root (the person's signed-in home). */
  readonly crumbs: (t: Translator) => readonly Crumb[];
}

const LINKED = { linkedPerson: true } as const;
/** Committed with the code and served as is: the documentation of every key of the JSON download. */
export const MY_DATA_SCHEMA = new URL('./data/my-data.schema.json', import.meta.url);

/** The person's access log, and everything Guichet holds about them as a page, a PDF and a JSON download. */
export function registerPrivacyRoutes(
  routes: RouteTable,
  { privacy, crumbs }: PrivacyRouteDependencies,
): void {
  const mine = (request: FastifyRequest, format: MyDataFormat) => {
    const personId = linkedPersonId(request);
    return privacy.downloadMyData(personId, selfContext(request, personId), format, readerTimeZone(request));
  };
  routes.page(
    'GET',
    privacyPaths.accessLog,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const timeZone = readerTimeZone(request);
      const [entries, agencies] = await Promise.all([
        privacy.accessLog(personId, timeZone),
        privacy.agencyNames(),
      ]);
      return view.send(accessLogPage(view.t, entries, agencies, crumbs(view.t), timeZone));
    },
    LINKED,
  );

  routes.page(
    'GET',
    privacyPaths.myData,
    'signed-in',
    async (request, _reply, view) => {
      const data = await mine(request, 'page');
      return view.send(
        myDataPage(view.t, data, await privacy.agencyNames(), crumbs(view.t), readerTimeZone(request)),
      );
    },
    LINKED,
  );

  routes.page(
    'GET',
    privacyPaths.myDataJson,
    'signed-in',
    async (request, reply, view) => {
      const data = toMyDataExport(await mine(request, 'json'), view.path(privacyPaths.myDataSchema));
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${view.t.t('privacy.myData.fileName')}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
    LINKED,
  );

  routes.page(
    'GET',
    privacyPaths.myDataPdf,
    'signed-in',
    async (request, reply, view) => {
      const letter = myDataLetter(
        view.t,
        await mine(request, 'pdf'),
        await privacy.agencyNames(),
        readerTimeZone(request),
      );
      const pdf = await renderLetter(letter, 'pdf');
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${view.t.t('privacy.myData.fileName')}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
    LINKED,
  );

  const schema = readFileSync(MY_DATA_SCHEMA, 'utf8');
  routes.page('GET', privacyPaths.myDataSchema, 'public', async (_request, reply) =>
    reply.type('application/schema+json; charset=utf-8').send(schema),
  );
}
