import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { HeldLetter } from '../held-letters.ts';
import { inboxPaths } from '../inbox.paths.ts';
import type { Crumb } from './inbox.views.ts';

const k = (key: string) => `inbox.held.${key}`;
const d = (key: string) => `inbox.deliveries.${key}`;

function heldTable(t: Translator, letters: readonly HeldLetter[]): SafeHtml {
  if (letters.length === 0) return html`<p>${t.t(k('none'))}</p>`;
  const head = [k('letter'), k('heldSince'), k('paper'), k('client')].map((key) => t.t(key));
  const [letter = '', since = '', paper = '', client = ''] = head;
  return html`<table class="responsive"><caption>${t.t(k('caption'))}</caption>
<thead><tr>${head.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>${letters.map(
    (line) => html`<tr>
<td data-label="${letter}">${line.title}<br><span>${t.t(`inbox.kinds.${line.kind}`)}</span></td>
<td data-label="${since}">${t.date(line.heldAt)}</td>
<td data-label="${paper}">${t.t(d(`formats.${line.format}`))}<br><span>${t.t(d('reasonLine'), {
      reason: t.t(d(`reasons.${line.reason}`)),
    })}</span></td>
<td data-label="${client}"><a href="${pathFor(inboxPaths.clientDeliveries, t.lang, { personId: line.personId })}">${t.t(
      k('open'),
    )}</a></td></tr>`,
  )}</tbody></table>`;
}

/** Staff: paper letters held out of the print file because no postal address is on file. */
export function heldLettersPage(
  t: Translator,
  letters: readonly HeldLetter[],
  crumbs: readonly Crumb[],
): Page {
  return {
    title: t.t(k('title')),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t(k('title'))}</h1>
<p>${t.t(k('intro'))}</p>
<p>${t.t(k('release'))}</p>
${heldTable(t, letters)}`,
  };
}
