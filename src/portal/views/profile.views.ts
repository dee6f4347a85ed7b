import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { changesTable, profileSections } from '../../person/index.ts';
import type { ChangeRow, Profile } from '../../person/index.ts';
import type { PortalCard } from '../portal-cards.ts';
import { portalPaths } from '../portal.paths.ts';

/** My profile: the record as Guichet holds it, what the person can change, and what changed and when. */
export function profilePage(
  t: Translator,
  profile: Profile,
  changes: readonly ChangeRow[],
  related: readonly PortalCard[],
): Page {
  const link = (path: BilingualPath, label: string) =>
    html`<li><a href="${pathFor(path, t.lang)}">${label}</a></li>`;
  return {
    title: t.t('portal.profile.title'),
    breadcrumbs: [{ href: pathFor(portalPaths.home, t.lang), label: t.t('portal.my.title') }],
    body: html`<h1>${t.t('portal.profile.title')}</h1>
<p>${t.t('portal.profile.intro')}</p>
<ul class="profile-actions">
${link(portalPaths.address, t.t('portal.address.title'))}${link(portalPaths.contact, t.t('portal.contact.title'))}${link(portalPaths.directDeposit, t.t('portal.deposit.title'))}
${related.map((card) => link(card.path, t.t(card.title)))}
</ul>
${profileSections(t, profile)}
<h2>${t.t('person.changes.title')}</h2>
${changesTable(t, changes)}`,
  };
}
