import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { letterToHtml } from '../../platform/documents/letter-html.ts';
import { inboxPaths } from '../inbox.paths.ts';
import type { DocumentSummary, OpenedDocument } from '../inbox.service.ts';
import { DOCUMENT_FILES } from '../document-files.ts';

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

function documentPath(t: Translator, id: string): string {
  return pathFor(inboxPaths.document, t.lang, { documentId: id });
}

function paperState(print: NonNullable<DocumentSummary['print']>): 'mailed' | 'held' | 'toMail' {
  if (print.printed) return 'mailed';
  return print.held ? 'held' : 'toMail';
}

/**
 * Letters we could not post for want of a mailing address: what to do, and that we post them once it is added.
 * Counted over the whole inbox, so shown on it and not on a search's results (each of those says "Not mailed").
 */
function heldNotice(t: Translator, documents: readonly DocumentSummary[], addressHref: string) {
  const held = documents.filter((document) => document.print?.held).length;
  if (held === 0) return '';
  return html`<div class="notice notice-warning" role="region" aria-labelledby="unposted-title">
<h2 id="unposted-title">${t.t('inbox.unposted.title')}</h2>
<p>${t.t(held === 1 ? 'inbox.unposted.one' : 'inbox.unposted.some', { count: t.number(held) })}</p>
<p><a href="${addressHref}">${t.t('inbox.unposted.action')}</a></p>
</div>`;
}

function status(t: Translator, document: DocumentSummary) {
  const read = document.readAt
    ? html`<span>${t.t('inbox.list.read', { date: t.date(document.readAt) })}</span>`
    : html`<strong class="badge">${t.t('inbox.list.unread')}</strong>`;
  const paper = document.print
    ? html`<br><span>${t.t(`inbox.list.${paperState(document.print)}`)}</span>`
    : '';
  return html`${read}${paper}`;
}

function documentsTable(t: Translator, documents: readonly DocumentSummary[], search: string) {
  if (documents.length === 0)
    return html`<p>${search ? t.t('inbox.list.noMatch', { search }) : t.t('inbox.list.empty')}</p>`;
  return html`<table class="responsive"><caption>${t.t('inbox.list.caption')}</caption>
<thead><tr><th scope="col">${t.t('inbox.list.document')}</th><th scope="col">${t.t('inbox.list.kind')}</th><th scope="col">${t.t('inbox.list.received')}</th><th scope="col">${t.t('inbox.list.status')}</th></tr></thead>
<tbody>${documents.map(
    (document) => html`<tr${document.readAt ? '' : html` class="unread"`}>
<td data-label="${t.t('inbox.list.document')}"><a href="${documentPath(t, document.id)}">${document.title}</a></td>
<td data-label="${t.t('inbox.list.kind')}">${t.t(`inbox.kinds.${document.kind}`)}</td>
<td data-label="${t.t('inbox.list.received')}">${t.date(document.receivedAt)}</td>
<td data-label="${t.t('inbox.list.status')}">${status(t, document)}</td></tr>`,
  )}</tbody></table>`;
}

export function inboxPage(
  t: Translator,
  documents: readonly DocumentSummary[],
  search: string,
  crumbs: readonly Crumb[],
  addressHref: string,
): Page {
  const unread = documents.filter((document) => !document.readAt).length;
  return {
    title: t.t('inbox.title'),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t('inbox.title')}</h1>
<p>${t.t('inbox.intro')}</p>
<p>${unread === 0 ? t.t('inbox.unreadNone') : t.t('inbox.unreadSome', { count: String(unread) })}</p>
${search ? '' : heldNotice(t, documents, addressHref)}
<form method="get" action="${pathFor(inboxPaths.inbox, t.lang)}" role="search" class="inline-search">
<label for="inbox-search">${t.t('inbox.search.label')}</label>
<input id="inbox-search" name="q" type="search" value="${search}" maxlength="100">
<button type="submit" class="button button-secondary">${t.t('inbox.search.button')}</button>
</form>
${documentsTable(t, documents, search)}
<h2>${t.t('inbox.paper.title')}</h2><p>${t.t('inbox.paper.body')}</p>`,
  };
}

export function documentPage(t: Translator, document: OpenedDocument, crumbs: readonly Crumb[]): Page {
  const download = (file: string) => pathFor(inboxPaths.download, t.lang, { documentId: document.id, file });
  return {
    title: document.title,
    breadcrumbs: [...crumbs, { href: pathFor(inboxPaths.inbox, t.lang), label: t.t('inbox.title') }],
    body: html`<p class="lead">${t.t(`inbox.kinds.${document.kind}`)} · ${t.t('inbox.document.received', { date: t.date(document.receivedAt) })}</p>
<div class="letter-frame">${letterToHtml(document.letter, { headingLevel: 1 })}</div>
<h2>${t.t('inbox.document.formats')}</h2>
<ul class="downloads">${Object.entries(DOCUMENT_FILES).map(
      ([file, spec]) =>
        html`<li><a href="${download(file)}" download>${t.t(`inbox.files.${spec.label}`)}</a></li>`,
    )}</ul>
<p><a href="${pathFor(inboxPaths.inbox, t.lang)}">${t.t('inbox.document.back')}</a></p>`,
  };
}
