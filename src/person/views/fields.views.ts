import { dateInput, checkboxes, selectField, textField } from '../../platform/forms/fields.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { ALTERNATE_FORMATS, PROVINCES } from '../person.schemas.ts';

/**
 * Who fills the form in: the person (their browser may fill in their own details) or staff for them (autofill
 * would put the agent's details in, so it is off, and the move date is named as staff see it).
 */
export type FormUser = 'person' | 'staff';

/** The fields of an address, for the person's own change and for a staff correction (namespace `person`). */
export function addressFields(form: FormView, user: FormUser): SafeHtml {
  const { t } = form;
  const auto = (token: string) => (user === 'person' ? token : 'off');
  const provinces = PROVINCES.map((code) => ({ value: code, label: t.t(`person.provinces.${code}`) }));
  const legend = t.t(user === 'staff' ? 'person.fields.effectiveFromStaff' : 'person.fields.effectiveFrom');
  const choose = [{ value: '', label: t.t('person.fields.provinceChoose') }, ...provinces];
  return html`${textField(form, 'line1', { autocomplete: auto('address-line1') })}
${textField(form, 'line2', { autocomplete: auto('address-line2') })}
${textField(form, 'city', { autocomplete: auto('address-level2') })}
${selectField(form, 'provinceCode', choose)}
${textField(form, 'postalCode', { autocomplete: auto('postal-code'), width: 'sm', hint: t.t('person.hints.postalCode') })}
${dateInput(form, 'effectiveFrom', { legend, hint: t.t('person.hints.effectiveFrom') })}`;
}

/** Contact details and preferences, for the person and for a staff correction (namespace `person`). */
export function contactFields(form: FormView, user: FormUser): SafeHtml {
  const { t } = form;
  const auto = (token: string) => (user === 'person' ? token : 'off');
  const options = (prefix: string, list: readonly string[]) =>
    list.map((value) => ({ value, label: t.t(`person.${prefix}.${value}`) }));
  return html`${textField(form, 'email', { type: 'email', autocomplete: auto('email'), inputmode: 'email' })}
${textField(form, 'phone', { type: 'tel', autocomplete: auto('tel'), inputmode: 'tel', hint: t.t('person.hints.phone') })}
${selectField(form, 'preferredLanguage', options('language', ['en', 'fr']))}
${selectField(form, 'preferredChannel', options('channel', ['online', 'mail', 'phone']))}
${textField(form, 'accessibilityNeeds', { hint: t.t('person.hints.accessibilityNeeds') })}
${checkboxes(form, 'alternateFormats', { legend: t.t('person.fields.alternateFormats'), choices: options('formats', ALTERNATE_FORMATS) })}`;
}
