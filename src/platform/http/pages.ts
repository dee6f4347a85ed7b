import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, otherLang, translator } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/i18n.ts';
import { html } from '../views/html.ts';
import type { HtmlValue, SafeHtml } from '../views/html.ts';
import { renderPage } from '../views/layout.ts';
import type { Page, PageContext } from '../views/layout.ts';
import { canadaWordmark, gcSignature } from '../views/brand.ts';
import { alternateFor } from './route-table.ts';
import type { BilingualPath } from './route-table.ts';

export function langFromUrl(url: string): Lang | null {
  const first = url.split('?')[0]?.split('/')[1];
  return isLang(first) ? first : null;
}

/** Hooks other domains use to add to every page's header (e.g. the signed-in menu). */
export type HeaderExtension = (request: FastifyRequest, lang: Lang) => SafeHtml | undefined;
const headerExtensions: HeaderExtension[] = [];
export function addHeaderExtension(extension: HeaderExtension): void {
  headerExtensions.push(extension);
}

export function pageContext(request: FastifyRequest, lang: Lang, alternateUrl: string): PageContext {
  const extras = headerExtensions.map((extension) => extension(request, lang)).filter(Boolean);
  return {
    t: translator(lang),
    nonce: request.cspNonce,
    alternateUrl,
    csrfToken: request.csrfToken(),
    headerExtra: html`${extras}`,
  };
}

export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  alternateUrl: string,
  page: Page,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderPage(pageContext(request, lang, alternateUrl), page));
}

/**
 * `sendPage` for a page served at one of the route table's bilingual paths: the language toggle leads to the
 * same path (with the same parameters and query) in the other language.
 */
export function sendPageAt(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  path: BilingualPath,
  page: Page,
  { params = {}, status = 200 }: { params?: Record<string, string>; status?: number } = {},
): FastifyReply {
  return sendPage(request, reply, lang, alternateFor(request, path, lang, params), page, status);
}

/** A page with English and French side by side (the splash page, 404 for an unknown language). */
export function renderBilingualPage(title: string, en: HtmlValue, fr: HtmlValue): string {
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

export function notFoundHtml(): string {
  const column = (lang: Lang) => {
    const t = translator(lang);
    return html`<h1>${t.t('errors.notFoundTitle')}</h1>
<p>${t.t('errors.notFoundBody')}</p>
<p><a href="/${lang}">${t.t('errors.notFoundNext')}</a></p>
<p>${t.t('errors.helpPhone')}</p>`;
  };
  return renderBilingualPage(
    `${translator('en').t('errors.notFoundTitle')} / ${translator('fr').t('errors.notFoundTitle')}`,
    column('en'),
    column('fr'),
  );
}

export function sendServerErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang | null,
): FastifyReply {
  const column = (l: Lang) => {
    const t = translator(l);
    return html`<h1>${t.t('errors.serverErrorTitle')}</h1><p>${t.t('errors.serverErrorBody')}</p>
<p>${t.t('errors.serverErrorReference', { reference: request.id })}</p><p>${t.t('errors.helpPhone')}</p>`;
  };
  if (lang === null) {
    return reply
      .code(500)
      .type('text/html; charset=utf-8')
      .send(renderBilingualPage('Error / Erreur', column('en'), column('fr')));
  }
  const t = translator(lang);
  return sendPage(
    request,
    reply,
    lang,
    `/${otherLang(lang)}`,
    { title: t.t('errors.serverErrorTitle'), body: column(lang) },
    500,
  );
}
