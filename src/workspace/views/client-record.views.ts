import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, dateInput, selectField, textField } from '../../platform/forms/fields.ts';
import { errorMessage } from '../../platform/forms/error-summary.ts';
import { valueOf } from '../../platform/forms/form-view.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { addressFields, changesTable, contactFields, profileSections } from '../../person/index.ts';
import type { ChangeRow, Profile } from '../../person/index.ts';
import { deliveriesTable } from '../../exchange/index.ts';
import type { DeliveryView } from '../../exchange/index.ts';
import { workspacePaths } from '../workspace.paths.ts';

export interface StaffRecordView {
  profile: Profile;
  changes: readonly ChangeRow[];
  told: readonly DeliveryView[];
  purpose: string;
  canCorrect: boolean;
}

export const CORRECTABLE = ['marital-status', 'residence-status', 'life-status'] as const;
export const MARITAL = ['single', 'married', 'common-law', 'separated', 'divorced', 'widowed'] as const;
export const RESIDENCE = [
  'citizen',
  'permanent-resident',
  'temporary-resident',
  'protected-person',
  'non-resident',
] as const;

/** The corrected value, never a typed code: translated choices grouped by element (issue #14). */
function correctedValue(form: FormView): SafeHtml {
  const { t } = form;
  const chosen = valueOf(form, 'value');
  const option = (value: string, label: string) =>
    html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`;
  const error = form.errors.value !== undefined;
  return html`<div class="form-group${error ? ' has-error' : ''}"><label for="value">${t.t('workspace.fields.value')}</label>
<span class="hint" id="value-hint">${t.t('workspace.hints.correctionValue')}</span>${errorMessage(form, 'value')}
<select id="value" name="value" aria-describedby="value-hint${error ? ' value-error' : ''}">${option('', t.t('workspace.fields.valueNone'))}
<optgroup label="${t.t('person.elements.marital-status')}">${MARITAL.map((code) => option(code, t.t(`person.marital.${code}`)))}</optgroup>
<optgroup label="${t.t('person.elements.residence-status')}">${RESIDENCE.map((code) => option(code, t.t(`person.residence.${code}`)))}</optgroup>
</select></div>`;
}

/** The client record as staff see it: the record, its versions, who was told, and corrections with a reason. */
export function staffRecordPage(form: FormView, view: StaffRecordView): Page {
  const { t } = form;
  const name = `${view.profile.givenName} ${view.profile.familyName}`;
  const personId = view.profile.personId;
  const purpose = t.has(`workspace.purposes.${view.purpose}`)
    ? t.t(`workspace.purposes.${view.purpose}`)
    : view.purpose;
  return {
    title: t.t('workspace.record.title', { name }),
    hasErrors: hasErrors(form),
    breadcrumbs: [
      { href: pathFor(workspacePaths.home, t.lang), label: t.t('workspace.staff.homeTitle') },
      { href: pathFor(workspacePaths.clientFile, t.lang, { personId }), label: name },
    ],
    body: html`${errorSummary(form, { deathDate: 'deathDate-day' })}<h1>${t.t('workspace.record.title', { name })}</h1>
<p class="notice">${t.t('workspace.record.purpose', { purpose })}</p>
${profileSections(t, view.profile)}
<h2>${t.t('person.changes.title')}</h2>${changesTable(t, view.changes)}
<h2>${t.t('exchange.told.title')}</h2>${deliveriesTable(t, view.told)}
${view.canCorrect ? correctionForms(form, personId) : ''}`,
  };
}

function correctionForms(form: FormView, personId: string): SafeHtml {
  const { t } = form;
  const elements = CORRECTABLE.map((value) => ({ value, label: t.t(`person.elements.${value}`) }));
  return html`<h2 id="element-heading">${t.t('workspace.record.correctTitle')}</h2>
<form method="post" action="${pathFor(workspacePaths.correct, t.lang, { personId })}" novalidate>${csrfField(form.csrf)}
${selectField(form, 'element', elements, { selected: 'marital-status' })}
${correctedValue(form)}
${dateInput(form, 'deathDate', { legend: t.t('workspace.fields.deathDate') })}
${textField(form, 'reason')}
<button class="button button-primary" type="submit">${t.t('workspace.record.correctSubmit')}</button></form>
<ul>
<li><a href="${pathFor(workspacePaths.correctAddress, t.lang, { personId })}">${t.t('workspace.record.correctAddressLink')}</a></li>
<li><a href="${pathFor(workspacePaths.correctContact, t.lang, { personId })}">${t.t('workspace.record.correctContactLink')}</a></li>
</ul>`;
}

/** Who the correction is about and where it is sent; shared by the correction pages. */
export interface CorrectionSubject {
  personId: string;
  name: string;
}

export type CorrectionKind = 'address' | 'contact';

/**
 * A correction on a page of its own: the person's own fields (namespace `person`), then the reason staff
 * must give (namespace `workspace`, carried in the form as `reason`).
 */
export function correctionPage(person: FormView, subject: CorrectionSubject, kind: CorrectionKind): Page {
  const { t } = person;
  const title = t.t(
    kind === 'address' ? 'workspace.record.correctAddressTitle' : 'workspace.record.correctContactTitle',
    {
      name: subject.name,
    },
  );
  const record = pathFor(workspacePaths.clientRecord, t.lang, { personId: subject.personId });
  const action = pathFor(
    kind === 'address' ? workspacePaths.correctAddress : workspacePaths.correctContact,
    t.lang,
    {
      personId: subject.personId,
    },
  );
  const reason: FormView = { ...person, ns: 'workspace' };
  const kinds = (['residential', 'mailing'] as const).map((value) => ({
    value,
    label: t.t(`person.addressKinds.${value}`),
  }));
  const fields =
    kind === 'address'
      ? html`${selectField(reason, 'kind', kinds, { selected: 'residential' })}${addressFields(person, 'staff')}`
      : contactFields(person, 'staff');
  return {
    title,
    hasErrors: hasErrors(person),
    breadcrumbs: [{ href: record, label: t.t('workspace.record.title', { name: subject.name }) }],
    body: html`${errorSummary(person, { effectiveFrom: 'effectiveFrom-day' })}<h1>${title}</h1><p>${t.t('workspace.record.correctIntro')}</p>
<form method="post" action="${action}" novalidate>${csrfField(person.csrf)}
${fields}
${textField(reason, 'reason')}
<button class="button button-primary" type="submit">${t.t('workspace.record.correctSubmit')}</button></form>
<p><a href="${record}">${t.t('workspace.record.back')}</a></p>`,
  };
}
