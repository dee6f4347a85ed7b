import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, radios, textArea, textField } from '../../platform/forms/fields.ts';
import { errorMessage } from '../../platform/forms/error-summary.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { inboxPaths } from '../inbox.paths.ts';
import { BODY_MAX, SUBJECT_MAX } from '../messages.service.ts';
import type { MessageProgramme, Thread, ThreadSummary } from '../messages.service.ts';
import type { Crumb } from './inbox.views.ts';

type Programmes = readonly MessageProgramme[];

const programmeName = (t: Translator, programmes: Programmes, id: string) =>
  programmes.find((programme) => programme.id === id)?.name[t.lang] ?? id;

function statusText(t: Translator, thread: ThreadSummary): string {
  return thread.status === 'waiting-for-us'
    ? t.t('inbox.messages.waiting', { date: t.date(thread.dueOn) })
    : t.t(`inbox.messages.status.${thread.status}`);
}

/** Someone the signed-in person may write for, and their conversations when the authorisation shows them. */
export interface RepresentedThreads {
  readonly personId: string;
  readonly name: string;
  readonly until: string;
  readonly threads: readonly ThreadSummary[] | null;
}

function threadTable(
  t: Translator,
  threads: readonly ThreadSummary[],
  programmes: Programmes,
  path: (id: string) => string,
  caption: string,
): SafeHtml {
  return html`<table class="responsive"><caption>${caption}</caption>
<thead><tr><th scope="col">${t.t('inbox.messages.subject')}</th><th scope="col">${t.t('inbox.messages.programme')}</th><th scope="col">${t.t('inbox.messages.last')}</th><th scope="col">${t.t('inbox.messages.state')}</th></tr></thead>
<tbody>${threads.map(
    (
      thread,
    ) => html`<tr><td data-label="${t.t('inbox.messages.subject')}"><a href="${path(thread.id)}">${thread.subject}</a></td>
<td data-label="${t.t('inbox.messages.programme')}">${programmeName(t, programmes, thread.programmeId)}</td>
<td data-label="${t.t('inbox.messages.last')}">${t.date(thread.lastMessageAt)}</td>
<td data-label="${t.t('inbox.messages.state')}">${statusText(t, thread)}</td></tr>`,
  )}</tbody></table>`;
}

function representingSection(
  t: Translator,
  represented: readonly RepresentedThreads[],
  programmes: Programmes,
) {
  if (represented.length === 0) return '';
  return html`<h2>${t.t('inbox.representing.title')}</h2><p>${t.t('inbox.representing.intro')}</p>
${represented.map(
  (
    someone,
  ) => html`<section><h3>${someone.name}</h3><p class="meta">${t.t('inbox.representing.until', { date: t.date(someone.until) })}</p>
<p><a class="button button-secondary" href="${pathFor(inboxPaths.newMessageFor, t.lang, { personId: someone.personId })}">${t.t('inbox.representing.write', { name: someone.name })}</a></p>
${
  someone.threads === null
    ? ''
    : someone.threads.length === 0
      ? html`<p>${t.t('inbox.representing.none')}</p>`
      : threadTable(
          t,
          someone.threads,
          programmes,
          (id) => pathFor(inboxPaths.threadFor, t.lang, { personId: someone.personId, threadId: id }),
          t.t('inbox.representing.conversations', { name: someone.name }),
        )
}</section>`,
)}`;
}

export function messagesPage(
  t: Translator,
  threads: readonly ThreadSummary[],
  programmes: Programmes,
  crumbs: readonly Crumb[],
  represented: readonly RepresentedThreads[] = [],
): Page {
  const title = t.t('inbox.messages.title');
  const path = (id: string) => pathFor(inboxPaths.thread, t.lang, { threadId: id });
  return {
    title,
    breadcrumbs: crumbs,
    body: html`<h1>${title}</h1><p>${t.t('inbox.messages.intro')}</p>
<p><a class="button button-primary" href="${pathFor(inboxPaths.newMessage, t.lang)}">${t.t('inbox.messages.write')}</a></p>
${
  threads.length === 0
    ? html`<p>${t.t('inbox.messages.none')}</p>`
    : threadTable(t, threads, programmes, path, t.t('inbox.messages.caption'))
}
${representingSection(t, represented, programmes)}`,
  };
}

