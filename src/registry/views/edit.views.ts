import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { ALTERNATE_FORMATS, PROVINCES } from '../registry.schemas.ts';
import { registryPaths } from '../registry.paths.ts';
import { csrfField, errorSummary, selectField, textField } from './form.views.ts';
import type { FormErrors } from './form.views.ts';

type Values = Readonly<Record<string, string>>;

function formPage(t: Translator, key: string, errors: FormErrors, body: ReturnType<typeof html>): Page {
  return {
    title: t.t(`registry.${key}.title`),
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [{ href: pathFor(registryPaths.profile, t.lang), label: t.t('registry.profile.title') }],
    body: html`${errorSummary(t, errors)}<h1>${t.t(`registry.${key}.title`)}</h1><p>${t.t(`registry.${key}.intro`)}</p>${body}`,
  };
}

export function addressPage(
  t: Translator,
  values: Values,
  errors: FormErrors,
  csrf: string,
  today: string,
): Page {
  const v = (name: string, fallback = '') => values[name] ?? fallback;
  return formPage(
    t,
    'address',
    errors,
    html`<form method="post" action="${pathFor(registryPaths.address, t.lang)}" novalidate>${csrfField(csrf)}
${addressFields(t, { ...values, effectiveFrom: v('effectiveFrom', today) }, errors, 'person')}
<button class="button button-primary" type="submit">${t.t('registry.address.submit')}</button></form>`,
  );
}

export function contactPage(
  t: Translator,
  values: Values,
  errors: FormErrors,
  csrf: string,
  formats: readonly string[],
): Page {
  return formPage(
    t,
    'contact',
    errors,
    html`<form method="post" action="${pathFor(registryPaths.contact, t.lang)}" novalidate>${csrfField(csrf)}
${contactFields(t, values, errors, formats, 'person')}
<button class="button button-primary" type="submit">${t.t('registry.contact.submit')}</button></form>`,
  );
}

export function directDepositPage(t: Translator, values: Values, errors: FormErrors, csrf: string): Page {
  const v = (name: string) => values[name] ?? '';
  return formPage(
    t,
    'deposit',
    errors,
    html`<form method="post" action="${pathFor(registryPaths.directDeposit, t.lang)}" novalidate autocomplete="off">${csrfField(csrf)}
${textField(t, 'institution', v('institution'), errors, { inputmode: 'numeric', width: 'short', hint: t.t('registry.hints.institution') })}
${textField(t, 'transit', v('transit'), errors, { inputmode: 'numeric', width: 'short', hint: t.t('registry.hints.transit') })}
${textField(t, 'account', v('account'), errors, { inputmode: 'numeric', width: 'medium', hint: t.t('registry.hints.account') })}
<p>${t.t('registry.deposit.notice')}</p>
<button class="button button-primary" type="submit">${t.t('registry.deposit.submit')}</button></form>`,
  );
}

/**
 * Who fills the form in: the person (their browser may fill in their own details) or staff for them (autofill
 * would put the agent's details in, so it is off, and the move date is named as staff see it).
 */
export type FormUser = 'person' | 'staff';

export function addressFields(t: Translator, values: Values, errors: FormErrors, user: FormUser) {
  const v = (name: string) => values[name] ?? '';
  const auto = (token: string) => (user === 'person' ? token : 'off');
  const provinces = PROVINCES.map((code) => ({ value: code, label: t.t(`registry.provinces.${code}`) }));
  const dateLabel = user === 'staff' ? { label: t.t('registry.staff.fields.effectiveFrom') } : {};
  return html`${textField(t, 'line1', v('line1'), errors, { autocomplete: auto('address-line1') })}
${textField(t, 'line2', v('line2'), errors, { autocomplete: auto('address-line2') })}
${textField(t, 'city', v('city'), errors, { autocomplete: auto('address-level2') })}
${selectField(t, 'provinceCode', v('provinceCode') || 'ON', provinces, errors)}
${textField(t, 'postalCode', v('postalCode'), errors, { autocomplete: auto('postal-code'), width: 'short', hint: t.t('registry.hints.postalCode') })}
${textField(t, 'effectiveFrom', v('effectiveFrom'), errors, { type: 'date', width: 'medium', ...dateLabel, hint: t.t('registry.hints.effectiveFrom') })}`;
}

export function contactFields(
  t: Translator,
  values: Values,
  errors: FormErrors,
  formats: readonly string[],
  user: FormUser,
) {
  const v = (name: string) => values[name] ?? '';
  const auto = (token: string) => (user === 'person' ? token : 'off');
  const options = (prefix: string, list: readonly string[]) =>
    list.map((value) => ({ value, label: t.t(`registry.${prefix}.${value}`) }));
  return html`${textField(t, 'email', v('email'), errors, { type: 'email', autocomplete: auto('email'), inputmode: 'email' })}
${textField(t, 'phone', v('phone'), errors, { type: 'tel', autocomplete: auto('tel'), inputmode: 'tel', hint: t.t('registry.hints.phone') })}
${selectField(t, 'preferredLanguage', v('preferredLanguage'), options('language', ['en', 'fr']), errors)}
${selectField(t, 'preferredChannel', v('preferredChannel'), options('channel', ['online', 'mail', 'phone']), errors)}
${textField(t, 'accessibilityNeeds', v('accessibilityNeeds'), errors, { hint: t.t('registry.hints.accessibilityNeeds') })}
<fieldset class="form-group"><legend>${t.t('registry.fields.alternateFormats')}</legend>
${ALTERNATE_FORMATS.map((f) => html`<div class="checkbox"><input type="checkbox" id="format-${f}" name="alternateFormats" value="${f}"${formats.includes(f) ? html` checked` : ''}><label for="format-${f}">${t.t(`registry.formats.${f}`)}</label></div>`)}
</fieldset>`;
}
