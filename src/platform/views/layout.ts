import { html } from './html.ts';
import type { HtmlValue, SafeHtml } from './html.ts';
import { canadaWordmark, gcSignature } from './brand.ts';
import { otherLang } from '../i18n/i18n.ts';
import type { Translator } from '../i18n/i18n.ts';

export interface PageContext {
  readonly t: Translator;
  readonly nonce: string;
  /** The same page in the other official language (keeps the query string where answers live). */
  readonly alternateUrl: string;
  readonly csrfToken: string;
  /** Extra items for the header (e.g. the signed-in menu); rendered after the language toggle. */
  readonly headerExtra?: SafeHtml;
  /** A confirmation carried from the request before (POST-redirect-GET), already translated. */
  readonly notice?: string;
}

export interface Page {
  readonly title: string;
  readonly body: HtmlValue;
  /** Marks the title with "Error:" when the page shows validation errors. */
  readonly hasErrors?: boolean;
  readonly dateModified?: string;
  readonly breadcrumbs?: readonly { href: string; label: string }[];
  /** Pages that are not in a language of their own (the splash page) set their own html lang. */
  readonly bare?: boolean;
}

// The date this release's content was last reviewed; pages with data-driven content pass their own.
export const DEFAULT_DATE_MODIFIED = '2026-12-04';

export function renderPage(ctx: PageContext, page: Page): string {
  const { t } = ctx;
  const title = `${page.hasErrors ? `${t.t('common.errorPrefix')} ` : ''}${page.title} - ${t.t('common.serviceName')} - Canada.ca`;
  return `<!DOCTYPE html>\n${
    html`<html lang="${t.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/gcds/fonts.css">
<link rel="stylesheet" href="/assets/gcds/tokens.css">
<link rel="stylesheet" href="/assets/gcds/css-shortcuts.min.css">
<link rel="stylesheet" href="/assets/guichet.css">
<link rel="alternate" hreflang="${otherLang(t.lang)}" href="${ctx.alternateUrl}">
</head>
<body>
<a class="skip-link" href="#main-content">${t.t('common.skipToContent')}</a>
${header(ctx)}
${page.breadcrumbs ? breadcrumbs(ctx, page.breadcrumbs) : ''}
<main id="main-content" class="container" tabindex="-1">
${ctx.notice ? html`<div class="notice notice-success" role="status"><p>${ctx.notice}</p></div>` : ''}
${page.body}
</main>
${footer(ctx, page.dateModified ?? DEFAULT_DATE_MODIFIED)}
</body>
</html>`.value
  }\n`;
}

function header(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  const other = otherLang(t.lang);
  return html`<header class="gc-header">
<div class="container header-row">
<a class="brand" href="https://www.canada.ca/${t.lang}.html">${gcSignature(t.lang)}<span class="visually-hidden"> / ${t.t('common.otherLanguageGovernment')}</span></a>
<nav class="header-tools" aria-label="${t.t('common.languageSelection')}">
<a class="lang-toggle" href="${ctx.alternateUrl}" lang="${other}" hreflang="${other}"><span class="lang-long">${t.t('common.otherLanguageName')}</span><abbr class="lang-short" title="${t.t('common.otherLanguageName')}">${other.toUpperCase()}</abbr></a>
${ctx.headerExtra}
</nav>
</div>
<div class="service-bar"><div class="container"><a class="service-name" href="/${t.lang}">${t.t('common.serviceName')}</a></div></div>
</header>`;
}

function breadcrumbs(ctx: PageContext, items: readonly { href: string; label: string }[]): SafeHtml {
  return html`<nav class="container breadcrumbs" aria-label="${ctx.t.t('common.breadcrumbs')}"><ol>
<li><a href="https://www.canada.ca/${ctx.t.lang}.html">Canada.ca</a></li>
${items.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}
</ol></nav>`;
}

function footer(ctx: PageContext, dateModified: string): SafeHtml {
  const { t } = ctx;
  return html`<footer class="gc-footer">
<div class="container">
<dl class="date-modified"><dt>${t.t('common.dateModified')}</dt><dd><time datetime="${dateModified}">${dateModified}</time></dd></dl>
</div>
<div class="footer-main"><div class="container footer-row">
<nav aria-label="${t.t('common.aboutGovernment')}"><ul class="footer-links">
<li><a href="/${t.lang}/${t.t('common.slugTerms')}">${t.t('common.terms')}</a></li>
<li><a href="/${t.lang}/${t.t('common.slugPrivacy')}">${t.t('common.privacy')}</a></li>
<li><a href="/${t.lang}/${t.t('common.slugAccessibility')}">${t.t('common.accessibility')}</a></li>
<li><a href="/api/docs">${t.t('common.apiDocs')}</a></li>
</ul></nav>
${canadaWordmark()}
</div></div>
</footer>`;
}
