import { translator } from './provider-texts.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { html } from '../../platform/views/html.ts';
import type { HtmlValue, SafeHtml } from '../../platform/views/html.ts';
import { gcSignature } from '../../platform/views/brand.ts';

export interface ProviderPageContext {
  readonly lang: Lang;
  readonly providerName: string;
  /** The same page in the other language. */
  readonly alternateUrl: string;
}

/** The built-in providers' own pages: Canada.ca-like chrome, but clearly another service than Guichet. */
export function providerPage(
  ctx: ProviderPageContext,
  title: string,
  body: HtmlValue,
  hasErrors = false,
): string {
  const t = translator(ctx.lang);
  const other: Lang = ctx.lang === 'en' ? 'fr' : 'en';
  const fullTitle = `${hasErrors ? `${t.t('common.errorPrefix')} ` : ''}${title} - ${ctx.providerName}`;
  return `<!DOCTYPE html>\n${
    html`<html lang="${ctx.lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<link rel="stylesheet" href="/provider.css">
</head>
<body>
<a class="skip-link" href="#main-content">${t.t('common.skipToContent')}</a>
<header class="idp-header"><div class="idp-container idp-header-row">
<span class="idp-brand">${gcSignature(ctx.lang)}</span>
<a class="idp-lang" href="${ctx.alternateUrl}" lang="${other}" hreflang="${other}">${t.t('common.otherLanguageName')}</a>
</div><div class="idp-service"><div class="idp-container">${ctx.providerName}</div></div></header>
<main id="main-content" class="idp-container" tabindex="-1">${body}</main>
<footer class="idp-footer"><div class="idp-container"><p>${t.t('idp.footer')}</p></div></footer>
</body>
</html>`.value
  }\n`;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export function errorSummary(lang: Lang, errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  const t = translator(lang);
  return html`<div class="idp-error-summary" role="alert" tabindex="-1"><h2>${t.t('validation.summaryTitle')}</h2>
<ul>${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}</ul></div>`;
}

export function loginForm(
  lang: Lang,
  action: string,
  errors: readonly FieldError[],
  username: string,
  cancelAction: string,
): SafeHtml {
  const t = translator(lang);
  const error = errors[0];
  return html`<h1>${t.t('idp.signInTitle')}</h1>
${errorSummary(lang, errors)}
<form method="post" action="${action}" novalidate>
<div class="idp-group${error ? ' idp-has-error' : ''}">
<label for="username">${t.t('idp.username')}</label>
${error ? html`<p class="idp-error" id="username-error">${error.message}</p>` : ''}
<input id="username" name="username" type="text" autocomplete="username" spellcheck="false" value="${username}" ${error ? html`aria-describedby="username-error"` : ''}>
</div>
<div class="idp-group">
<label for="password">${t.t('idp.password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password">
</div>
<button class="idp-button" type="submit">${t.t('idp.continue')}</button>
</form>
${cancelForm(lang, cancelAction)}`;
}

export function otpForm(
  lang: Lang,
  action: string,
  errors: readonly FieldError[],
  cancelAction: string,
): SafeHtml {
  const t = translator(lang);
  const error = errors[0];
  return html`<h1>${t.t('idp.otpTitle')}</h1>
${errorSummary(lang, errors)}
<form method="post" action="${action}" novalidate>
<div class="idp-group${error ? ' idp-has-error' : ''}">
<label for="code">${t.t('idp.otpLabel')}</label>
<p class="idp-hint" id="code-hint">${t.t('idp.otpHint')}</p>
${error ? html`<p class="idp-error" id="code-error">${error.message}</p>` : ''}
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]*" maxlength="6" aria-describedby="code-hint${error ? ' code-error' : ''}">
</div>
<button class="idp-button" type="submit">${t.t('idp.continue')}</button>
</form>
${cancelForm(lang, cancelAction)}`;
}

function cancelForm(lang: Lang, action: string): SafeHtml {
  return html`<form method="post" action="${action}"><button class="idp-link-button" type="submit">${translator(lang).t('idp.cancel')}</button></form>`;
}

export function messagePage(lang: Lang, title: string, message: string): SafeHtml {
  return html`<h1>${title}</h1><p>${message}</p>`;
}

export const PROVIDER_CSS = `
body{margin:0;font-family:'Noto Sans',Arial,sans-serif;font-size:20px;line-height:1.5;color:#333}
.idp-container{max-width:48rem;margin:0 auto;padding:0 1rem}
.skip-link{position:absolute;left:-999px}.skip-link:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.idp-header{border-bottom:4px solid #26374a}.idp-header-row{display:flex;justify-content:space-between;align-items:center;padding:1rem}
.idp-brand svg{height:2rem;width:auto}.idp-service{background:#26374a;color:#fff;padding:.75rem 0;font-weight:700}
a{color:#2b4380}.idp-lang{font-weight:700}
h1{font-family:Lato,Arial,sans-serif;border-bottom:4px solid #af3c43;padding-bottom:.25rem}
.idp-group{margin:1.25rem 0}.idp-group label{display:block;font-weight:700}
.idp-group input{font:inherit;padding:.4rem;border:2px solid #333;border-radius:4px;max-width:100%}
.idp-has-error{border-left:5px solid #d3080c;padding-left:1rem}.idp-error{color:#d3080c;font-weight:700;margin:.25rem 0}
.idp-hint{color:#595959;margin:.25rem 0}
.idp-error-summary{border:4px solid #d3080c;padding:1rem;margin:1rem 0}.idp-error-summary h2{margin-top:0}
.idp-button{font:inherit;font-weight:700;background:#26374a;color:#fff;border:2px solid #26374a;border-radius:4px;padding:.5rem 1.25rem;cursor:pointer}
.idp-link-button{font:inherit;background:none;border:0;color:#2b4380;text-decoration:underline;cursor:pointer;padding:0;margin-top:1rem}
.idp-footer{margin-top:3rem;background:#f8f8f8;padding:1rem 0;font-size:1rem}
table{border-collapse:collapse}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}
code{font-size:1.1rem}
`;
