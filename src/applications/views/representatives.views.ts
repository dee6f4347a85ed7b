import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, selectField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { applicationsPaths, personFlow } from '../applications.paths.ts';
import type { ApplicationSummary } from '../applications.service.ts';
import type { Authorisation } from '../representatives.service.ts';
import type { Crumb } from './flow.views.ts';
import type { ProgrammeLink } from './start.views.ts';
import { representativeFields } from './staff.views.ts';

export function representativesPage(
  form: FormView,
  given: readonly Authorisation[],
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('applications.reps.title');
  const row = (
    rep: Authorisation,
  ) => html`<tr><td data-label="${t.t('applications.reps.name')}">${rep.name}</td>
<td data-label="${t.t('applications.reps.kind')}">${t.t(`applications.reps.kinds.${rep.kind}`)}</td>
<td data-label="${t.t('applications.reps.scope')}">${t.t(`applications.reps.scopes.${rep.scope}`)}</td>
<td data-label="${t.t('applications.reps.until')}">${t.date(rep.endsOn)}</td>
<td>${rep.revoked ? t.t('applications.reps.revoked') : html`<form method="post" action="${pathFor(applicationsPaths.revokeRepresentative, t.lang, { authorisationId: rep.id })}">${csrfField(form.csrf)}<button type="submit" class="button button-secondary">${t.t('applications.reps.revoke')}<span class="visually-hidden"> ${rep.name}</span></button></form>`}</td></tr>`;
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs,
    body: html`${errorSummary(form, { repBirthDate: 'repBirthDate-day', endsOn: 'endsOn-day' })}<h1>${title}</h1><p>${t.t('applications.reps.intro')}</p>
${
  given.length === 0
    ? html`<p>${t.t('applications.reps.none')}</p>`
    : html`<table class="responsive"><caption>${t.t('applications.reps.caption')}</caption><thead><tr><th scope="col">${t.t('applications.reps.name')}</th><th scope="col">${t.t('applications.reps.kind')}</th><th scope="col">${t.t('applications.reps.scope')}</th><th scope="col">${t.t('applications.reps.until')}</th><td></td></tr></thead><tbody>${given.map(row)}</tbody></table>`
}
<h2>${t.t('applications.reps.addTitle')}</h2>
<form method="post" action="${pathFor(applicationsPaths.representatives, t.lang)}" novalidate>${csrfField(form.csrf)}
${representativeFields(form, false)}
<button type="submit" class="button button-primary">${t.t('applications.reps.add')}</button></form>`,
  };
}

export interface ActingFor {
  readonly authorisation: Authorisation;
  readonly applications: readonly ApplicationSummary[];
}

export function actingForPage(
  form: FormView,
  people: readonly ActingFor[],
  programmes: readonly ProgrammeLink[],
  names: ReadonlyMap<string, string>,
  crumbs: readonly Crumb[],
): Page {
  const { t } = form;
  const title = t.t('applications.actingFor.title');
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1><p>${t.t('applications.actingFor.intro')}</p>
${people.length === 0 ? html`<p>${t.t('applications.actingFor.none')}</p>` : ''}
${people.map(
  ({
    authorisation: rep,
    applications,
  }) => html`<section><h2>${rep.name}</h2><p class="meta">${t.t('applications.actingFor.until', { date: t.date(rep.endsOn) })} · ${t.t(`applications.reps.scopes.${rep.scope}`)}</p>
${applications.length > 0 ? html`<h3>${t.t('applications.actingFor.applications')}</h3><ul>${applications.map((app) => html`<li><a href="${pathFor(app.status === 'draft' ? personFlow.application : personFlow.confirmation, t.lang, { applicationId: app.id })}">${names.get(app.programmeId) ?? app.programmeId}</a> · ${app.reference} · ${t.t(`applications.status.${app.status}`)}</li>`)}</ul>` : ''}
<form method="post" action="${pathFor(applicationsPaths.applyFor, t.lang, { personId: rep.personId })}" novalidate>${csrfField(form.csrf)}
${selectField(
  { ...form, values: {} },
  'programme',
  programmes.map((p) => ({ value: p.id, label: p.name })),
  { label: t.t('applications.fields.programme') },
)}
<button type="submit" class="button button-primary">${t.t('applications.actingFor.start')}<span class="visually-hidden"> ${rep.name}</span></button></form></section>`,
)}`,
  };
}
