import type { Translator } from '../../platform/i18n/i18n.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';

/** GOV.UK error summary: a heading, then one link per problem to its field. */
export function errorSummary(t: Translator, errors: readonly { field: string; key: string }[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.t('identity.errorSummaryTitle')}</h2>
<ul>${errors.map((error) => html`<li><a href="#${error.field}">${t.t(error.key)}</a></li>`)}</ul></div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function helpFooter(t: Translator, reference: string): SafeHtml {
  return html`<h2>${t.t('identity.help.title')}</h2><p>${t.t('identity.help.body')}</p><p>${t.t('identity.help.reference', { reference })}</p>`;
}
