import { html } from '../../platform/views/html.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { Profile, Address } from '../person-profile.ts';
import type { ChangeRow } from '../person.repository.ts';
import { summaryRow } from '../../platform/forms/fields.ts';

export function formatAddress(address: Address | null, t: Translator): string {
  if (!address) return t.t('person.profile.none');
  return [address.line1, address.line2, `${address.city} ${address.provinceCode}  ${address.postalCode}`]
    .filter(Boolean)
    .join(', ');
}

/** A person's record as a series of summary lists: what the person sees in My profile and staff in the file. */
export function profileSections(t: Translator, profile: Profile) {
  const none = t.t('person.profile.none');
  const deposit = profile.directDeposit;
  return html`<h2>${t.t('person.profile.identityTitle')}</h2>
<dl class="summary-list">
${summaryRow(t.t('person.fields.name'), `${profile.givenName} ${profile.familyName}`)}
${summaryRow(t.t('person.fields.birthDate'), t.date(profile.birthDate))}
${summaryRow(t.t('person.fields.sin'), profile.sin ?? none)}
${summaryRow(t.t('person.fields.maritalStatus'), t.t(`person.marital.${profile.maritalStatus}`))}
${summaryRow(t.t('person.fields.lifeStatus'), profile.dateOfDeath ? t.t('person.life.deceased', { date: t.date(profile.dateOfDeath) }) : t.t('person.life.alive'))}
${summaryRow(t.t('person.fields.residenceStatus'), t.t(`person.residence.${profile.residenceStatus}`))}
</dl>
<h2>${t.t('person.profile.addressTitle')}</h2>
<dl class="summary-list">${summaryRow(t.t('person.fields.currentAddress'), formatAddress(profile.currentAddress, t))}${profile.mailingAddress ? summaryRow(t.t('person.addressKinds.mailing'), formatAddress(profile.mailingAddress, t)) : ''}</dl>
<h2>${t.t('person.profile.contactTitle')}</h2>
<dl class="summary-list">
${summaryRow(t.t('person.fields.email'), profile.contact.email ?? none)}
${summaryRow(t.t('person.fields.phone'), profile.contact.phone ?? none)}
${summaryRow(t.t('person.fields.preferredLanguage'), t.t(`person.language.${profile.preferredLanguage}`))}
${summaryRow(t.t('person.fields.preferredChannel'), t.t(`person.channel.${profile.contact.preferredChannel}`))}
${summaryRow(t.t('person.fields.accessibilityNeeds'), profile.contact.accessibilityNeeds ?? none)}
${summaryRow(t.t('person.fields.alternateFormats'), profile.contact.alternateFormats.length ? profile.contact.alternateFormats.map((f) => t.t(`person.formats.${f}`)).join(', ') : none)}
</dl>
<h2>${t.t('person.profile.depositTitle')}</h2>
<dl class="summary-list">${summaryRow(t.t('person.fields.directDeposit'), deposit ? t.t('person.profile.depositValue', { institution: deposit.institution, transit: deposit.transit, account: deposit.account }) : none)}</dl>
<h2>${t.t('person.profile.householdTitle')}</h2>
${profile.relationships.length === 0 ? html`<p>${none}</p>` : html`<ul>${profile.relationships.map((r) => html`<li>${t.t(`person.relationship.${r.kind}`, { name: `${r.givenName} ${r.familyName}` })}${r.since ? ` (${t.t('person.relationship.since', { date: t.date(r.since) })})` : ''}${r.endedOn ? ` (${t.t('person.relationship.ended', { date: t.date(r.endedOn) })})` : ''}${r.custodyShare ? ` (${t.t('person.relationship.custody', { share: Math.round(Number(r.custodyShare) * 100) })})` : ''}</li>`)}</ul>`}`;
}

export function changesTable(t: Translator, changes: readonly ChangeRow[]) {
  if (changes.length === 0) return html`<p>${t.t('person.changes.none')}</p>`;
  return html`<table><caption>${t.t('person.changes.caption')}</caption>
<thead><tr><th scope="col">${t.t('person.changes.when')}</th><th scope="col">${t.t('person.changes.what')}</th><th scope="col">${t.t('person.changes.who')}</th><th scope="col">${t.t('person.changes.channel')}</th></tr></thead>
<tbody>${changes.map((c) => html`<tr><td>${t.dateTime(c.occurred_at)}</td><td>${t.t(`person.elements.${c.element}`)}${c.kind === 'correction' ? html` — ${t.t('person.changes.correction', { reason: c.reason ?? '' })}` : ''}</td><td>${t.t(`person.actors.${c.actor_type === 'person' ? 'you' : c.actor_type}`)}${c.actor_role ? ` (${t.t(`person.roles.${c.actor_role.split(',')[0] ?? 'agent'}`)})` : ''}</td><td>${t.t(`person.channels.${c.channel}`)}</td></tr>`)}</tbody></table>`;
}
