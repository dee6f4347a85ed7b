import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { registryPaths } from '../../registry/registry.paths.ts';
import type { Profile } from '../../registry/registry-profile.ts';
import type { ChangeRow } from '../../registry/registry.repository.ts';
import { changesTable, profileSections } from '../../registry/views/profile.views.ts';
import { deliveriesTable } from '../../exchange/views/exchange.views.ts';
import type { DeliveryView } from '../../exchange/exchange.service.ts';
import type { AccessLogEntry } from '../access-log.ts';

export type AgencyNames = ReadonlyMap<string, { en: string; fr: string }>;

const crumbs = (t: Translator) => [
  { href: pathFor(registryPaths.profile, t.lang), label: t.t('registry.profile.title') },
];

function who(t: Translator, entry: AccessLogEntry, agencies: AgencyNames): string {
  const agency = entry.agencyId ? (agencies.get(entry.agencyId)?.[t.lang] ?? entry.agencyId) : '';
  if (entry.accessor === 'staff')
    return t.t('registry.accessLog.staff', { role: t.t(`registry.roles.${entry.role ?? 'agent'}`), agency });
  if (entry.accessor === 'agency') return agency;
  return t.t(`registry.actors.${entry.accessor}`);
}

function actionLabel(t: Translator, action: string): string {
  const key = `registry.actions.${action.replace(/\./g, '_')}`;
  return t.has(key) ? t.t(key) : t.t('registry.actions.other');
}

export function accessLogTable(t: Translator, entries: readonly AccessLogEntry[], agencies: AgencyNames) {
  if (entries.length === 0) return html`<p>${t.t('registry.accessLog.none')}</p>`;
  return html`<table><caption>${t.t('registry.accessLog.caption')}</caption>
<thead><tr><th scope="col">${t.t('registry.accessLog.when')}</th><th scope="col">${t.t('registry.accessLog.who')}</th><th scope="col">${t.t('registry.accessLog.what')}</th><th scope="col">${t.t('registry.accessLog.why')}</th><th scope="col">${t.t('registry.accessLog.how')}</th></tr></thead>
<tbody>${entries.map(
    (
      e,
    ) => html`<tr><td>${t.dateTime(e.at)}</td><td>${who(t, e, agencies)}</td><td>${actionLabel(t, e.action)}</td>
<td>${t.has(`registry.purposes.${e.purpose}`) ? t.t(`registry.purposes.${e.purpose}`) : e.purpose}</td><td>${t.t(`registry.channels.${e.channel}`)}</td></tr>`,
  )}</tbody></table>`;
}

export function accessLogPage(
  t: Translator,
  entries: readonly AccessLogEntry[],
  agencies: AgencyNames,
): Page {
  return {
    title: t.t('registry.accessLog.title'),
    breadcrumbs: crumbs(t),
    body: html`<h1>${t.t('registry.accessLog.title')}</h1><p>${t.t('registry.accessLog.intro')}</p>${accessLogTable(t, entries, agencies)}`,
  };
}

export interface MyData {
  profile: Profile;
  changes: ChangeRow[];
  whoWasTold: DeliveryView[];
  accessLog: AccessLogEntry[];
}

export function myDataPage(t: Translator, data: MyData, agencies: AgencyNames): Page {
  return {
    title: t.t('registry.myData.title'),
    breadcrumbs: crumbs(t),
    body: html`<h1>${t.t('registry.myData.title')}</h1><p>${t.t('registry.myData.intro')}</p>
<p><a class="button button-primary" href="${pathFor(registryPaths.myDataJson, t.lang)}" download>${t.t('registry.myData.download')}</a></p>
${profileSections(t, data.profile)}
<h2>${t.t('registry.changes.title')}</h2>${changesTable(t, data.changes)}
<h2>${t.t('registry.told.title')}</h2>${deliveriesTable(t, data.whoWasTold)}
<h2>${t.t('registry.accessLog.title')}</h2>${accessLogTable(t, data.accessLog, agencies)}`,
  };
}
