import type { Translator } from '../../platform/i18n/i18n.ts';
import type { StaffIdentity, StaffRole } from '../../platform/http/request-identity.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { Flash } from '../flash.ts';
import { identityPaths } from '../identity.paths.ts';
import type { StaffRow } from '../login.repository.ts';
import { STAFF_ROLES } from '../permissions.ts';
import { FILE_PURPOSES } from '../staff.service.ts';
import { csrfField, errorSummary } from './components.ts';

export function staffHomePage(t: Translator, staff: StaffIdentity, notice: string | undefined): Page {
  const title = t.t('identity.staff.homeTitle');
  return {
    title,
    body: html`<h1>${title}</h1>
${notice ? html`<div class="notice" role="status"><p>${t.t(`identity.notice.${notice}`)}</p></div>` : ''}
<dl class="summary-list">
<div><dt>${t.t('identity.staff.name')}</dt><dd>${staff.displayName}</dd></div>
<div><dt>${t.t('identity.staff.roles')}</dt><dd>${staff.roles.length ? staff.roles.map((r) => t.t(`identity.role.${r}`)).join(', ') : t.t('identity.staff.noRoles')}</dd></div>
</dl>
<h2>${t.t('identity.staff.canDo')}</h2>
<ul>${[...staff.permissions].sort().map((p) => html`<li>${t.t(`identity.permission.${p}`)}</li>`)}</ul>
${
  staff.permissions.has('client.file.read')
    ? html`<h2>${t.t('identity.staff.openFile')}</h2>
<form method="get" action="${pathFor(identityPaths.clientLookup, t.lang)}"><div class="form-group"><label for="person-id">${t.t('identity.staff.personId')}</label>
<input id="person-id" name="id" type="text" spellcheck="false" size="40"></div><button class="button" type="submit">${t.t('identity.staff.open')}</button></form>`
    : ''
}
${staff.permissions.has('staff.roles.manage') ? html`<p><a href="${pathFor(identityPaths.staffRoles, t.lang)}">${t.t('identity.staff.manageRoles')}</a></p>` : ''}`,
  };
}

export function rolesPage(
  t: Translator,
  actor: StaffIdentity,
  staff: readonly (StaffRow & { roles: StaffRole[] })[],
  csrf: string,
  flash: Flash,
): Page {
  const title = t.t('identity.staff.rolesTitle');
  return {
    title,
    hasErrors: flash.errors.length > 0,
    body: html`<h1>${title}</h1>
${errorSummary(
  t,
  flash.errors.map((e) => ({ field: 'staff-table', key: `identity.staff.error.${e}` })),
)}
${flash.notice ? html`<div class="notice notice-success" role="status"><p>${t.t(`identity.notice.${flash.notice}`)}</p></div>` : ''}
<p>${t.t('identity.staff.rolesLead')}</p>
<table id="staff-table"><caption class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">${t.t('identity.staff.name')}</th><th scope="col">${t.t('identity.staff.roles')}</th><th scope="col">${t.t('identity.staff.change')}</th></tr></thead>
<tbody>${staff.map(
      (
        member,
      ) => html`<tr><td>${member.display_name}</td><td>${member.roles.map((r) => t.t(`identity.role.${r}`)).join(', ')}</td>
<td>${member.id === actor.staffId ? t.t('identity.staff.self') : roleForm(t, member, csrf)}</td></tr>`,
    )}</tbody></table>`,
  };
}

function roleForm(t: Translator, member: StaffRow & { roles: StaffRole[] }, csrf: string) {
  const id = `role-${member.id}`;
  return html`<form method="post" action="${pathFor(identityPaths.staffRoleChange, t.lang, { staffId: member.id })}">${csrfField(csrf)}
<label for="${id}" class="visually-hidden">${t.t('identity.staff.roleFor', { name: member.display_name })}</label>
<select id="${id}" name="role">${STAFF_ROLES.map((role: StaffRole) => html`<option value="${role}">${t.t(`identity.role.${role}`)}</option>`)}</select>
<button class="button" type="submit" name="action" value="grant">${t.t('identity.staff.grant')}</button>
<button class="button" type="submit" name="action" value="revoke">${t.t('identity.staff.revoke')}</button></form>`;
}

export function purposePage(
  t: Translator,
  personId: string,
  returnTo: string | null,
  csrf: string,
  flash: Flash,
  canActOnBehalf: boolean,
): Page {
  const title = t.t('identity.purpose.title');
  const hasError = flash.errors.length > 0;
  return {
    title,
    hasErrors: hasError,
    body: html`<h1>${title}</h1>
${errorSummary(
  t,
  flash.errors.map((e) => ({ field: 'purpose-phone-call', key: `identity.purpose.error.${e}` })),
)}
<p>${t.t('identity.purpose.lead')}</p>
<form method="post" action="${pathFor(identityPaths.clientPurpose, t.lang, { personId })}" novalidate>${csrfField(csrf)}
${returnTo ? html`<input type="hidden" name="return" value="${returnTo}">` : ''}
<div class="form-group${hasError ? ' has-error' : ''}"><fieldset><legend>${t.t('identity.purpose.legend')}</legend>
${hasError ? html`<p class="error-message">${t.t('identity.purpose.error.required')}</p>` : ''}
${FILE_PURPOSES.map((p) => html`<div class="radio"><input type="radio" id="purpose-${p}" name="purpose" value="${p}"><label for="purpose-${p}">${t.t(`identity.purpose.${p}`)}</label></div>`)}
</fieldset></div>
${canActOnBehalf ? html`<div class="form-group"><div class="checkbox"><input type="checkbox" id="consent" name="consent" value="yes"><label for="consent">${t.t('identity.purpose.consent')}</label></div></div>` : ''}
<button class="button button-primary" type="submit">${t.t('identity.purpose.submit')}</button></form>`,
  };
}

export function clientFilePage(
  t: Translator,
  person: { given_name: string; family_name: string },
  access: { purpose: string; channel: string },
): Page {
  const title = t.t('identity.clientFile.title', { name: `${person.given_name} ${person.family_name}` });
  return {
    title,
    body: html`<h1>${title}</h1>
<div class="notice"><p>${t.t('identity.clientFile.purposeNote', { purpose: t.t(`identity.purpose.${access.purpose}`) })}</p></div>
<p>${t.t('identity.clientFile.body')}</p>`,
  };
}
