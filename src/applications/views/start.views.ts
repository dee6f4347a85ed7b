import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import type { ApplicationForm } from '../application-forms.ts';
import { applicationsPaths, personFlow } from '../applications.paths.ts';
import type { ApplicationSummary } from '../applications.service.ts';
import type { Crumb } from './flow.views.ts';

export interface StartView {
  readonly form: ApplicationForm;
  readonly programmeName: string;
  readonly csrf: string;
  /** The visitor has answers in the benefits finder that could be carried over (with their consent). */
  readonly finderAnswers: boolean;
  readonly crumbs: readonly Crumb[];
  /** The form's action: the person's own start, or a representative's for someone else. */
  readonly action: string;
  readonly forWhom: string | null;
}

function standard(t: Translator, form: ApplicationForm): SafeHtml | '' {
  return form.serviceStandard
    ? html`<h2>${t.t('applications.start.howLong')}</h2><p>${form.serviceStandard.text[t.lang]}</p>`
    : '';
}

export function startPage(t: Translator, view: StartView): Page {
  const title = t.t('applications.start.title', { programme: view.programmeName });
  const { form } = view;
  return {
    title,
    breadcrumbs: view.crumbs,
    body: html`<h1>${title}</h1>${view.forWhom ? html`<p class="meta">${t.t('applications.forWhom', { name: view.forWhom })}</p>` : ''}
<p class="lead">${t.t('applications.start.lead')}</p>
<ul><li>${t.t('applications.start.once')}</li><li>${t.t('applications.start.onePage')}</li><li>${t.t('applications.start.save')}</li></ul>
${form.evidence.some((e) => e.required && !e.when) ? html`<h2>${t.t('applications.start.documents')}</h2><ul>${form.evidence.filter((e) => !e.when).map((e) => html`<li>${e.label[t.lang]}</li>`)}</ul>` : ''}
${standard(t, form)}
<p>${t.t('applications.automatedNotice')}</p>
<form method="post" action="${view.action}" novalidate>${csrfField(view.csrf)}<input type="hidden" name="programme" value="${form.programmeId}">
${view.finderAnswers ? html`<div class="form-group"><div class="checkbox"><input type="checkbox" id="useFinder" name="useFinder" value="yes"><label for="useFinder">${t.t('applications.start.useFinder')}</label></div><span class="hint">${t.t('applications.start.useFinderHint')}</span></div>` : ''}
<button type="submit" class="button button-primary">${t.t('applications.start.button')}</button></form>`,
  };
}

export function noApplicationPage(
  t: Translator,
  form: ApplicationForm,
  programmeName: string,
  crumbs: readonly Crumb[],
): Page {
  return {
    title: programmeName,
    breadcrumbs: crumbs,
    body: html`<h1>${programmeName}</h1><div class="notice"><p>${form.noApplication?.[t.lang] ?? ''}</p></div>
<p><a href="${pathFor(applicationsPaths.mine, t.lang)}">${t.t('applications.mine.title')}</a></p>`,
  };
}

export function referralPage(
  t: Translator,
  form: ApplicationForm,
  programmeName: string,
  crumbs: readonly Crumb[],
): Page {
  const referral = form.referral;
  return {
    title: programmeName,
    breadcrumbs: crumbs,
    body: html`<h1>${programmeName}</h1><div class="notice"><p>${referral?.message[t.lang] ?? ''}</p></div>
${referral ? html`<p><a class="button button-primary" href="${referral.href[t.lang]}">${t.t('applications.start.referralLink')}</a></p>` : ''}`,
  };
}

function statusLine(t: Translator, app: ApplicationSummary): SafeHtml {
  if (app.status === 'draft' && app.expiresAt)
    return html`${t.t('applications.status.draft')} · ${t.t('applications.mine.expires', { date: t.date(app.expiresAt) })}`;
  return html`${t.t(`applications.status.${app.status}`)}${app.submittedAt ? html` · ${t.t('applications.mine.submitted', { date: t.date(app.submittedAt) })}` : ''}`;
}

export interface ProgrammeLink {
  readonly id: string;
  readonly name: string;
}

/** My applications: drafts to continue (and when they expire), submitted ones with their status. */
export function myApplicationsPage(
  t: Translator,
  applications: readonly ApplicationSummary[],
  names: ReadonlyMap<string, string>,
  programmes: readonly ProgrammeLink[],
  crumbs: readonly Crumb[],
): Page {
  const title = t.t('applications.mine.title');
  const href = (app: ApplicationSummary) =>
    pathFor(app.status === 'draft' ? personFlow.application : personFlow.confirmation, t.lang, {
      applicationId: app.id,
    });
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1>
${
  applications.length === 0
    ? html`<p>${t.t('applications.mine.none')}</p>`
    : html`<table class="responsive"><caption>${t.t('applications.mine.caption')}</caption>
<thead><tr><th scope="col">${t.t('applications.mine.programme')}</th><th scope="col">${t.t('applications.mine.reference')}</th><th scope="col">${t.t('applications.mine.status')}</th></tr></thead>
<tbody>${applications.map(
        (
          app,
        ) => html`<tr><td data-label="${t.t('applications.mine.programme')}"><a href="${href(app)}">${names.get(app.programmeId) ?? app.programmeId}</a></td>
<td data-label="${t.t('applications.mine.reference')}">${app.reference}</td><td data-label="${t.t('applications.mine.status')}">${statusLine(t, app)}</td></tr>`,
      )}</tbody></table>`
}
<h2>${t.t('applications.mine.applyTitle')}</h2>
<ul class="programme-links">${programmes.map((programme) => html`<li><a href="${pathFor(applicationsPaths.apply, t.lang, { programme: programme.id })}">${programme.name}</a></li>`)}</ul>
<p><a href="${pathFor(applicationsPaths.representatives, t.lang)}">${t.t('applications.reps.title')}</a> · <a href="${pathFor(applicationsPaths.actingFor, t.lang)}">${t.t('applications.actingFor.title')}</a></p>`,
  };
}
