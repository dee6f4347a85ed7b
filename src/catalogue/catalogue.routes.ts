import { alternateFor } from '../platform/http/route-table.ts';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { PageRenderer } from '../platform/http/pages.ts';
import { cataloguePaths } from './catalogue.paths.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { guideFor } from './programme-guide.ts';
import type { GuidePorts } from './programme-guide.ts';
import { programmeListPage, programmePage } from './views/catalogue.views.ts';

/**
 * The public list of programmes and a page for each: who can get it, how much (today's parameters), when it
 * is paid, what you need, how long it takes, how to apply and ask for a review, and the law behind it.
 */
export function registerCatalogueRoutes(
  routes: RouteTable,
  catalogue: CatalogueService,
  renderer: PageRenderer,
  ports: GuidePorts,
): void {
  routes.page('GET', cataloguePaths.list, 'public', async (_request, _reply, view) =>
    view.send(programmeListPage(view.t, await catalogue.listProgrammes())),
  );

  routes.page('GET', cataloguePaths.programme, 'public', async (request, reply, view) => {
    const { slug } = request.params as { slug: string };
    const programme = await catalogue.findProgramme(view.lang, slug);
    if (!programme) return reply.code(404).type('text/html; charset=utf-8').send(renderer.notFoundHtml());
    const otherSlug = view.lang === 'en' ? programme.slug_fr : programme.slug_en;
    const alternateUrl = alternateFor(request, cataloguePaths.programme, view.lang, { slug: otherSlug });
    const guide = guideFor(programme.id, ports.clock().toISOString().slice(0, 10), ports);
    return view.send(programmePage(view.t, programme, guide, ports), { alternateUrl });
  });
}
