import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { registryPaths } from '../../registry/registry.paths.ts';
import {
  csrfField,
  errorSummary,
  radioFields,
  summaryRow,
  textField,
} from '../../registry/views/form.views.ts';
import type { FormErrors } from '../../registry/views/form.views.ts';
import { CONSENT_DURATIONS } from '../consent.schemas.ts';
import { MAX_CONSENT_DAYS } from '../consent.service.ts';
import type { ConsentOffer } from '../consent.service.ts';

const MAX_YEARS = Math.floor(MAX_CONSENT_DAYS / 366);

/** What the person agrees to, in plain language: who, what, why, under which law, for how long. */
function offerDetails(t: Translator, offer: ConsentOffer) {
  const howLong = offer.agreementEndsOn
    ? t.t('registry.giveConsent.howLongEnds', { max: MAX_YEARS, date: t.date(offer.agreementEndsOn) })
    : t.t('registry.giveConsent.howLong', { max: MAX_YEARS });
  return html`<dl class="summary-list">
${summaryRow(t.t('registry.consents.what'), offer.elements.map((e) => t.t(`registry.elements.${e}`)).join(', '))}
${summaryRow(t.t('registry.consents.purpose'), offer.purpose[t.lang])}
${summaryRow(t.t('registry.giveConsent.authority'), offer.legalAuthority[t.lang])}
${summaryRow(t.t('registry.giveConsent.howLongLabel'), howLong)}
${summaryRow(t.t('registry.giveConsent.retentionLabel'), t.t('registry.giveConsent.retention', { years: offer.retentionYears }))}
</dl>`;
}

export function giveConsentPage(
  t: Translator,
  offers: readonly ConsentOffer[],
  values: Readonly<Record<string, string>>,
  errors: FormErrors,
  csrf: string,
): Page {
  const title = t.t('registry.giveConsent.title');
  const consents = pathFor(registryPaths.consents, t.lang);
  const agreements = offers.map((offer) => ({
    value: offer.agreementId,
    label: offer.agencyName[t.lang],
    details: offerDetails(t, offer),
  }));
  const durations = CONSENT_DURATIONS.map((value) => ({
    value,
    label: t.t(`registry.giveConsent.durations.${value}`),
  }));
  const until = textField(t, 'until', values.until ?? '', errors, {
    type: 'date',
    width: 'medium',
    hint: t.t('registry.hints.consentUntil', { max: MAX_YEARS }),
  });
  const form = html`<form method="post" action="${pathFor(registryPaths.consentGive, t.lang)}" novalidate>${csrfField(csrf)}
${radioFields(t, 'agreement', t.t('registry.giveConsent.agreementLegend'), { options: agreements, value: values.agreement ?? '' }, errors)}
${radioFields(t, 'duration', t.t('registry.giveConsent.durationLegend'), { options: durations, value: values.duration ?? '', hint: t.t('registry.giveConsent.durationHint'), after: until }, errors)}
<button class="button button-primary" type="submit">${t.t('registry.giveConsent.submit')}</button></form>`;
  return {
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      { href: pathFor(registryPaths.profile, t.lang), label: t.t('registry.profile.title') },
      { href: consents, label: t.t('registry.consents.title') },
    ],
    body: html`${errorSummary(t, errors)}<h1>${title}</h1><p>${t.t('registry.giveConsent.intro')}</p>
${offers.length === 0 ? html`<p>${t.t('registry.giveConsent.none')}</p><p><a href="${consents}">${t.t('registry.giveConsent.back')}</a></p>` : form}`,
  };
}
