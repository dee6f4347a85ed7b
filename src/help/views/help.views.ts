import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { helpPaths } from '../help.paths.ts';
import type { ContactLine, HelpData, HelpProgramme } from '../help-data.ts';
import { postalCodeForm } from './offices.views.ts';

export const homeCrumb = (t: Translator) => ({ href: `/${t.lang}`, label: t.t('common.serviceName') });
export const helpCrumb = (t: Translator) => ({
  href: pathFor(helpPaths.help, t.lang),
  label: t.t('help.title'),
});

/** A telephone number as a link a phone can dial (digits only in the `tel:` URL). */
export function phoneLink(number: string): SafeHtml {
  return html`<a href="tel:${number.replace(/[^\d+]/g, '')}" class="phone">${number}</a>`;
}

export function helpPage(form: FormView, data: HelpData, programmes: readonly HelpProgramme[]): Page {
  const { t } = form;
  const withLine = programmes.filter((programme) =>
    data.lines.some((line) => line.programmes.includes(programme.id)),
  );
  return {
    title: t.t('help.title'),
    breadcrumbs: [homeCrumb(t)],
    body: html`<h1>${t.t('help.title')}</h1>
<p class="lead">${t.t('help.lead')}</p>
<h2 id="call">${t.t('help.callTitle')}</h2>
<p>${t.t('help.callIntro')}</p>
<ul class="link-list">${withLine.map((programme) => html`<li><a href="${pathFor(helpPaths.contact, t.lang, { programmeId: programme.id })}">${programme.name[t.lang]}</a></li>`)}</ul>
<h2 id="callback">${t.t('help.callbackTitle')}</h2>
<p>${t.t('help.callbackIntro')}</p>
<p><a class="button button-secondary" href="${pathFor(helpPaths.callback, t.lang)}">${t.t('help.callbackLink')}</a></p>
<h2 id="offices">${t.t('help.officesTitle')}</h2>
<p>${t.t('help.officesIntro')}</p>
${postalCodeForm(form)}
<h2 id="appointment">${t.t('help.appointmentTitle')}</h2>
<p>${t.t('help.appointmentIntro')}</p>
<p><a href="${pathFor(helpPaths.appointment, t.lang)}">${t.t('help.appointmentLink')}</a></p>
<h2 id="accessible">${t.t('help.accessibleTitle')}</h2>
<p>${t.t('help.accessibleBody')}</p>`,
  };
}

export function contactRows(t: Translator, line: ContactLine): SafeHtml {
  const other = t.lang === 'en' ? 'fr' : 'en';
  return html`<dl class="summary-list">
<dt>${t.t('help.contact.phone')}</dt><dd>${phoneLink(line.phone[t.lang])}</dd>
${line.phone[other] !== line.phone[t.lang] ? html`<dt>${t.t('help.contact.phoneOther')}</dt><dd>${phoneLink(line.phone[other])}</dd>` : ''}
<dt>${t.t('help.contact.tty')}</dt><dd>${line.tty ? phoneLink(line.tty) : t.t('help.contact.relay')}</dd>
${line.outsideCanada ? html`<dt>${t.t('help.contact.outside')}</dt><dd>${phoneLink(line.outsideCanada)}</dd>` : ''}
<dt>${t.t('help.contact.hours')}</dt><dd>${line.hours[t.lang]}</dd>
</dl>`;
}

export function contactPage(t: Translator, programme: HelpProgramme, line: ContactLine): Page {
  const title = t.t('help.contact.title', { programme: programme.name[t.lang] });
  return {
    title,
    breadcrumbs: [homeCrumb(t), helpCrumb(t)],
    body: html`<h1>${title}</h1>
<p class="lead">${t.t('help.contact.lead', { agency: line.agency[t.lang] })}</p>
${line.official ? '' : html`<div class="notice notice-warning" role="note"><p>${t.t('help.contact.unverified')}</p></div>`}
${contactRows(t, line)}
<h2>${t.t('help.contact.whenTitle')}</h2>
<p>${line.when[t.lang]}</p>
<p>${line.busy[t.lang]}</p>
<h2>${t.t('help.contact.otherWaysTitle')}</h2>
<ul>
<li><a href="${pathFor(helpPaths.callback, t.lang)}?programme=${programme.id}">${t.t('help.callbackLink')}</a></li>
<li><a href="${pathFor(helpPaths.offices, t.lang)}">${t.t('help.officesTitle')}</a></li>
<li><a href="${programme.href[t.lang]}">${t.t('help.contact.aboutProgramme', { programme: programme.name[t.lang] })}</a></li>
</ul>
<p class="meta">${t.t('help.contact.source')} <a href="${line.source}">${line.source}</a></p>`,
  };
}
