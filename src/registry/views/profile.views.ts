import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Page } from '../../platform/views/layout.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { Profile, Address } from '../registry-profile.ts';
import type { ChangeRow } from '../registry.repository.ts';
import { registryPaths } from '../registry.paths.ts';
import { summaryRow } from './form.views.ts';

export function formatAddress(address: Address | null, t: Translator): string {
  if (!address) return t.t('registry.profile.none');
  return [address.line1, address.line2, `${address.city} ${address.provinceCode}  ${address.postalCode}`]
    .filter(Boolean)
    .join(', ');
}

export function profileSections(t: Translator, profile: Profile) {
  const none = t.t('registry.profile.none');
  const deposit = profile.directDeposit;
  return html`<h2>${t.t('registry.profile.identityTitle')}</h2>
<dl class="summary-list">
${summaryRow(t.t('registry.fields.name'), `${profile.givenName} ${profile.familyName}`)}
${summaryRow(t.t('registry.fields.birthDate'), t.date(profile.birthDate))}
${summaryRow(t.t('registry.fields.sin'), profile.sin ?? none)}
${summaryRow(t.t('registry.fields.maritalStatus'), t.t(`registry.marital.${profile.maritalStatus}`))}
${summaryRow(t.t('registry.fields.lifeStatus'), profile.dateOfDeath ? t.t('registry.life.deceased', { date: t.date(profile.dateOfDeath) }) : t.t('registry.life.alive'))}
${summaryRow(t.t('registry.fields.residenceStatus'), t.t(`registry.residence.${profile.residenceStatus}`))}
</dl>
<h2>${t.t('registry.profile.addressTitle')}</h2>
<dl class="summary-list">${summaryRow(t.t('registry.fields.currentAddress'), formatAddress(profile.currentAddress, t))}</dl>
<h2>${t.t('registry.profile.contactTitle')}</h2>
<dl class="summary-list">
${summaryRow(t.t('registry.fields.email'), profile.contact.email ?? none)}
${summaryRow(t.t('registry.fields.phone'), profile.contact.phone ?? none)}
${summaryRow(t.t('registry.fields.preferredLanguage'), t.t(`registry.language.${profile.preferredLanguage}`))}
${summaryRow(t.t('registry.fields.preferredChannel'), t.t(`registry.channel.${profile.contact.preferredChannel}`))}
${summaryRow(t.t('registry.fields.accessibilityNeeds'), profile.contact.accessibilityNeeds ?? none)}
${summaryRow(t.t('registry.fields.alternateFormats'), profile.contact.alternateFormats.length ? profile.contact.alternateFormats.map((f) => t.t(`registry.formats.${f}`)).join(', ') : none)}
</dl>
<h2>${t.t('registry.profile.depositTitle')}</h2>
<dl class="summary-list">${summaryRow(t.t('registry.fields.directDeposit'), deposit ? t.t('registry.profile.depositValue', { institution: deposit.institution, transit: deposit.transit, account: deposit.account }) : none)}</dl>
<h2>${t.t('registry.profile.householdTitle')}</h2>
${profile.relationships.length === 0 ? html`<p>${none}</p>` : html`<ul>${profile.relationships.map((r) => html`<li>${t.t(`registry.relationship.${r.kind}`, { name: `${r.givenName} ${r.familyName}` })}${r.since ? ` (${t.t('registry.relationship.since', { date: t.date(r.since) })})` : ''}${r.endedOn ? ` (${t.t('registry.relationship.ended', { date: t.date(r.endedOn) })})` : ''}${r.custodyShare ? ` (${t.t('registry.relationship.custody', { share: Math.round(Number(r.custodyShare) * 100) })})` : ''}</li>`)}</ul>`}`;
}

export function changesTable(t: Translator, changes: readonly ChangeRow[]) {
  if (changes.length === 0) return html`<p>${t.t('registry.changes.none')}</p>`;
  return html`<table><caption>${t.t('registry.changes.caption')}</caption>
<thead><tr><th scope="col">${t.t('registry.changes.when')}</th><th scope="col">${t.t('registry.changes.what')}</th><th scope="col">${t.t('registry.changes.who')}</th><th scope="col">${t.t('registry.changes.channel')}</th></tr></thead>
<tbody>${changes.map((c) => html`<tr><td>${t.dateTime(c.occurred_at)}</td><td>${t.t(`registry.elements.${c.element}`)}${c.kind === 'correction' ? html` — ${t.t('registry.changes.correction', { reason: c.reason ?? '' })}` : ''}</td><td>${t.t(`registry.actors.${c.actor_type === 'person' ? 'you' : c.actor_type}`)}${c.actor_role ? ` (${t.t(`registry.roles.${c.actor_role.split(',')[0] ?? 'agent'}`)})` : ''}</td><td>${t.t(`registry.channels.${c.channel}`)}</td></tr>`)}</tbody></table>`;
}

export function profilePage(
  t: Translator,
  profile: Profile,
  changes: readonly ChangeRow[],
  notice: string | undefined,
): Page {
  const link = (key: keyof typeof registryPaths, label: string) =>
    html`<li><a href="${pathFor(registryPaths[key], t.lang)}">${label}</a></li>`;
  return {
    title: t.t('registry.profile.title'),
    body: html`<h1>${t.t('registry.profile.title')}</h1>
${notice ? html`<div class="notice notice-success" role="status"><p>${t.t(`registry.notices.${notice}`)}</p></div>` : ''}
<p>${t.t('registry.profile.intro')}</p>
<ul class="profile-actions">
${link('address', t.t('registry.address.title'))}${link('contact', t.t('registry.contact.title'))}${link('directDeposit', t.t('registry.deposit.title'))}
${link('whoWasTold', t.t('registry.told.title'))}${link('consents', t.t('registry.consents.title'))}${link('accessLog', t.t('registry.accessLog.title'))}${link('myData', t.t('registry.myData.title'))}
</ul>
${profileSections(t, profile)}
<h2>${t.t('registry.changes.title')}</h2>
${changesTable(t, changes)}`,
  };
}
