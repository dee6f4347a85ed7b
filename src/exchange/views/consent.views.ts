import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, dateInput, radios, summaryRow } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { exchangePaths } from '../exchange.paths.ts';
import type { Crumb } from './exchange.views.ts';
import { CONSENT_DURATIONS, UNTIL_PREFIX } from '../consent.schemas.ts';
import { MAX_CONSENT_DAYS } from '../consent.service.ts';
import type { ConsentOffer } from '../consent.service.ts';

const MAX_YEARS = Math.floor(MAX_CONSENT_DAYS / 366);

/** What the person agrees to, in plain language: who, what, why, under which law, for how long. */
function offerDetails(t: Translator, offer: ConsentOffer) {
  const howLong = offer.agreementEndsOn
    ? t.t('exchange.giveConsent.howLongEnds', { max: MAX_YEARS, date: t.date(offer.agreementEndsOn) })
    : t.t('exchange.giveConsent.howLong', { max: MAX_YEARS });
  return html`<dl class="summary-list">
${summaryRow(t.t('exchange.consents.what'), offer.elements.map((e) => t.t(`person.elements.${e}`)).join(', '))}
${summaryRow(t.t('exchange.consents.purpose'), offer.purpose[t.lang])}
${summaryRow(t.t('exchange.giveConsent.authority'), offer.legalAuthority[t.lang])}
${summaryRow(t.t('exchange.giveConsent.howLongLabel'), howLong)}
${summaryRow(t.t('exchange.giveConsent.retentionLabel'), t.t('exchange.giveConsent.retention', { years: offer.retentionYears }))}
</dl>`;
}

export function giveConsentPage(
  form: FormView,
  offers: readonly ConsentOffer[],
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('exchange.giveConsent.title');
  const consents = pathFor(exchangePaths.consents, t.lang);
  const agreements = offers.map((offer) => ({
    value: offer.agreementId,
    label: t.t('exchange.giveConsent.agencyOf', {
      agency: offer.agencyName[t.lang],
      jurisdiction: offer.jurisdiction[t.lang],
    }),
    details: offerDetails(t, offer),
  }));
  const durations = CONSENT_DURATIONS.map((value) => ({
    value,
    label: t.t(`exchange.giveConsent.durations.${value}`),
  }));
  const until = dateInput(form, 'until', {
    legend: t.t('exchange.fields.until'),
    hint: t.t('exchange.hints.consentUntil', { max: MAX_YEARS }),
    prefix: UNTIL_PREFIX,
  });
  const body = html`<form method="post" action="${pathFor(exchangePaths.consentGive, t.lang)}" novalidate>${csrfField(form.csrf)}
${radios(form, 'agreement', { legend: t.t('exchange.giveConsent.agreementLegend'), choices: agreements })}
${radios(form, 'duration', { legend: t.t('exchange.giveConsent.durationLegend'), choices: durations, hint: t.t('exchange.giveConsent.durationHint'), after: until })}
<button class="button button-primary" type="submit">${t.t('exchange.giveConsent.submit')}</button></form>`;
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: [...crumbs, { href: consents, label: t.t('exchange.consents.title') }],
    body: html`${errorSummary(form, { until: 'until-day' })}<h1>${title}</h1><p>${t.t('exchange.giveConsent.intro')}</p>
${offers.length === 0 ? html`<p>${t.t('exchange.giveConsent.none')}</p><p><a href="${consents}">${t.t('exchange.giveConsent.back')}</a></p>` : body}`,
  };
}
