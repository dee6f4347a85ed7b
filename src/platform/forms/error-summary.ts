import { html } from '../views/html.ts';
import type { SafeHtml } from '../views/html.ts';
import { errorText } from './form-view.ts';
import type { FormView } from './form-view.ts';

/**
 * GOV.UK error summary: a heading, then one link per problem to its field (`#<field>`, or the id given in
 * `anchors` where the first input of a field is named otherwise). `autofocus` moves focus to it on load, with or
 * without JavaScript (WCAG 3.3.1, GOV.UK error summary).
 */
export function errorSummary(form: FormView, anchors: Readonly<Record<string, string>> = {}): SafeHtml {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return html``;
  const { t } = form;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.t('validation.summaryTitle')}</h2>
<ul>${entries.map(([field, code]) => html`<li><a href="#${anchors[field] ?? field}">${errorText(form, code)}</a></li>`)}</ul></div>`;
}

/** The message above a refused field, with the visually hidden "Error:" a screen reader announces first. */
export function errorMessage(form: FormView, field: string, id = `${field}-error`): SafeHtml {
  const code = form.errors[field];
  if (code === undefined) return html``;
  return html`<span class="error-message" id="${id}"><span class="visually-hidden">${form.t.t('validation.errorPrefix')}</span> ${errorText(form, code)}</span>`;
}
