import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, textField } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { portalPaths } from '../portal.paths.ts';

export type ChangeKey = 'address' | 'contact' | 'deposit';

/** One line of check-your-answers: the field's label, what will be saved, and where to change it. */
export interface AnswerRow {
  readonly field: string;
  readonly label: string;
  readonly value: string;
}

const STEP_PATHS: Record<ChangeKey, { form: BilingualPath; check: BilingualPath }> = {
  address: { form: portalPaths.address, check: portalPaths.addressCheck },
  contact: { form: portalPaths.contact, check: portalPaths.contactCheck },
  deposit: { form: portalPaths.directDeposit, check: portalPaths.depositCheck },
};

function crumbs(t: Translator) {
  return [
    { href: pathFor(portalPaths.home, t.lang), label: t.t('portal.my.title') },
    { href: pathFor(portalPaths.profile, t.lang), label: t.t('portal.profile.title') },
  ];
}

/** One of the person's own change forms, under My profile; the fields' words are the person module's. */
export function formPage(form: FormView, key: ChangeKey, fields: SafeHtml): Page {
  const { t } = form;
  const action = pathFor(STEP_PATHS[key].form, t.lang);
  // A bank account is never offered back by the browser's autofill.
  const autocomplete = key === 'deposit' ? html` autocomplete="off"` : '';
  return {
    title: t.t(`portal.${key}.title`),
    hasErrors: hasErrors(form),
    breadcrumbs: crumbs(t),
    body: html`${errorSummary(form, { effectiveFrom: 'effectiveFrom-day' })}<h1>${t.t(`portal.${key}.title`)}</h1><p>${t.t(`portal.${key}.intro`)}</p>
<form method="post" action="${action}" novalidate${autocomplete}>${csrfField(form.csrf)}
${fields}
<button class="button button-primary" type="submit">${t.t('portal.check.continue')}</button></form>`,
  };
}

export function depositFields(form: FormView): SafeHtml {
  const { t } = form;
  return html`${textField(form, 'institution', { inputmode: 'numeric', width: 'sm', hint: t.t('person.hints.institution') })}
${textField(form, 'transit', { inputmode: 'numeric', width: 'sm', hint: t.t('person.hints.transit') })}
${textField(form, 'account', { inputmode: 'numeric', width: 'md', hint: t.t('person.hints.account') })}
<p>${t.t('portal.deposit.notice')}</p>`;
}

/** Check your answers: nothing is saved until the person confirms here. */
export function checkPage(t: Translator, key: ChangeKey, rows: readonly AnswerRow[], csrf: string): Page {
  const form = pathFor(STEP_PATHS[key].form, t.lang);
  const title = t.t('portal.check.title');
  return {
    title,
    breadcrumbs: crumbs(t),
    body: html`<h1>${title}</h1>
<h2>${t.t(`portal.${key}.title`)}</h2>
<dl class="summary-list">${rows.map((row) => html`<dt>${row.label}</dt><dd>${row.value} <a href="${form}#${row.field}">${t.t('portal.check.change')}<span class="visually-hidden"> ${row.label}</span></a></dd>`)}</dl>
<p>${t.t(`portal.check.before.${key}`)}</p>
<form method="post" action="${pathFor(STEP_PATHS[key].check, t.lang)}" novalidate>${csrfField(csrf)}
<button class="button button-primary" type="submit">${t.t(`portal.${key}.submit`)}</button></form>`,
  };
}

/** The change is saved: its reference, in characters that read aloud without confusion, and what happens next. */
export function confirmationPage(
  t: Translator,
  key: ChangeKey,
  change: { reference: string; at: Date },
  links: { profile: BilingualPath; follow?: BilingualPath },
): Page {
  const title = t.t(`portal.done.title.${key}`);
  return {
    title,
    breadcrumbs: crumbs(t),
    body: html`<div class="panel panel-success"><h1>${title}</h1>
<p>${t.t('portal.done.reference')}<br><strong class="reference">${change.reference}</strong></p></div>
<p>${t.t('portal.done.when', { date: t.dateTime(change.at) })}</p>
<p>${t.t('portal.done.keep')}</p>
<h2>${t.t('portal.done.next')}</h2>
<p>${t.t(`portal.done.nextBody.${key}`)}</p>
${links.follow ? html`<p><a href="${pathFor(links.follow, t.lang)}">${t.t('portal.done.follow')}</a></p>` : ''}
<p><a href="${pathFor(links.profile, t.lang)}">${t.t('portal.done.back')}</a></p>`,
  };
}
