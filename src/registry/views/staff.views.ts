import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { Profile } from '../registry-profile.ts';
import type { ChangeRow } from '../registry.repository.ts';
import { registryPaths } from '../registry.paths.ts';
import { deliveriesTable } from '../../exchange/views/exchange.views.ts';
import type { DeliveryView } from '../../exchange/exchange.service.ts';
import { ALTERNATE_FORMATS, PROVINCES } from '../registry.schemas.ts';
import { changesTable, profileSections } from './profile.views.ts';
import { csrfField, errorSummary, selectField, textField } from './form.views.ts';
import type { FormErrors } from './form.views.ts';

type Values = Readonly<Record<string, string>>;

export interface StaffRecordView {
  profile: Profile;
  changes: readonly ChangeRow[];
  told: readonly DeliveryView[];
  purpose: string;
  canCorrect: boolean;
}

export const CORRECTABLE = ['marital-status', 'residence-status', 'life-status'] as const;

export function staffRecordPage(
  t: Translator,
  view: StaffRecordView,
  values: Readonly<Record<string, string>>,
  errors: FormErrors,
  csrf: string,
  notice?: string,
): Page {
  const name = `${view.profile.givenName} ${view.profile.familyName}`;
  const elements = CORRECTABLE.map((value) => ({ value, label: t.t(`registry.elements.${value}`) }));
  return {
    title: t.t('registry.staff.title', { name }),
    hasErrors: Object.keys(errors).length > 0,
    body: html`${errorSummary(t, errors)}<h1>${t.t('registry.staff.title', { name })}</h1>
${notice ? html`<div class="notice notice-success" role="status"><p>${t.t(`registry.notices.${notice}`)}</p></div>` : ''}
<p class="notice">${t.t('registry.staff.purpose', { purpose: t.has(`registry.purposes.${view.purpose}`) ? t.t(`registry.purposes.${view.purpose}`) : view.purpose })}</p>
${profileSections(t, view.profile)}
<h2>${t.t('registry.changes.title')}</h2>${changesTable(t, view.changes)}
<h2>${t.t('registry.told.title')}</h2>${deliveriesTable(t, view.told)}
${
  view.canCorrect
    ? html`<h2>${t.t('registry.staff.correctTitle')}</h2>
<form method="post" action="${pathFor(registryPaths.staffCorrect, t.lang, { personId: view.profile.personId })}" novalidate>${csrfField(csrf)}
${selectField(t, 'element', values.element ?? 'marital-status', elements, errors)}
${textField(t, 'value', values.value ?? '', errors, { hint: t.t('registry.hints.correctionValue') })}
${textField(t, 'reason', values.reason ?? '', errors)}
<button class="button button-primary" type="submit">${t.t('registry.staff.correctSubmit')}</button></form>
<ul>
<li><a href="${pathFor(registryPaths.staffCorrectAddress, t.lang, { personId: view.profile.personId })}">${t.t('registry.staff.correctAddressLink')}</a></li>
<li><a href="${pathFor(registryPaths.staffCorrectContact, t.lang, { personId: view.profile.personId })}">${t.t('registry.staff.correctContactLink')}</a></li>
</ul>`
    : ''
}`,
  };
}

/** Who the correction is about and where it is sent; shared by the correction pages. */
export interface CorrectionSubject {
  personId: string;
  name: string;
}

function correctionPage(
  t: Translator,
  key: 'correctAddressTitle' | 'correctContactTitle',
  subject: CorrectionSubject,
  errors: FormErrors,
  form: ReturnType<typeof html>,
): Page {
  const title = t.t(`registry.staff.${key}`, { name: subject.name });
  const record = pathFor(registryPaths.staffRecord, t.lang, { personId: subject.personId });
  return {
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [{ href: record, label: t.t('registry.staff.title', { name: subject.name }) }],
    body: html`${errorSummary(t, errors)}<h1>${title}</h1><p>${t.t('registry.staff.correctIntro')}</p>${form}
<p><a href="${record}">${t.t('registry.staff.back')}</a></p>`,
  };
}

export function staffAddressCorrectionPage(
  t: Translator,
  subject: CorrectionSubject,
  values: Values,
  errors: FormErrors,
  csrf: string,
): Page {
  const v = (name: string) => values[name] ?? '';
  const provinces = PROVINCES.map((code) => ({ value: code, label: t.t(`registry.provinces.${code}`) }));
  const kinds = (['residential', 'mailing'] as const).map((value) => ({
    value,
    label: t.t(`registry.addressKinds.${value}`),
  }));
  const action = pathFor(registryPaths.staffCorrectAddress, t.lang, { personId: subject.personId });
  return correctionPage(
    t,
    'correctAddressTitle',
    subject,
    errors,
    html`<form method="post" action="${action}" novalidate>${csrfField(csrf)}
${selectField(t, 'kind', v('kind') || 'residential', kinds, errors)}
${textField(t, 'line1', v('line1'), errors, { autocomplete: 'off' })}
${textField(t, 'line2', v('line2'), errors, { autocomplete: 'off' })}
${textField(t, 'city', v('city'), errors, { autocomplete: 'off' })}
${selectField(t, 'provinceCode', v('provinceCode') || 'ON', provinces, errors)}
${textField(t, 'postalCode', v('postalCode'), errors, { autocomplete: 'off', width: 'short', hint: t.t('registry.hints.postalCode') })}
${textField(t, 'effectiveFrom', v('effectiveFrom'), errors, { type: 'date', width: 'medium', label: t.t('registry.staff.fields.effectiveFrom'), hint: t.t('registry.hints.effectiveFrom') })}
${textField(t, 'reason', v('reason'), errors)}
<button class="button button-primary" type="submit">${t.t('registry.staff.correctSubmit')}</button></form>`,
  );
}

export function staffContactCorrectionPage(
  t: Translator,
  subject: CorrectionSubject,
  values: Values,
  errors: FormErrors,
  csrf: string,
): Page {
  const v = (name: string) => values[name] ?? '';
  const formats = v('alternateFormats').split(',');
  const options = (prefix: string, list: readonly string[]) =>
    list.map((value) => ({ value, label: t.t(`registry.${prefix}.${value}`) }));
  const action = pathFor(registryPaths.staffCorrectContact, t.lang, { personId: subject.personId });
  return correctionPage(
    t,
    'correctContactTitle',
    subject,
    errors,
    html`<form method="post" action="${action}" novalidate>${csrfField(csrf)}
${textField(t, 'email', v('email'), errors, { type: 'email', autocomplete: 'off', inputmode: 'email' })}
${textField(t, 'phone', v('phone'), errors, { type: 'tel', autocomplete: 'off', inputmode: 'tel', hint: t.t('registry.hints.phone') })}
${selectField(t, 'preferredLanguage', v('preferredLanguage'), options('language', ['en', 'fr']), errors)}
${selectField(t, 'preferredChannel', v('preferredChannel'), options('channel', ['online', 'mail', 'phone']), errors)}
${textField(t, 'accessibilityNeeds', v('accessibilityNeeds'), errors)}
<fieldset class="form-group"><legend>${t.t('registry.fields.alternateFormats')}</legend>
${ALTERNATE_FORMATS.map((f) => html`<div class="checkbox"><input type="checkbox" id="format-${f}" name="alternateFormats" value="${f}"${formats.includes(f) ? html` checked` : ''}><label for="format-${f}">${t.t(`registry.formats.${f}`)}</label></div>`)}
</fieldset>
${textField(t, 'reason', v('reason'), errors)}
<button class="button button-primary" type="submit">${t.t('registry.staff.correctSubmit')}</button></form>`,
  );
}
