import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { Profile } from '../registry-profile.ts';
import type { ChangeRow } from '../registry.repository.ts';
import { registryPaths } from '../registry.paths.ts';
import { deliveriesTable } from '../../exchange/views/exchange.views.ts';
import type { DeliveryView } from '../../exchange/exchange.service.ts';
import { addressFields, contactFields } from './edit.views.ts';
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

interface CorrectionForm {
  readonly key: 'correctAddressTitle' | 'correctContactTitle';
  readonly action: string;
  /** The element's own fields; the reason and the submit button are added after them. */
  readonly fields: ReturnType<typeof html>;
}

function correctionPage(
  t: Translator,
  subject: CorrectionSubject,
  values: Values,
  errors: FormErrors,
  csrf: string,
  { key, action, fields }: CorrectionForm,
): Page {
  const title = t.t(`registry.staff.${key}`, { name: subject.name });
  const record = pathFor(registryPaths.staffRecord, t.lang, { personId: subject.personId });
  return {
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [{ href: record, label: t.t('registry.staff.title', { name: subject.name }) }],
    body: html`${errorSummary(t, errors)}<h1>${title}</h1><p>${t.t('registry.staff.correctIntro')}</p>
<form method="post" action="${action}" novalidate>${csrfField(csrf)}
${fields}
${textField(t, 'reason', values.reason ?? '', errors)}
<button class="button button-primary" type="submit">${t.t('registry.staff.correctSubmit')}</button></form>
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
  const kinds = (['residential', 'mailing'] as const).map((value) => ({
    value,
    label: t.t(`registry.addressKinds.${value}`),
  }));
  return correctionPage(t, subject, values, errors, csrf, {
    key: 'correctAddressTitle',
    action: pathFor(registryPaths.staffCorrectAddress, t.lang, { personId: subject.personId }),
    fields: html`${selectField(t, 'kind', values.kind || 'residential', kinds, errors)}
${addressFields(t, values, errors, 'staff')}`,
  });
}

export function staffContactCorrectionPage(
  t: Translator,
  subject: CorrectionSubject,
  values: Values,
  errors: FormErrors,
  csrf: string,
): Page {
  const formats = (values.alternateFormats ?? '').split(',');
  return correctionPage(t, subject, values, errors, csrf, {
    key: 'correctContactTitle',
    action: pathFor(registryPaths.staffCorrectContact, t.lang, { personId: subject.personId }),
    fields: contactFields(t, values, errors, formats, 'staff'),
  });
}
