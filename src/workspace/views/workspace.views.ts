import type { Translator } from '../../platform/i18n/i18n.ts';
import type { StaffIdentity, StaffRole } from '../../platform/http/request-identity.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { errorSummary } from '../../platform/forms/error-summary.ts';
import { csrfField, radios } from '../../platform/forms/fields.ts';
import { hasErrors } from '../../platform/forms/form-view.ts';
import type { FormView } from '../../platform/forms/form-view.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { STAFF_ROLES } from '../../identity/index.ts';
import type { PendingGrantRow, StaffRow } from '../../identity/index.ts';
import { FILE_PURPOSES } from '../file-access.service.ts';
import { workspacePaths } from '../workspace.paths.ts';
import type { StaffCard } from '../staff-cards.ts';

export function staffHomePage(t: Translator, staff: StaffIdentity, cards: readonly StaffCard[]): Page {
  const mine = cards.filter((card) => staff.permissions.has(card.permission));
  const title = t.t('workspace.staff.homeTitle');
  return {
    title,
    body: html`<h1>${title}</h1>
<dl class="summary-list">
<div><dt>${t.t('workspace.staff.name')}</dt><dd>${staff.displayName}</dd></div>
<div><dt>${t.t('workspace.staff.roles')}</dt><dd>${staff.roles.length ? staff.roles.map((r) => t.t(`identity.role.${r}`)).join(', ') : t.t('workspace.staff.noRoles')}</dd></div>
</dl>
<h2>${t.t('workspace.staff.canDo')}</h2>
<ul>${[...staff.permissions].sort().map((p) => html`<li>${t.t(`identity.permission.${p}`)}</li>`)}</ul>
${staff.permissions.has('client.file.read') ? lookupForm(t) : ''}
${mine.length > 0 ? html`<h2>${t.t('workspace.staff.work')}</h2><ul class="card-list">${mine.map((card) => html`<li class="card"><h3><a href="${pathFor(card.path, t.lang)}">${t.t(card.title)}</a></h3><p>${t.t(card.description)}</p></li>`)}</ul>` : ''}
${staff.permissions.has('staff.workspace') ? html`<p><a href="${pathFor(workspacePaths.deliveries, t.lang)}">${t.t('workspace.queue.title')}</a></p>` : ''}
${staff.permissions.has('staff.roles.manage') ? html`<p><a href="${pathFor(workspacePaths.roles, t.lang)}">${t.t('workspace.staff.manageRoles')}</a></p>` : ''}`,
  };
}

function lookupForm(t: Translator): SafeHtml {
  return html`<h2>${t.t('workspace.staff.openFile')}</h2>
<form method="get" action="${pathFor(workspacePaths.clientLookup, t.lang)}"><div class="form-group"><label for="person-id">${t.t('workspace.staff.personId')}</label>
<input id="person-id" name="id" type="text" spellcheck="false" size="40"></div><button class="button" type="submit">${t.t('workspace.staff.open')}</button></form>`;
}

