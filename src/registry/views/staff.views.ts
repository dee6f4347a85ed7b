import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { Profile } from '../registry-profile.ts';
import type { ChangeRow } from '../registry.repository.ts';
import { registryPaths } from '../registry.paths.ts';
import { deliveriesTable } from '../../exchange/views/exchange.views.ts';
import type { DeliveryView } from '../../exchange/exchange.service.ts';
import { changesTable, profileSections } from './profile.views.ts';
import { csrfField, errorSummary, selectField, textField } from './form.views.ts';
import type { FormErrors } from './form.views.ts';

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
<button class="button button-primary" type="submit">${t.t('registry.staff.correctSubmit')}</button></form>`
    : ''
}`,
  };
}
