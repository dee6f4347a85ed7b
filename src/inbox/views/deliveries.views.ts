import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { DeliveryLine } from '../delivery-record.ts';
import type { Crumb } from './inbox.views.ts';

const k = (key: string) => `inbox.deliveries.${key}`;

function sentCell(t: Translator, line: DeliveryLine): SafeHtml {
  const read = line.readAt ? t.t(k('read'), { date: t.date(line.readAt) }) : t.t(k('unread'));
  return html`${t.date(line.sentAt)}<br><span>${read}</span>`;
}

function noticeCell(t: Translator, line: DeliveryLine): SafeHtml {
  if (!line.notice) return html`${t.t(k('noNotice'))}`;
  return html`${t.t(k('noticeLine'), {
    channel: t.t(k(`channels.${line.notice.channel}`)),
    status: t.t(k(`statuses.${line.notice.status}`)),
    date: t.date(line.notice.at),
  })}`;
}

function paperCell(t: Translator, line: DeliveryLine): SafeHtml {
  const paper = line.paper;
  if (!paper) return html`${t.t(k('noPaper'))}`;
  const state = t.t(k(`states.${paper.state}`), { date: paper.mailedAt ? t.date(paper.mailedAt) : '' });
  return html`${t.t(k('paperLine'), { state, format: t.t(k(`formats.${paper.format}`)) })}
<br><span>${t.t(k('reasonLine'), { reason: t.t(k(`reasons.${paper.reason}`)) })}</span>${
    paper.printFile ? html`<br><span>${t.t(k('printFile'), { file: paper.printFile })}</span>` : ''
  }`;
}

function deliveriesTable(t: Translator, lines: readonly DeliveryLine[]): SafeHtml {
  if (lines.length === 0) return html`<p>${t.t(k('none'))}</p>`;
  const head = [k('document'), k('sent'), k('notice'), k('paper')].map((key) => t.t(key));
  const [document = '', sent = '', notice = '', paper = ''] = head;
  return html`<table class="responsive"><caption>${t.t(k('caption'))}</caption>
<thead><tr>${head.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>${lines.map(
    (line) => html`<tr>
<td data-label="${document}">${line.title}<br><span>${t.t(`inbox.kinds.${line.kind}`)}</span></td>
<td data-label="${sent}">${sentCell(t, line)}</td>
<td data-label="${notice}">${noticeCell(t, line)}</td>
<td data-label="${paper}">${paperCell(t, line)}</td></tr>`,
  )}</tbody></table>`;
}

/** Staff: what was sent to a client, how they were told, and where each paper letter is. */
export function deliveriesPage(
  t: Translator,
  lines: readonly DeliveryLine[],
  crumbs: readonly Crumb[],
  clientFileHref: string,
): Page {
  return {
    title: t.t(k('title')),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t(k('title'))}</h1>
<p>${t.t(k('intro'))}</p>
${deliveriesTable(t, lines)}
<p><a href="${clientFileHref}">${t.t(k('back'))}</a></p>`,
  };
}

/** The client file's section: a pointer to the page (read and audited only when staff open it). */
export function deliveriesSection(t: Translator, href: string): SafeHtml {
  return html`<h2>${t.t(k('title'))}</h2>
<p>${t.t(k('sectionIntro'))}</p>
<p><a href="${href}">${t.t(k('sectionLink'))}</a></p>`;
}
