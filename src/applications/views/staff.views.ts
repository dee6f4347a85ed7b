import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import {
  checkboxes,
  csrfField,
  dateInput,
  radios,
  selectField,
  textField,
} from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { applicationsPaths, staffFlow } from '../applications.paths.ts';
import type { ApplicationSummary } from '../applications.service.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_SCOPES } from '../representatives.service.ts';
import type { Crumb } from './flow.views.ts';
import type { ProgrammeLink } from './start.views.ts';

export interface FoundClient {
  readonly personId: string;
  readonly name: string;
  readonly href: string;
}

export function findClientPage(
  form: FormView,
  found: readonly FoundClient[] | null,
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('applications.staff.find.title');
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs,
    body: html`${errorSummary(form, { search: 'sin' })}<h1>${title}</h1><p>${t.t('applications.staff.find.intro')}</p>
<form method="post" action="${pathFor(applicationsPaths.staffFind, t.lang)}" novalidate>${csrfField(form.csrf)}
<h2>${t.t('applications.staff.find.bySin')}</h2>${textField(form, 'sin', { width: 'md', inputmode: 'numeric', spellcheck: false, neverEcho: true, autocomplete: 'off' })}
<h2>${t.t('applications.staff.find.byName')}</h2>${textField(form, 'givenName', { autocomplete: 'off' })}${textField(form, 'familyName', { autocomplete: 'off' })}
${dateInput(form, 'birthDate', { legend: t.t('applications.legends.birthDate'), prefix: 'birth-' })}
<h2>${t.t('applications.staff.find.byReference')}</h2>${textField(form, 'reference', { width: 'md', spellcheck: false, hint: t.t('applications.hints.reference'), autocomplete: 'off' })}
<button type="submit" class="button button-primary">${t.t('applications.staff.find.search')}</button></form>
${
  found === null
    ? ''
    : found.length === 0
      ? html`<h2>${t.t('applications.staff.find.results')}</h2><p>${t.t('applications.staff.find.none')}</p>`
      : html`<h2>${t.t('applications.staff.find.results')}</h2><ul>${found.map((client) => html`<li><a href="${client.href}">${client.name}</a></li>`)}</ul>`
}`,
  };
}

export function staffApplyPage(
  form: FormView,
  name: string,
  programmes: readonly ProgrammeLink[],
  personId: string,
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('applications.staff.apply.title');
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs,
    body: html`${errorSummary(form)}<h1>${title}</h1><p class="meta">${t.t('applications.forWhom', { name })}</p><p>${t.t('applications.staff.apply.intro')}</p>
<form method="post" action="${pathFor(applicationsPaths.staffApply, t.lang, { personId })}" novalidate>${csrfField(form.csrf)}
${selectField(form, 'programme', [{ value: '', label: '' }, ...programmes.map((p) => ({ value: p.id, label: p.name }))])}
${radios(form, 'channel', {
  legend: t.t('applications.fields.channel'),
  choices: (['phone', 'in-person', 'paper'] as const).map((value) => ({
    value,
    label: t.t(`applications.staff.apply.channels.${value}`),
  })),
})}
${radios(form, 'identityCheck', {
  legend: t.t('applications.fields.identityCheck'),
  choices: (['questions', 'document', 'in-person-id', 'paper-signature'] as const).map((value) => ({
    value,
    label: t.t(`applications.staff.apply.checks.${value}`),
  })),
})}
${checkboxes(form, 'consent', { legend: t.t('applications.fields.consent'), choices: [{ value: 'yes', label: t.t('applications.staff.apply.consent') }] })}
<button type="submit" class="button button-primary">${t.t('applications.staff.apply.start')}</button></form>`,
  };
}

/** The representative's fields, for the person authorising someone and for staff recording a trustee. */
export function representativeFields(form: FormView, staff: boolean): SafeHtml {
  const { t } = form;
  const kinds = staff ? REPRESENTATIVE_KINDS.filter((kind) => kind !== 'family') : REPRESENTATIVE_KINDS;
  return html`${textField(form, 'sin', { width: 'md', inputmode: 'numeric', spellcheck: false, neverEcho: true, autocomplete: 'off', hint: t.t('applications.hints.repSin') })}
${dateInput(form, 'repBirthDate', { legend: t.t('applications.legends.repBirthDate'), prefix: 'rep-' })}
${radios(form, 'kind', { legend: t.t('applications.fields.kind'), choices: kinds.map((value) => ({ value, label: t.t(`applications.reps.kinds.${value}`) })) })}
${radios(form, 'scope', { legend: t.t('applications.fields.scope'), choices: REPRESENTATIVE_SCOPES.map((value) => ({ value, label: t.t(`applications.reps.scopes.${value}`) })) })}
${dateInput(form, 'endsOn', { legend: t.t('applications.legends.endsOn'), prefix: 'ends-' })}
${staff ? textField(form, 'evidenceNote', { width: 'md' }) : ''}`;
}

export function recordRepresentativePage(
  form: FormView,
  name: string,
  personId: string,
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('applications.staff.record.title');
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs,
    body: html`${errorSummary(form, { repBirthDate: 'repBirthDate-day', endsOn: 'endsOn-day' })}<h1>${title}</h1><p class="meta">${t.t('applications.forWhom', { name })}</p><p>${t.t('applications.staff.record.intro')}</p>
<form method="post" action="${pathFor(applicationsPaths.staffRepresentative, t.lang, { personId })}" novalidate>${csrfField(form.csrf)}
${representativeFields(form, true)}
<button type="submit" class="button button-primary">${t.t('applications.staff.record.add')}</button></form>`,
  };
}

/** The client's applications, in the staff client file. */
export function clientApplicationsSection(
  t: Translator,
  applications: readonly ApplicationSummary[],
  names: ReadonlyMap<string, string>,
  personId: string,
  canAct: boolean,
): SafeHtml {
  return html`<section><h2>${t.t('applications.staff.applications')}</h2>
${
  applications.length === 0
    ? html`<p>${t.t('applications.staff.none')}</p>`
    : html`<table class="responsive"><caption class="visually-hidden">${t.t('applications.staff.applications')}</caption><thead><tr><th scope="col">${t.t('applications.mine.programme')}</th><th scope="col">${t.t('applications.mine.reference')}</th><th scope="col">${t.t('applications.mine.status')}</th></tr></thead>
<tbody>${applications.map((app) => html`<tr><td data-label="${t.t('applications.mine.programme')}"><a href="${pathFor(app.status === 'draft' ? staffFlow.application : staffFlow.confirmation, t.lang, { applicationId: app.id })}">${names.get(app.programmeId) ?? app.programmeId}</a></td><td data-label="${t.t('applications.mine.reference')}">${app.reference}</td><td data-label="${t.t('applications.mine.status')}">${t.t(`applications.status.${app.status}`)} (${t.t(`applications.channel.${app.channel}`)})</td></tr>`)}</tbody></table>`
}
${canAct ? html`<p class="button-group"><a class="button button-secondary" href="${pathFor(applicationsPaths.staffApply, t.lang, { personId })}">${t.t('applications.staff.apply.title')}</a> <a href="${pathFor(applicationsPaths.staffRepresentative, t.lang, { personId })}">${t.t('applications.staff.record.title')}</a></p>` : ''}</section>`;
}
