import type { IdentityProviderConfig } from '../../platform/config/identity-config.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { PersonIdentity } from '../../platform/http/request-identity.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { identityPaths } from '../identity.paths.ts';
import type { LoginRow } from '../login.repository.ts';
import type { SessionTimes } from '../identity.guards.ts';
import { csrfField } from './components.ts';

export interface MyGuichetModel {
  readonly identity: PersonIdentity;
  readonly personName: string | null;
  readonly provider: IdentityProviderConfig | undefined;
  readonly logins: readonly LoginRow[];
  readonly providerName: (id: string) => string;
  readonly csrf: string;
  readonly notice: string | undefined;
}

export function myGuichetPage(t: Translator, model: MyGuichetModel): Page {
  const { identity } = model;
  const title = t.t('identity.my.title');
  return {
    title,
    body: html`<h1>${title}</h1>
${model.notice ? html`<div class="notice notice-success" role="status"><p>${t.t(`identity.notice.${model.notice}`)}</p></div>` : ''}
<dl class="summary-list">
<div><dt>${t.t('identity.my.who')}</dt><dd>${model.personName ?? t.t('identity.my.notLinked')}</dd></div>
<div><dt>${t.t('identity.my.provider')}</dt><dd>${model.providerName(identity.providerId)}</dd></div>
<div><dt>${t.t('identity.my.level')}</dt><dd>${t.t(`identity.level.${identity.assuranceLevel}`)}</dd></div>
<div><dt>${t.t('identity.my.signedInAt')}</dt><dd>${t.dateTime(identity.authTime)}</dd></div>
</dl>
${identity.personId === null ? html`<div class="notice"><h2>${t.t('identity.my.linkTitle')}</h2><p>${t.t('identity.my.linkBody')}</p><p><a class="button button-primary" href="${pathFor(identityPaths.link, t.lang)}">${t.t('identity.my.linkButton')}</a></p></div>` : loginsSection(t, model)}
<h2>${t.t('identity.my.securityTitle')}</h2>
<form method="post" action="${pathFor(identityPaths.signOutEverywhere, t.lang)}">${csrfField(model.csrf)}
<button class="button" type="submit">${t.t('identity.my.signOutEverywhere')}</button></form>`,
  };
}

function loginsSection(t: Translator, model: MyGuichetModel) {
  return html`<h2>${t.t('identity.my.loginsTitle')}</h2>
<p>${t.t('identity.my.loginsBody')}</p>
<table><caption class="visually-hidden">${t.t('identity.my.loginsTitle')}</caption>
<thead><tr><th scope="col">${t.t('identity.my.provider')}</th><th scope="col">${t.t('identity.my.linkedOn')}</th><th scope="col"><span class="visually-hidden">${t.t('identity.my.actions')}</span></th></tr></thead>
<tbody>${model.logins.map(
    (
      login,
    ) => html`<tr><td>${model.providerName(login.provider_id)}${login.id === model.identity.loginId ? html` <strong>(${t.t('identity.my.current')})</strong>` : ''}</td>
<td>${login.linked_at ? t.date(new Date(login.linked_at)) : ''}</td>
<td>${login.id === model.identity.loginId ? '' : html`<form method="post" action="${pathFor(identityPaths.removeLogin, t.lang, { loginId: login.id })}">${csrfField(model.csrf)}<button class="button" type="submit">${t.t('identity.my.remove')}<span class="visually-hidden"> ${model.providerName(login.provider_id)}</span></button></form>`}</td></tr>`,
  )}</tbody></table>
<p>${t.t('identity.my.addLogin')} <a href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('identity.my.addLoginLink')}</a></p>`;
}

export function sessionPage(t: Translator, times: SessionTimes, csrf: string, returnTo: string | null): Page {
  const title = t.t('identity.session.title');
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t.t('identity.session.idle', { time: t.time(times.idleExpiresAt) })}</p>
<p>${t.t('identity.session.absolute', { time: t.dateTime(times.absoluteExpiresAt) })}</p>
<form method="post" action="${pathFor(identityPaths.session, t.lang)}">${csrfField(csrf)}
${returnTo ? html`<input type="hidden" name="return" value="${returnTo}">` : ''}
<button class="button button-primary" type="submit">${t.t('identity.session.extend')}</button></form>`,
  };
}

export function noSessionPage(t: Translator): Page {
  const title = t.t('identity.session.title');
  return {
    title,
    body: html`<h1>${title}</h1><p>${t.t('identity.session.none')}</p><p><a href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('identity.signedOut.signInAgain')}</a></p>`,
  };
}
