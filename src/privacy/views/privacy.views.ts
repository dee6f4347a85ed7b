import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { changesTable, profileSections } from '../../person/index.ts';
import { deliveriesTable } from '../../exchange/index.ts';
import type { Crumb } from '../../exchange/index.ts';
import { privacyPaths } from '../privacy.paths.ts';
import type { AccessLogEntry } from '../access-log.ts';
import type { MyDataSources } from '../my-data-export.ts';

export type AgencyNames = ReadonlyMap<string, { en: string; fr: string }>;

function who(t: Translator, entry: AccessLogEntry, agencies: AgencyNames): string {
  const agency = entry.agencyId ? (agencies.get(entry.agencyId)?.[t.lang] ?? entry.agencyId) : '';
  if (entry.accessor === 'staff')
    return t.t('privacy.accessLog.staff', { role: t.t(`person.roles.${entry.role ?? 'agent'}`), agency });
  if (entry.accessor === 'agency') return agency;
  return t.t(`person.actors.${entry.accessor}`);
}

/** Who and what, in words, for one line of the access log (the page's table and the PDF). */
export function accessLabels(
  t: Translator,
  entry: AccessLogEntry,
  agencies: AgencyNames,
): { who: string; what: string } {
  return { who: who(t, entry, agencies), what: actionLabel(t, entry.action) };
}

function actionLabel(t: Translator, action: string): string {
  const key = `privacy.actions.${action.replace(/\./g, '_')}`;
  return t.has(key) ? t.t(key) : t.t('privacy.actions.other');
}

/** `zone`: the reader's (their home province's), named beside each time. */
export function accessLogTable(
  t: Translator,
  entries: readonly AccessLogEntry[],
  agencies: AgencyNames,
  zone: string,
) {
  if (entries.length === 0) return html`<p>${t.t('privacy.accessLog.none')}</p>`;
  return html`<table class="reflow-table"><caption>${t.t('privacy.accessLog.caption')}</caption>
<thead><tr><th scope="col">${t.t('privacy.accessLog.when')}</th><th scope="col">${t.t('privacy.accessLog.who')}</th><th scope="col">${t.t('privacy.accessLog.what')}</th><th scope="col">${t.t('privacy.accessLog.why')}</th><th scope="col">${t.t('privacy.accessLog.how')}</th></tr></thead>
<tbody>${entries.map(
    (
      e,
    ) => html`<tr><td data-label="${t.t('privacy.accessLog.when')}">${t.dateTime(e.at, zone)}</td><td data-label="${t.t('privacy.accessLog.who')}">${who(t, e, agencies)}</td><td data-label="${t.t('privacy.accessLog.what')}">${actionLabel(t, e.action)}${e.count > 1 ? html`<br><span class="hint">${t.t('privacy.accessLog.times', { count: t.number(e.count), first: t.time(e.firstAt, zone) })}</span>` : ''}</td>
<td data-label="${t.t('privacy.accessLog.why')}">${t.has(`privacy.purposes.${e.purpose}`) ? t.t(`privacy.purposes.${e.purpose}`) : t.t('privacy.purposes.other')}</td><td data-label="${t.t('privacy.accessLog.how')}">${t.t(`person.channels.${e.channel}`)}</td></tr>`,
  )}</tbody></table>`;
}

export function accessLogPage(
  t: Translator,
  entries: readonly AccessLogEntry[],
  agencies: AgencyNames,
  crumbs: readonly Crumb[],
  zone: string,
): Page {
  return {
    title: t.t('privacy.accessLog.title'),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t('privacy.accessLog.title')}</h1><p>${t.t('privacy.accessLog.intro')}</p>${accessLogTable(t, entries, agencies, zone)}`,
  };
}

export function myDataPage(
  t: Translator,
  data: MyDataSources,
  agencies: AgencyNames,
  crumbs: readonly Crumb[],
  zone: string,
): Page {
  return {
    title: t.t('privacy.myData.title'),
    breadcrumbs: crumbs,
    body: html`<h1>${t.t('privacy.myData.title')}</h1><p>${t.t('privacy.myData.intro')}</p>
<h2>${t.t('privacy.myData.downloadTitle')}</h2>
<ul class="download-list">
<li><a href="${pathFor(privacyPaths.myDataPdf, t.lang)}" download>${t.t('privacy.myData.downloadPdf')}</a></li>
<li><a href="${pathFor(privacyPaths.myDataJson, t.lang)}" download>${t.t('privacy.myData.download')}</a>. ${t.t('privacy.myData.schemaBefore')} <a href="${pathFor(privacyPaths.myDataSchema, t.lang)}">${t.t('privacy.myData.schemaLink')}</a></li>
</ul>
${profileSections(t, data.profile)}
<h2>${t.t('person.changes.title')}</h2>${changesTable(t, data.changes)}
<h2>${t.t('exchange.told.title')}</h2>${deliveriesTable(t, data.whoWasTold)}
<h2>${t.t('privacy.accessLog.title')}</h2>${accessLogTable(t, data.accessLog, agencies, zone)}`,
  };
}