export function rolesPage(
  form: FormView,
  actor: StaffIdentity,
  staff: readonly (StaffRow & { roles: StaffRole[] })[],
  pending: readonly PendingGrantRow[] = [],
): Page {
  const { t } = form;
  const title = t.t('workspace.staff.rolesTitle');
  return {
    title,
    hasErrors: hasErrors(form),
    breadcrumbs: [{ href: pathFor(workspacePaths.home, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${title}</h1>
${errorSummary(form, { role: 'staff-table', grant: 'pending-grants' })}
<p>${t.t('workspace.staff.rolesLead')}</p>
${pendingGrants(t, actor, pending, form.csrf)}
<table id="staff-table" class="reflow-table"><caption class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">${t.t('workspace.staff.name')}</th><th scope="col">${t.t('workspace.staff.roles')}</th><th scope="col">${t.t('workspace.staff.change')}</th></tr></thead>
<tbody>${staff.map(
      (
        member,
      ) => html`<tr><td data-label="${t.t('workspace.staff.name')}">${member.display_name}</td><td data-label="${t.t('workspace.staff.roles')}">${member.roles.map((r) => t.t(`identity.role.${r}`)).join(', ')}</td>
<td data-label="${t.t('workspace.staff.change')}">${member.id === actor.staffId ? t.t('workspace.staff.self') : roleForm(t, member, form.csrf)}</td></tr>`,
    )}</tbody></table>`,
  };
}

/** Grants of a privileged role waiting for a second administrator: never approvable by whoever asked. */
function pendingGrants(
  t: Translator,
  actor: StaffIdentity,
  pending: readonly PendingGrantRow[],
  csrf: string,
): SafeHtml {
  const row = (grant: PendingGrantRow) => {
    const mine = grant.requested_by === actor.staffId;
    const forMe = grant.staff_id === actor.staffId;
    const action = pathFor(workspacePaths.roleGrant, t.lang, { grantId: grant.id });
    const decide = forMe
      ? t.t('workspace.staff.self')
      : html`<form method="post" action="${action}">${csrfField(csrf)}
${mine ? '' : html`<button class="button" type="submit" name="action" value="approve">${t.t('workspace.staff.approve')}</button>`}
<button class="button" type="submit" name="action" value="decline">${t.t(mine ? 'workspace.staff.withdraw' : 'workspace.staff.decline')}</button>
${mine ? html`<p>${t.t('workspace.staff.awaitingOther')}</p>` : ''}</form>`;
    return html`<tr><td data-label="${t.t('workspace.staff.name')}">${grant.staff_name}</td><td data-label="${t.t('workspace.staff.role')}">${t.t(`identity.role.${grant.role}`)}</td><td data-label="${t.t('workspace.staff.requestedBy')}">${grant.requested_by_name}</td><td data-label="${t.t('workspace.staff.decision')}">${decide}</td></tr>`;
  };
  return html`<h2 id="pending-grants">${t.t('workspace.staff.pendingTitle')}</h2>
<p>${t.t('workspace.staff.pendingLead')}</p>
${
  pending.length === 0
    ? html`<p>${t.t('workspace.staff.noPending')}</p>`
    : html`<table class="reflow-table"><caption class="visually-hidden">${t.t('workspace.staff.pendingTitle')}</caption>
<thead><tr><th scope="col">${t.t('workspace.staff.name')}</th><th scope="col">${t.t('workspace.staff.role')}</th><th scope="col">${t.t('workspace.staff.requestedBy')}</th><th scope="col">${t.t('workspace.staff.decision')}</th></tr></thead>
<tbody>${pending.map(row)}</tbody></table>`
}`;
}

function roleForm(t: Translator, member: StaffRow & { roles: StaffRole[] }, csrf: string): SafeHtml {
  const id = `role-${member.id}`;
  return html`<form method="post" action="${pathFor(workspacePaths.roleChange, t.lang, { staffId: member.id })}">${csrfField(csrf)}
<label for="${id}" class="visually-hidden">${t.t('workspace.staff.roleFor', { name: member.display_name })}</label>
<select id="${id}" name="role">${STAFF_ROLES.map((role: StaffRole) => html`<option value="${role}">${t.t(`identity.role.${role}`)}</option>`)}</select>
<button class="button" type="submit" name="action" value="grant">${t.t('workspace.staff.grant')}</button>
<button class="button" type="submit" name="action" value="revoke">${t.t('workspace.staff.revoke')}</button></form>`;
}

export function purposePage(
  form: FormView,
  personId: string,
  returnTo: string | null,
  canActOnBehalf: boolean,
): Page {
  const { t } = form;
  const title = t.t('workspace.purpose.title');
  const purposes = FILE_PURPOSES.map((p) => ({ value: p, label: t.t(`workspace.purpose.${p}`) }));
  return {
    title,
    hasErrors: hasErrors(form),
    body: html`<h1>${title}</h1>
${errorSummary(form)}
<p>${t.t('workspace.purpose.lead')}</p>
<form method="post" action="${pathFor(workspacePaths.clientPurpose, t.lang, { personId })}" novalidate>${csrfField(form.csrf)}
${returnTo ? html`<input type="hidden" name="return" value="${returnTo}">` : ''}
${radios(form, 'purpose', { legend: t.t('workspace.purpose.legend'), choices: purposes })}
${canActOnBehalf ? html`<div class="form-group"><div class="checkbox"><input type="checkbox" id="consent" name="consent" value="yes"><label for="consent">${t.t('workspace.purpose.consent')}</label></div></div>` : ''}
<button class="button button-primary" type="submit">${t.t('workspace.purpose.submit')}</button></form>`,
  };
}

export function clientFilePage(
  t: Translator,
  person: { personId: string; givenName: string; familyName: string },
  access: { purpose: string },
  sections: readonly SafeHtml[] = [],
): Page {
  const title = t.t('workspace.clientFile.title', { name: `${person.givenName} ${person.familyName}` });
  return {
    title,
    breadcrumbs: [{ href: pathFor(workspacePaths.home, t.lang), label: t.t('workspace.staff.homeTitle') }],
    body: html`<h1>${title}</h1>
<div class="notice"><p>${t.t('workspace.clientFile.purposeNote', { purpose: t.t(`workspace.purpose.${access.purpose}`) })}</p></div>
${sections.length > 0 ? sections : html`<p>${t.t('workspace.clientFile.body')}</p>`}
<p><a class="button button-primary" href="${pathFor(workspacePaths.clientRecord, t.lang, { personId: person.personId })}">${t.t('workspace.clientFile.recordLink')}</a></p>`,
  };
}
