import type { FastifyInstance } from 'fastify';
import { translator } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { renderBilingualPage, sendPageAt } from '../platform/http/pages.ts';
import type { BilingualPath, RouteTable } from '../platform/http/route-table.ts';
import { html } from '../platform/views/html.ts';
import { homePage } from './views/home.views.ts';

export const sitePaths = {
  home: { en: '/en', fr: '/fr' },
  terms: { en: '/en/terms', fr: '/fr/avis' },
  privacy: { en: '/en/privacy', fr: '/fr/confidentialite' },
  accessibility: { en: '/en/accessibility', fr: '/fr/accessibilite' },
} satisfies Record<string, BilingualPath>;

export function registerSiteRoutes(app: FastifyInstance, routes: RouteTable): void {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(splashPage()));
  routes.record('GET', '/', 'public');

  routes.page(app, 'GET', sitePaths.home, 'public', (request, reply, lang) =>
    sendPageAt(request, reply, lang, sitePaths.home, homePage(translator(lang))),
  );
  for (const [name, path] of [
    ['terms', sitePaths.terms],
    ['privacy', sitePaths.privacy],
    ['accessibility', sitePaths.accessibility],
  ] as const) {
    routes.page(app, 'GET', path, 'public', (request, reply, lang) =>
      sendPageAt(request, reply, lang, path, textPage(lang, name)),
    );
  }
}

function splashPage(): string {
  const column = (lang: Lang) => {
    const t = translator(lang);
    return html`<h1 class="splash-title">${t.t('common.splashTitle')}</h1>
<p><a class="button button-primary" href="/${lang}">${t.t('common.splashEnglish')}</a></p>`;
  };
  return renderBilingualPage('Guichet - Canada.ca', column('en'), column('fr'));
}

function textPage(lang: Lang, name: 'terms' | 'privacy' | 'accessibility') {
  const t = translator(lang);
  const paragraphs = {
    terms: [t.t('common.termsBody')],
    privacy: [t.t('common.privacyBody'), t.t('common.privacyRetention')],
    accessibility: [t.t('common.accessibilityBody'), t.t('common.accessibilityHelp')],
  }[name];
  const title = t.t(`common.${name}Title`);
  return { title, body: html`<h1>${title}</h1>${paragraphs.map((p) => html`<p>${p}</p>`)}` };
}
