import type { FastifyInstance } from 'fastify';
import { translator } from '../platform/i18n/i18n.ts';
import { notFoundHtml, sendPage, sendPageAt } from '../platform/http/pages.ts';
import { alternateFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import { cataloguePaths } from './catalogue.paths.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { programmeListPage, programmePage } from './views/catalogue.views.ts';

export function registerCatalogueRoutes(
  app: FastifyInstance,
  routes: RouteTable,
  catalogue: CatalogueService,
): void {
  routes.page(app, 'GET', cataloguePaths.list, 'public', async (request, reply, lang) => {
    const programmes = await catalogue.listProgrammes();
    return sendPageAt(
      request,
      reply,
      lang,
      cataloguePaths.list,
      programmeListPage(translator(lang), programmes),
    );
  });

  routes.page(app, 'GET', cataloguePaths.programme, 'public', async (request, reply, lang) => {
    const { slug } = request.params as { slug: string };
    const programme = await catalogue.findProgramme(lang, slug);
    if (!programme) return reply.code(404).type('text/html; charset=utf-8').send(notFoundHtml());
    const otherSlug = lang === 'en' ? programme.slug_fr : programme.slug_en;
    const alternate = alternateFor(request, cataloguePaths.programme, lang, { slug: otherSlug });
    return sendPage(request, reply, lang, alternate, programmePage(translator(lang), programme));
  });
}
