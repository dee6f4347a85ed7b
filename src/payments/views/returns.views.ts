import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary, errorMessage } from '../../platform/forms/error-summary.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { paymentsPaths } from '../payments.paths.ts';
import { paymentReturnsPaths } from '../payment-returns.paths.ts';
import type { ReturnLoad, ReturnTask } from '../returns/returns.service.ts';
import type { ProgrammeName } from './runs.views.ts';

const k = (t: Translator, key: string, values?: Record<string, string>) =>
  t.t(`payment-returns.${key}`, values);

function crumbs(t: Translator, staffHome: BilingualPath, withUpload: boolean) {
  return [
    { href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') },
    { href: pathFor(paymentsPaths.runs, t.lang), label: t.t('payments.runs.title') },
    ...(withUpload ? [{ href: pathFor(paymentsPaths.returns, t.lang), label: k(t, 'upload.title') }] : []),
  ];
}

export const CLOSE_REASONS = ['paid-another-way', 'bank-recalled', 'not-ours'] as const;

const reasonText = (t: Translator, reason: string) =>
  t.has(`payment-returns.reasons.${reason}`) ? k(t, `reasons.${reason}`) : reason;

export function refusalText(t: Translator, code: string, line: number): string {
  const message = t.has(`payment-returns.refusals.${code}`) ? k(t, `refusals.${code}`) : code;
  return k(t, 'load.refusedLine', { line: t.number(line), message });
}

export function uploadPage(
  form: FormView,
  loads: readonly Omit<ReturnLoad, 'items'>[],
  staffHome: BilingualPath,
  maxMegabytes: number,
): Page {
  const { t } = form;
  const title = k(t, 'upload.title');
  const error = form.errors.file;
  const row = (load: Omit<ReturnLoad, 'items'>) => html`<tr>
<td data-label="${k(t, 'upload.file')}"><a href="${pathFor(paymentReturnsPaths.load, t.lang, { loadId: load.id })}">${load.filename}</a></td>
<td data-label="${k(t, 'upload.loadedAt')}">${t.date(load.loadedAt)}</td>
<td data-label="${k(t, 'upload.outcome')}">${load.status === 'refused' ? k(t, 'load.refused') : k(t, 'upload.counts', { matched: t.number(load.counts.matched), held: t.number(load.counts.held) })}</td></tr>`;
  return {
    title,
    hasErrors: Object.keys(form.errors).length > 0,
    breadcrumbs: crumbs(t, staffHome, false),
    body: html`${errorSummary(form)}<h1>${title}</h1><p>${k(t, 'upload.intro')}</p>
<form method="post" action="${pathFor(paymentsPaths.returns, t.lang)}" enctype="multipart/form-data" novalidate>${csrfField(form.csrf)}
<div class="form-group${error ? ' has-error' : ''}"><label for="file">${k(t, 'fields.file')}</label>
<span class="hint" id="file-hint">${k(t, 'hints.file', { max: String(maxMegabytes) })}</span>
${errorMessage(form, 'file')}
<input type="file" id="file" name="file" accept=".txt,.xml,.dat,.005,text/plain,application/xml" aria-describedby="file-hint${error ? ' file-error' : ''}"></div>
<button type="submit" class="button button-primary">${k(t, 'upload.button')}</button></form>
<p><a href="${pathFor(paymentReturnsPaths.followUp, t.lang)}">${k(t, 'followUp.title')}</a></p>
<h2>${k(t, 'upload.recent')}</h2>
${
  loads.length === 0
    ? html`<p>${k(t, 'upload.none')}</p>`
    : html`<table class="responsive"><caption>${k(t, 'upload.recentCaption')}</caption>
<thead><tr><th scope="col">${k(t, 'upload.file')}</th><th scope="col">${k(t, 'upload.loadedAt')}</th><th scope="col">${k(t, 'upload.outcome')}</th></tr></thead>
<tbody>${loads.map(row)}</tbody></table>`
}`,
  };
}

function itemsTable(
  t: Translator,
  caption: string,
  items: readonly ReturnTask[],
  programmes: readonly ProgrammeName[],
): SafeHtml {
  const name = (id: string | null) => (id ? (programmes.find((p) => p.id === id)?.name[t.lang] ?? id) : '');
  return html`<table class="responsive"><caption>${caption}</caption>
<thead><tr><th scope="col">${k(t, 'items.reference')}</th><th scope="col">${k(t, 'items.amount')}</th><th scope="col">${k(t, 'items.reason')}</th><th scope="col">${k(t, 'items.programme')}</th><th scope="col">${k(t, 'items.returnedOn')}</th></tr></thead>
<tbody>${items.map(
    (item) => html`<tr><td data-label="${k(t, 'items.reference')}"><code>${item.reference}</code></td>
<td data-label="${k(t, 'items.amount')}">${t.money(item.amountCents)}</td>
<td data-label="${k(t, 'items.reason')}">${reasonText(t, item.reason)} (${item.bankReasonCode})</td>
<td data-label="${k(t, 'items.programme')}">${name(item.programmeId)}${item.period ? ` ${item.period}` : ''}</td>
<td data-label="${k(t, 'items.returnedOn')}">${t.date(item.returnedOn)}</td></tr>`,
  )}</tbody></table>`;
}

export function loadPage(
  t: Translator,
  load: ReturnLoad,
  programmes: readonly ProgrammeName[],
  staffHome: BilingualPath,
): Page {
  const title = k(t, 'load.title', { file: load.filename });
  const matched = load.items.filter((item) => item.status !== 'held');
  const held = load.items.filter((item) => item.status === 'held');
  const refusal = load.refusal;
  return {
    title,
    breadcrumbs: crumbs(t, staffHome, true),
    body: html`<h1>${title}</h1>
<dl class="summary-list">
<div><dt>${k(t, 'load.format')}</dt><dd>${load.format ? k(t, `load.formats.${load.format.replace('.', '')}`) : ''}</dd></div>
<div><dt>${k(t, 'upload.loadedAt')}</dt><dd>${t.date(load.loadedAt)}</dd></div>
<div><dt>${k(t, 'load.matched')}</dt><dd>${t.number(load.counts.matched)}</dd></div>
<div><dt>${k(t, 'load.held')}</dt><dd>${t.number(load.counts.held)}</dd></div>
<div><dt>${k(t, 'load.duplicates')}</dt><dd>${t.number(load.counts.duplicates)}</dd></div></dl>
${
  refusal
    ? html`<div class="alert alert-danger" role="region" aria-labelledby="refused-title"><h2 id="refused-title">${k(t, 'load.refused')}</h2>
<p>${k(t, 'load.refusedWhy')}</p><ul><li>${refusalText(t, refusal.code, refusal.line)}</li></ul></div>`
    : ''
}
${matched.length > 0 ? html`<h2>${k(t, 'load.matchedTitle')}</h2><p>${k(t, 'load.matchedWhat')}</p>${itemsTable(t, k(t, 'load.matchedCaption'), matched, programmes)}` : ''}
${held.length > 0 ? html`<h2>${k(t, 'load.heldTitle')}</h2><p>${k(t, 'load.heldWhat')}</p>${itemsTable(t, k(t, 'load.heldCaption'), held, programmes)}` : ''}
<p><a href="${pathFor(paymentReturnsPaths.followUp, t.lang)}">${k(t, 'followUp.title')}</a></p>`,
  };
}

export interface FollowUpData {
  readonly tasks: readonly ReturnTask[];
  readonly programmes: readonly ProgrammeName[];
  readonly csrf: string;
  /** The client file of a person, when the staff member may open it. */
  readonly clientFile: ((personId: string) => string) | null;
}

export function followUpPage(t: Translator, data: FollowUpData, staffHome: BilingualPath): Page {
  const title = k(t, 'followUp.title');
  const waiting = data.tasks.filter((task) => task.status === 'matched');
  const held = data.tasks.filter((task) => task.status === 'held');
  const client = (task: ReturnTask) =>
    task.personId && data.clientFile
      ? html`<a href="${data.clientFile(task.personId)}">${k(t, 'followUp.clientFile')}<span class="visually-hidden"> ${task.reference}</span></a>`
      : '';
  const matchLink = (task: ReturnTask) =>
    html`<p><a href="${pathFor(paymentReturnsPaths.match, t.lang, { returnId: task.id })}">${task.matchProposed ? k(t, 'followUp.matchProposed') : k(t, 'followUp.match')}<span class="visually-hidden"> ${task.reference}</span></a></p>`;
  const closeForm = (
    task: ReturnTask,
  ) => html`<form method="post" action="${pathFor(paymentReturnsPaths.close, t.lang, { returnId: task.id })}">${csrfField(data.csrf)}
<label for="reason-${task.id}">${k(t, 'fields.reason')}</label>
<select id="reason-${task.id}" name="reason">${CLOSE_REASONS.map((reason) => html`<option value="${reason}">${k(t, `close.${reason}`)}</option>`)}</select>
<button type="submit" class="button button-secondary">${k(t, 'followUp.close')}<span class="visually-hidden"> ${task.reference}</span></button></form>`;
  return {
    title,
    breadcrumbs: [{ href: pathFor(staffHome, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${title}</h1><p>${k(t, 'followUp.intro')}</p>
<h2>${k(t, 'followUp.waitingTitle')}</h2>
${
  waiting.length === 0
    ? html`<p>${k(t, 'followUp.noneWaiting')}</p>`
    : html`<table class="responsive"><caption>${k(t, 'followUp.waitingCaption')}</caption>
<thead><tr><th scope="col">${k(t, 'items.reference')}</th><th scope="col">${k(t, 'items.amount')}</th><th scope="col">${k(t, 'items.reason')}</th><th scope="col">${k(t, 'followUp.told')}</th><th scope="col">${k(t, 'followUp.person')}</th></tr></thead>
<tbody>${waiting.map(
        (task) => html`<tr><td data-label="${k(t, 'items.reference')}"><code>${task.reference}</code></td>
<td data-label="${k(t, 'items.amount')}">${t.money(task.amountCents)}</td>
<td data-label="${k(t, 'items.reason')}">${reasonText(t, task.reason)}</td>
<td data-label="${k(t, 'followUp.told')}">${task.told ? k(t, 'followUp.toldYes') : k(t, 'followUp.toldNo')}</td>
<td data-label="${k(t, 'followUp.person')}">${client(task)}</td></tr>`,
      )}</tbody></table>`
}
<h2>${k(t, 'followUp.heldTitle')}</h2>
${
  held.length === 0
    ? html`<p>${k(t, 'followUp.noneHeld')}</p>`
    : html`<p>${k(t, 'load.heldWhat')}</p><table class="responsive"><caption>${k(t, 'followUp.heldCaption')}</caption>
<thead><tr><th scope="col">${k(t, 'items.reference')}</th><th scope="col">${k(t, 'items.amount')}</th><th scope="col">${k(t, 'items.reason')}</th><th scope="col">${k(t, 'items.returnedOn')}</th><th scope="col">${k(t, 'followUp.action')}</th></tr></thead>
<tbody>${held.map(
        (task) => html`<tr><td data-label="${k(t, 'items.reference')}"><code>${task.reference}</code></td>
<td data-label="${k(t, 'items.amount')}">${t.money(task.amountCents)}</td>
<td data-label="${k(t, 'items.reason')}">${reasonText(t, task.reason)} (${task.bankReasonCode})</td>
<td data-label="${k(t, 'items.returnedOn')}">${t.date(task.returnedOn)}</td>
<td data-label="${k(t, 'followUp.action')}">${matchLink(task)}${closeForm(task)}</td></tr>`,
      )}</tbody></table>`
}`,
  };
}
