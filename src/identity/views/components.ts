import type { Translator } from '../../platform/i18n/i18n.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';

export function helpFooter(t: Translator, reference: string): SafeHtml {
  return html`<h2>${t.t('identity.help.title')}</h2><p>${t.t('identity.help.body')}</p><p>${t.t('identity.help.reference', { reference })}</p>`;
}
