import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, otherLang } from '../i18n/i18n.ts';
import type { I18n, Lang, Translator } from '../i18n/i18n.ts';
import { html } from '../views/html.ts';
import type { HtmlValue, SafeHtml } from '../views/html.ts';
import { renderPage } from '../views/layout.ts';
import type { Page } from '../views/layout.ts';
import { canadaWordmark, gcSignature } from '../views/brand.ts';

export function langFromUrl(url: string): Lang | null {
  const first = url.split('?')[0]?.split('/')[1];
  return isLang(first) ? first : null;
}

/** What a module adds to every page's header (e.g. the signed-in menu), given by the composition root. */
export type HeaderExtension = (request: FastifyRequest, t: Translator) => SafeHtml | undefined;

/** Puts pages in the Canada.ca layout for one application: its catalogues and its header extensions. */
export interface PageRenderer {
  readonly i18n: I18n;
  /** Sends a page; `notice` is a confirmation carried from the previous request, already translated. */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    t: Translator,
    page: Page,
    options: { alternateUrl: string; status?: number; notice?: string },
  ): FastifyReply;
  /** A page with English and French side by side (the splash page, 404 for an unknown language). */
  bilingual(title: string, en: HtmlValue, fr: HtmlValue): string;
  notFoundHtml(): string;
  sendServerError(request: FastifyRequest, reply: FastifyReply, lang: Lang | null): FastifyReply;
}

export function createPageRenderer(i18n: I18n, header: readonly HeaderExtension[] = []): PageRenderer {
  const renderer: PageRenderer = {
    i18n,
    send(request, reply, t, page, { alternateUrl, status = 200, notice }) {
      const extras = header.map((extension) => extension(request, t)).filter(Boolean);
      const context = {
        t,
        nonce: request.cspNonce,
        alternateUrl,
        csrfToken: request.csrfToken(),
        headerExtra: html`${extras}`,
        ...(notice === undefined ? {} : { notice }),
      };
      return reply.code(status).type('text/html; charset=utf-8').send(renderPage(context, page));
    },
    bilingual: renderBilingualPage,
    notFoundHtml: () => notFoundHtml(i18n),
    sendServerError(request, reply, lang) {
      const column = (l: Lang) => serverErrorColumn(i18n.translator(l), request.id);
      if (lang === null)
        return reply
          .code(500)
          .type('text/html; charset=utf-8')
          .send(renderBilingualPage('Error / Erreur', column('en'), column('fr')));
      const t = i18n.translator(lang);
      const page = { title: t.t('errors.serverErrorTitle'), body: column(lang) };
      return renderer.send(request, reply, t, page, { alternateUrl: `/${otherLang(lang)}`, status: 500 });
    },
  };
  return renderer;
}

function serverErrorColumn(t: Translator, reference: string): SafeHtml {
  return html`<h1>${t.t('errors.serverErrorTitle')}</h1><p>${t.t('errors.serverErrorBody')}</p>
<p>${t.t('errors.serverErrorReference', { reference })}</p><p>${t.t('errors.helpPhone')}</p>`;
}

function renderBilingualPage(title: string, en: HtmlValue, fr: HtmlValue): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/gcds/fonts.css">
<link rel="stylesheet" href="/assets/gcds/tokens.css">
<link rel="stylesheet" href="/assets/guichet.css">
</head>
<body class="bilingual">
<header class="gc-header"><div class="container header-row">${gcSignature('en')}<span class="visually-hidden" lang="fr">Gouvernement du Canada</span></div></header>
<main id="main-content" class="container bilingual-main">
<section class="bilingual-col" lang="en">${en}</section>
<section class="bilingual-col" lang="fr">${fr}</section>
</main>
<footer class="gc-footer"><div class="footer-main"><div class="container footer-row">${canadaWordmark()}</div></div></footer>
</body>
</html>`.value
  }\n`;
}

function notFoundHtml(i18n: I18n): string {
  const column = (lang: Lang) => {
    const t = i18n.translator(lang);
    return html`<h1>${t.t('errors.notFoundTitle')}</h1>
<p>${t.t('errors.notFoundBody')}</p>
<p><a href="/${lang}">${t.t('errors.notFoundNext')}</a></p>
<p>${t.t('errors.helpPhone')}</p>`;
  };
  const title = (lang: Lang) => i18n.translator(lang).t('errors.notFoundTitle');
  return renderBilingualPage(`${title('en')} / ${title('fr')}`, column('en'), column('fr'));
}
