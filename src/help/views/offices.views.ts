import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import { csrfField, textField } from '../../platform/forms/fields.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { helpPaths } from '../help.paths.ts';
import type { HelpData, Office } from '../help-data.ts';
import type { OfficeSearch } from '../office-finder.ts';
import { helpCrumb, homeCrumb } from './help.views.ts';

/** The postal-code search: a plain form posted to the server, no script needed. */
export function postalCodeForm(form: FormView): SafeHtml {
  const { t } = form;
  return html`<form method="post" action="${pathFor(helpPaths.offices, t.lang)}" novalidate class="inline-search">
${csrfField(form.csrf)}
${textField(form, 'postalCode', { hint: t.t('help.hints.postalCode'), width: 'sm', autocomplete: 'postal-code', spellcheck: false })}
<button type="submit" class="button button-primary">${t.t('help.findOffices')}</button>
</form>`;
}

function unofficialNotice(t: Translator, data: HelpData): SafeHtml {
  return data.officesOfficial
    ? html``
    : html`<div class="notice notice-warning" role="note"><p>${t.t('help.offices.unverified')} <a href="${data.officesSource}">${t.t('help.offices.officialFinder')}</a></p></div>`;
}

function officeFacts(t: Translator, office: Office): SafeHtml {
  return html`<dl class="summary-list">
<dt>${t.t('help.offices.address')}</dt><dd>${office.address}<br>${office.city} (${t.t(`help.provinces.${office.province}`)}) ${office.postalCode}</dd>
<dt>${t.t('help.offices.hours')}</dt><dd>${office.hours[t.lang]}</dd>
<dt>${t.t('help.offices.accessibility')}</dt><dd><ul>${office.accessibility.map((feature) => html`<li>${t.t(`help.features.${feature}`)}</li>`)}</ul></dd>
<dt>${t.t('help.offices.services')}</dt><dd><ul>${office.services.map((service) => html`<li>${t.t(`help.services.${service}`)}</li>`)}</ul></dd>
</dl>`;
}

function result(t: Translator, office: Office, km: number): SafeHtml {
  return html`<li class="office-result"><h3><a href="${pathFor(helpPaths.office, t.lang, { officeId: office.id })}">${office.name[t.lang]}</a></h3>
<p class="meta">${t.t(`help.offices.kind.${office.kind}`)} · ${t.t('help.offices.distance', { km: t.number(km) })}</p>
${officeFacts(t, office)}
<p><a href="${pathFor(helpPaths.appointment, t.lang)}?office=${office.id}">${t.t('help.offices.book', { office: office.name[t.lang] })}</a></p></li>`;
}

function results(t: Translator, search: OfficeSearch): SafeHtml {
  const key = search.precision === 'fsa' ? 'help.offices.resultsFsa' : 'help.offices.resultsDistrict';
  return html`<h2 id="results">${t.t('help.offices.resultsTitle', { fsa: search.postalCode.slice(0, 3) })}</h2>
<p>${t.t(key, { province: t.t(`help.provinces.${search.province}`) })}</p>
<ol class="office-results">${search.nearest.map(({ office, km }) => result(t, office, km))}</ol>`;
}

export function officesPage(form: FormView, data: HelpData, search: OfficeSearch | null): Page {
  const { t } = form;
  return {
    title: t.t('help.offices.title'),
    hasErrors: hasErrors(form),
    breadcrumbs: [homeCrumb(t), helpCrumb(t)],
    body: html`${errorSummary(form)}<h1>${t.t('help.offices.title')}</h1>
<p class="lead">${t.t('help.offices.lead')}</p>
${unofficialNotice(t, data)}
${postalCodeForm(form)}
${search ? results(t, search) : ''}`,
  };
}

export function officePage(t: Translator, office: Office, data: HelpData): Page {
  return {
    title: office.name[t.lang],
    breadcrumbs: [
      homeCrumb(t),
      helpCrumb(t),
      { href: pathFor(helpPaths.offices, t.lang), label: t.t('help.offices.title') },
    ],
    body: html`<h1>${office.name[t.lang]}</h1>
${unofficialNotice(t, data)}
${officeFacts(t, office)}
<p><a class="button button-secondary" href="${pathFor(helpPaths.appointment, t.lang)}?office=${office.id}">${t.t('help.offices.book', { office: office.name[t.lang] })}</a></p>`,
  };
}
