import type { FastifyInstance } from 'fastify';
import type { Lang, Translator } from '../platform/i18n/i18n.ts';
import type { PageRenderer } from '../platform/http/pages.ts';
import type { BilingualPath, RouteTable } from '../platform/http/route-table.ts';
import { html } from '../platform/views/html.ts';
import type { Page } from '../platform/views/layout.ts';
import { homePage } from './views/home.views.ts';

export const siteLocales = new URL('./locales/', import.meta.url);

export const sitePaths = {
  home: { en: '/en', fr: '/fr' },
  terms: { en: '/en/terms', fr: '/fr/avis' },
  privacy: { en: '/en/privacy', fr: '/fr/confidentialite' },
  accessibility: { en: '/en/accessibility', fr: '/fr/accessibilite' },
} satisfies Record<string, BilingualPath>;

/** The splash page, the home page and the site's own pages (terms, privacy, accessibility). */
export function registerSiteRoutes(app: FastifyInstance, routes: RouteTable, renderer: PageRenderer): void {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(splashPage(renderer)));
  routes.record('GET', '/', 'public');

  routes.page('GET', sitePaths.home, 'public', (_request, _reply, view) => view.send(homePage(view.t)));
  for (const [name, path] of [
    ['terms', sitePaths.terms],
    ['privacy', sitePaths.privacy],
    ['accessibility', sitePaths.accessibility],
  ] as const) {
    routes.page('GET', path, 'public', (_request, _reply, view) => view.send(textPage(view.t, name)));
  }
}

function splashPage(renderer: PageRenderer): string {
  const column = (lang: Lang) => {
    const t = renderer.i18n.translator(lang);
    return html`<h1 class="splash-title">${t.t('common.splashTitle')}</h1>
<p><a class="button button-primary" href="/${lang}">${t.t('common.splashEnglish')}</a></p>`;
  };
  return renderer.bilingual('Guichet - Canada.ca', column('en'), column('fr'));
}

function textPage(t: Translator, name: 'terms' | 'privacy' | 'accessibility'): Page {
  const paragraphs = {
    terms: [t.t('common.termsBody')],
    privacy: [t.t('common.privacyBody'), t.t('common.privacyRetention')],
    accessibility: [t.t('common.accessibilityBody'), t.t('common.accessibilityHelp')],
  }[name];
  const title = t.t(`common.${name}Title`);
  return { title, body: html`<h1>${title}</h1>${paragraphs.map((p) => html`<p>${p}</p>`)}` };
}