/** The optional file of a person's message (the evidence upload rules). */
function attachmentField(form: FormView): SafeHtml {
  const { t } = form;
  const failed = form.errors.attachment !== undefined;
  return html`<div class="form-group${failed ? ' has-error' : ''}"><label for="attachment">${t.t('inbox.attachments.label')}</label>
<span class="hint" id="attachment-hint">${t.t('inbox.attachments.hint')}</span>${errorMessage(form, 'attachment')}
<input type="file" id="attachment" name="attachment" accept="application/pdf,image/jpeg,image/png" aria-describedby="attachment-hint${failed ? ' attachment-error' : ''}"></div>`;
}

export function newMessagePage(
  form: FormView,
  programmes: Programmes,
  crumbs: readonly Crumb[],
  forSomeone: { readonly personId: string; readonly name: string } | null = null,
): Page {
  const { t } = form;
  const title = forSomeone
    ? t.t('inbox.representing.pageTitle', { name: forSomeone.name })
    : t.t('inbox.messages.write');
  const action = forSomeone
    ? pathFor(inboxPaths.newMessageFor, t.lang, { personId: forSomeone.personId })
    : pathFor(inboxPaths.newMessage, t.lang);
  return {
    title,
    breadcrumbs: [
      ...crumbs,
      { href: pathFor(inboxPaths.messages, t.lang), label: t.t('inbox.messages.title') },
    ],
    body: html`${errorSummary(form)}<h1>${title}</h1>
<p>${t.t('inbox.messages.privacy')}</p>
<form method="post" action="${action}" enctype="multipart/form-data" novalidate>${csrfField(form.csrf)}
${radios(form, 'programmeId', {
  legend: t.t('inbox.fields.programmeId'),
  choices: programmes.map((programme) => ({
    value: programme.id,
    label: `${programme.name[t.lang]} (${t.t('inbox.messages.standard', { days: String(programme.answerWithinBusinessDays) })})`,
  })),
})}
${textField(form, 'subject', { hint: t.t('inbox.hints.subject', { max: String(SUBJECT_MAX) }) })}
${textArea(form, 'body', { maxLength: BODY_MAX, hint: t.t('inbox.hints.body') })}
${attachmentField(form)}
<button type="submit" class="button button-primary">${t.t('inbox.messages.send')}</button></form>`,
  };
}

/** Where a thread's files are downloaded from, for whoever is looking at it. */
export type FileHref = (attachmentId: string) => string;

function attachmentList(
  t: Translator,
  message: Thread['messages'][number],
  fileHref: FileHref,
): SafeHtml | '' {
  if (message.attachments.length === 0) return '';
  return html`<p class="message-files">${t.t('inbox.attachments.listed')}${t.t('inbox.reminders.separator')}${message.attachments.map(
    (file) =>
      html`<a href="${fileHref(file.id)}">${file.name}</a> (${t.t('inbox.attachments.size', { kb: String(Math.ceil(file.sizeBytes / 1024)) })}) `,
  )}</p>`;
}

function conversation(t: Translator, thread: Thread, fileHref: FileHref): SafeHtml {
  return html`<ol class="conversation">${thread.messages.map(
    (
      message,
    ) => html`<li class="message message-${message.author}"><p class="message-meta"><strong>${t.t(`inbox.messages.from.${message.author}`)}</strong> · ${t.dateTime(message.at)}</p>
<div class="message-body">${message.body.split(/\r?\n/).map((line) => html`${line}<br>`)}</div>${attachmentList(t, message, fileHref)}</li>`,
  )}</ol>`;
}

