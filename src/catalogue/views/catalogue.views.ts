import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { cataloguePaths } from '../catalogue.paths.ts';
import type { ProgrammeRow } from '../catalogue.repository.ts';
import type { GuidePorts, ProgrammeGuide } from '../programme-guide.ts';
import { guideSections } from './programme-guide.views.ts';

function localised(
  row: ProgrammeRow,
  t: Translator,
  field:
    | 'name'
    | 'summary'
    | 'description'
    | 'who'
    | 'legal_title'
    | 'legal_url'
    | 'slug'
    | 'agency_name'
    | 'jurisdiction_name'
    | 'info_url',
): string {
  const value = (row as unknown as Record<string, string | null>)[`${field}_${t.lang}`];
  return value ?? '';
}

export function programmeListPage(t: Translator, programmes: ProgrammeRow[]): Page {
  const groups = new Map<string, ProgrammeRow[]>();
  for (const row of programmes)
    groups.set(localised(row, t, 'jurisdiction_name'), [
      ...(groups.get(localised(row, t, 'jurisdiction_name')) ?? []),
      row,
    ]);
  return {
    title: t.t('catalogue.listTitle'),
    breadcrumbs: [{ href: `/${t.lang}`, label: t.t('common.serviceName') }],
    body: html`<h1>${t.t('catalogue.listTitle')}</h1>
<p class="lead">${t.t('catalogue.listIntro', { count: programmes.length })}</p>
${[...groups.entries()].map(([jurisdiction, rows]) => programmeGroup(t, jurisdiction, rows))}`,
  };
}

function programmeGroup(t: Translator, jurisdiction: string, rows: ProgrammeRow[]): SafeHtml {
  return html`<section class="programme-group"><h2>${jurisdiction}</h2><ul class="programme-list">
${rows.map(
  (
    row,
  ) => html`<li><h3><a href="${pathFor(cataloguePaths.programme, t.lang, { slug: localised(row, t, 'slug') })}">${localised(row, t, 'name')}</a></h3>
<p>${localised(row, t, 'summary')}</p><p class="meta">${t.t('catalogue.offeredBy', { agency: localised(row, t, 'agency_name') })}</p></li>`,
)}
</ul></section>`;
}

/** A provincial act with no French title is shown under its English title, marked up as English (WCAG 3.1.2). */
function lawTitle(row: ProgrammeRow, t: Translator): SafeHtml | string {
  const title = localised(row, t, 'legal_title');
  if (t.lang !== 'fr' || !title.startsWith(row.legal_title_en)) return title;
  return html`<span lang="en">${row.legal_title_en}</span>${title.slice(row.legal_title_en.length)}`;
}

export function programmePage(
  t: Translator,
  row: ProgrammeRow,
  guide: ProgrammeGuide | null,
  ports: GuidePorts,
): Page {
  const info = localised(row, t, 'info_url');
  return {
    title: localised(row, t, 'name'),
    breadcrumbs: [
      { href: `/${t.lang}`, label: t.t('common.serviceName') },
      { href: pathFor(cataloguePaths.list, t.lang), label: t.t('catalogue.listTitle') },
    ],
    body: html`<h1>${localised(row, t, 'name')}</h1>
<p class="lead">${localised(row, t, 'summary')}</p>
<h2>${t.t('catalogue.whoTitle')}</h2><p>${localised(row, t, 'who')}</p>
<h2>${t.t('catalogue.howTitle')}</h2><p>${localised(row, t, 'description')}</p>
${guide ? guideSections(t, guide, info, ports) : ''}
<h2>${t.t('catalogue.checkTitle')}</h2><p><a href="/${t.lang}/${t.t('catalogue.finderSlug')}">${t.t('catalogue.checkLink')}</a></p>
<h2>${t.t('catalogue.aboutTitle')}</h2>
<dl class="summary-list">
<dt>${t.t('catalogue.offeredByLabel')}</dt><dd>${localised(row, t, 'agency_name')}</dd>
<dt>${t.t('catalogue.jurisdictionLabel')}</dt><dd>${localised(row, t, 'jurisdiction_name')}</dd>
<dt>${t.t('catalogue.lawLabel')}</dt><dd><a href="${localised(row, t, 'legal_url')}">${lawTitle(row, t)}</a></dd>
${info ? html`<dt>${t.t('catalogue.moreInfoLabel')}</dt><dd><a href="${info}">${t.t('catalogue.moreInfoLink')}</a></dd>` : ''}
</dl>`,
  };
}
