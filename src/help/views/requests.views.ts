import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import {
  checkboxes,
  csrfField,
  radios,
  selectField,
  textArea,
  textField,
} from '../../platform/forms/fields.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { helpPaths } from '../help.paths.ts';
import type { HelpData, HelpProgramme } from '../help-data.ts';
import type { HelpTask } from '../help.service.ts';
import { ACCOMMODATIONS, NAME_MAX, NOTE_MAX, TIMES_OF_DAY, WEEKDAYS } from '../help-request.ts';
import { helpCrumb, homeCrumb } from './help.views.ts';

type Kind = 'callback' | 'appointment';

function programmeChoices(t: Translator, programmes: readonly HelpProgramme[]) {
  return [
    { value: '', label: t.t('help.fields.programmeNotSure') },
    ...programmes.map((p) => ({ value: p.id, label: p.name[t.lang] })),
  ];
}

function officeChoices(t: Translator, data: HelpData) {
  const sorted = [...data.offices].sort(
    (a, b) => a.province.localeCompare(b.province) || a.name[t.lang].localeCompare(b.name[t.lang], t.lang),
  );
  return [
    { value: '', label: t.t('help.fields.officeChoose') },
    ...sorted.map((o) => ({ value: o.id, label: `${o.name[t.lang]} (${o.city})` })),
  ];
}

function preferenceFields(form: FormView, kind: Kind): SafeHtml {
  const { t } = form;
  return html`${radios(form, 'lang', {
    legend: t.t('help.fields.lang'),
    choices: [
      { value: 'en', label: 'English' },
      { value: 'fr', label: 'Français' },
    ],
  })}
${kind === 'appointment' ? checkboxes(form, 'days', { legend: t.t('help.fields.days'), hint: t.t('help.hints.days'), choices: WEEKDAYS.map((day) => ({ value: day, label: t.t(`help.days.${day}`) })) }) : ''}
${radios(form, 'timeOfDay', { legend: t.t(`help.fields.timeOfDay.${kind}`), choices: TIMES_OF_DAY.map((time) => ({ value: time, label: t.t(`help.times.${time}`) })) })}
${checkboxes(form, 'accommodations', { legend: t.t('help.fields.accommodations'), hint: t.t('help.hints.accommodations'), choices: ACCOMMODATIONS.map((item) => ({ value: item, label: t.t(`help.accommodations.${item}`) })) })}
${textArea(form, 'accommodationDetails', { rows: 3, maxLength: NOTE_MAX, hint: t.t('help.hints.accommodationDetails') })}`;
}

export function requestPage(
  form: FormView,
  kind: Kind,
  data: HelpData,
  programmes: readonly HelpProgramme[],
): Page {
  const { t } = form;
  const title = t.t(`help.request.${kind}.title`);
  const path = kind === 'callback' ? helpPaths.callback : helpPaths.appointment;
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: [homeCrumb(t), helpCrumb(t)],
    body: html`${errorSummary(form, { days: 'days', accommodations: 'accommodations' })}<h1>${title}</h1>
<p class="lead">${t.t(`help.request.${kind}.lead`)}</p>
<form method="post" action="${pathFor(path, t.lang)}" novalidate>
${csrfField(form.csrf)}
${kind === 'appointment' ? selectField(form, 'officeId', officeChoices(t, data)) : ''}
${selectField(form, 'programmeId', programmeChoices(t, programmes))}
${textField(form, 'name', { autocomplete: 'name', hint: t.t('help.hints.name', { max: NAME_MAX }) })}
${textField(form, 'phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', width: 'md', hint: t.t('help.hints.phone') })}
${preferenceFields(form, kind)}
${textArea(form, 'about', { rows: 4, maxLength: NOTE_MAX, hint: t.t('help.hints.about') })}
<p>${t.t('help.request.privacy')}</p>
<button type="submit" class="button button-primary">${t.t(`help.request.${kind}.submit`)}</button>
</form>`,
  };
}

export function requestedPage(t: Translator, reference: string): Page {
  return {
    title: t.t('help.requested.title'),
    breadcrumbs: [homeCrumb(t), helpCrumb(t)],
    body: html`<div class="confirmation-panel"><h1>${t.t('help.requested.title')}</h1>
<p>${t.t('help.requested.reference')}<br><strong class="reference">${reference}</strong></p></div>
<h2>${t.t('help.requested.nextTitle')}</h2>
<p>${t.t('help.requested.next')}</p>
<p>${t.t('help.requested.keep')}</p>
<p><a href="${pathFor(helpPaths.help, t.lang)}">${t.t('help.requested.back')}</a></p>`,
  };
}

function taskRow(
  t: Translator,
  csrf: string,
  task: HelpTask,
  data: HelpData,
  programmes: readonly HelpProgramme[],
): SafeHtml {
  const programme =
    programmes.find((p) => p.id === task.programmeId)?.name[t.lang] ?? t.t('help.fields.programmeNotSure');
  const office = data.offices.find((o) => o.id === task.officeId)?.name[t.lang];
  const needs = task.accommodations.map((item) => t.t(`help.accommodations.${item}`)).join(', ');
  return html`<tr>
<td data-label="${t.t('help.staff.reference')}">${task.reference}<br>${t.t(`help.staff.kind.${task.kind}`)}<br>${t.dateTime(task.createdAt)}</td>
<td data-label="${t.t('help.staff.who')}">${task.name}<br>${task.phone}<br>${t.t('help.staff.inLang', { lang: task.lang === 'en' ? 'English' : 'français' })}</td>
<td data-label="${t.t('help.staff.what')}">${programme}${office ? html`<br>${office}` : ''}<br>${task.days.map((day) => t.t(`help.days.${day}`)).join(', ')} ${t.t(`help.times.${task.timeOfDay}`)}${task.about ? html`<br>${task.about}` : ''}</td>
<td data-label="${t.t('help.staff.needs')}">${needs || t.t('help.staff.none')}${task.accommodationDetails ? html`<br>${task.accommodationDetails}` : ''}</td>
<td><form method="post" action="${pathFor(helpPaths.staffDone, t.lang, { id: task.id })}">${csrfField(csrf)}<button type="submit" class="button button-secondary">${t.t('help.staff.done')}<span class="visually-hidden"> ${task.reference}</span></button></form></td>
</tr>`;
}

export function staffQueuePage(
  t: Translator,
  csrf: string,
  tasks: readonly HelpTask[],
  data: HelpData,
  programmes: readonly HelpProgramme[],
  staffHome: BilingualPath,
): Page {
  return {
    title: t.t('help.staff.title'),
    breadcrumbs: [{ href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${t.t('help.staff.title')}</h1>
<p class="lead">${t.t('help.staff.lead', { count: t.number(tasks.length) })}</p>
${
  tasks.length === 0
    ? html`<p>${t.t('help.staff.empty')}</p>`
    : html`<table class="reflow-table"><caption class="visually-hidden">${t.t('help.staff.title')}</caption>
<thead><tr><th scope="col">${t.t('help.staff.reference')}</th><th scope="col">${t.t('help.staff.who')}</th><th scope="col">${t.t('help.staff.what')}</th><th scope="col">${t.t('help.staff.needs')}</th><th scope="col"><span class="visually-hidden">${t.t('help.staff.action')}</span></th></tr></thead>
<tbody>${tasks.map((task) => taskRow(t, csrf, task, data, programmes))}</tbody></table>`
}`,
  };
}