export function threadPage(
  form: FormView,
  thread: Thread,
  programmes: Programmes,
  action: string,
  crumbs: readonly Crumb[],
  files: { readonly href: FileHref; readonly upload: boolean },
  extra: SafeHtml | '' = '',
): Page {
  const { t } = form;
  const enctype = files.upload ? html` enctype="multipart/form-data"` : '';
  return {
    title: thread.subject,
    breadcrumbs: crumbs,
    body: html`${errorSummary(form)}<h1>${thread.subject}</h1>
<dl class="summary-list"><div><dt>${t.t('inbox.messages.programme')}</dt><dd>${programmeName(t, programmes, thread.programmeId)}</dd></div>
<div><dt>${t.t('inbox.messages.state')}</dt><dd>${statusText(t, thread)}</dd></div></dl>
${conversation(t, thread, files.href)}${extra}
${
  action
    ? html`<form method="post" action="${action}"${enctype} novalidate>${csrfField(form.csrf)}${textArea(form, 'body', { maxLength: BODY_MAX, label: t.t('inbox.fields.reply') })}
${files.upload ? attachmentField(form) : ''}
<button type="submit" class="button button-primary">${t.t('inbox.messages.send')}</button></form>`
    : ''
}`,
  };
}

export function staffQueuePage(
  t: Translator,
  threads: readonly ThreadSummary[],
  programmes: Programmes,
  selected: string | null,
  today: string,
  home: BilingualPath,
): Page {
  const title = t.t('inbox.staff.title');
  return {
    title,
    breadcrumbs: [{ href: pathFor(home, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${title}</h1><p>${t.t('inbox.staff.intro')}</p>
<form method="get" action="${pathFor(inboxPaths.staffQueue, t.lang)}" class="inline-search"><label for="programme">${t.t('inbox.messages.programme')}</label>
<select id="programme" name="programme"><option value="">${t.t('inbox.staff.all')}</option>${programmes.map(
      (programme) =>
        html`<option value="${programme.id}"${programme.id === selected ? html` selected` : ''}>${programme.name[t.lang]}</option>`,
    )}</select> <button type="submit" class="button button-secondary">${t.t('inbox.staff.filter')}</button></form>
${
  threads.length === 0
    ? html`<p>${t.t('inbox.staff.empty')}</p>`
    : html`<table class="responsive"><caption>${t.t('inbox.staff.caption')}</caption>
<thead><tr><th scope="col">${t.t('inbox.messages.programme')}</th><th scope="col">${t.t('inbox.staff.received')}</th><th scope="col">${t.t('inbox.staff.due')}</th><th scope="col">${t.t('inbox.staff.assigned')}</th></tr></thead>
<tbody>${threads.map(
        (
          thread,
        ) => html`<tr><td data-label="${t.t('inbox.messages.programme')}"><a href="${pathFor(inboxPaths.staffThread, t.lang, { threadId: thread.id })}">${programmeName(t, programmes, thread.programmeId)}</a></td>
<td data-label="${t.t('inbox.staff.received')}">${t.date(thread.createdAt)}</td>
<td data-label="${t.t('inbox.staff.due')}">${t.date(thread.dueOn)}${thread.dueOn < today ? html` <strong class="badge badge-danger">${t.t('inbox.staff.late')}</strong>` : ''}</td>
<td data-label="${t.t('inbox.staff.assigned')}">${thread.assignedTo ? t.t('inbox.staff.taken') : t.t('inbox.staff.nobody')}</td></tr>`,
      )}</tbody></table>`
}`,
  };
}

export function takeForm(t: Translator, csrf: string, threadId: string): SafeHtml {
  return html`<form method="post" action="${pathFor(inboxPaths.staffTake, t.lang, { threadId })}">${csrfField(csrf)}
<button type="submit" class="button button-secondary">${t.t('inbox.staff.take')}</button></form>`;
}
