import type { IdentityProviderConfig } from '../../platform/config/identity-config.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import type { PersonIdentity } from '../../platform/http/request-identity.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { identityPaths } from '../../identity/index.ts';
import type { LoginRow } from '../../identity/index.ts';
import type { PortalCard } from '../portal-cards.ts';

export interface MyGuichetModel {
  readonly identity: PersonIdentity;
  readonly provider: IdentityProviderConfig | undefined;
  readonly logins: readonly LoginRow[];
  readonly providerName: (id: string) => string;
  readonly cards: readonly PortalCard[];
  readonly csrf: string;
}

export function myGuichetPage(t: Translator, model: MyGuichetModel): Page {
  const { identity } = model;
  const title = t.t('portal.my.title');
  const linked = identity.personId !== null;
  return {
    title,
    body: html`<h1>${title}</h1>
${linked ? '' : linkPrompt(t)}
${cardList(
  t,
  model.cards.filter((card) => linked || !card.linkedOnly),
)}
<h2>${t.t('portal.my.accountTitle')}</h2>
<dl class="summary-list">
<div><dt>${t.t('portal.my.who')}</dt><dd>${identity.displayName ?? t.t('portal.my.notLinked')}</dd></div>
<div><dt>${t.t('portal.my.provider')}</dt><dd>${model.providerName(identity.providerId)}</dd></div>
<div><dt>${t.t('portal.my.level')}</dt><dd>${t.t(`identity.level.${identity.assuranceLevel}`)}</dd></div>
<div><dt>${t.t('portal.my.signedInAt')}</dt><dd>${t.dateTime(identity.authTime, identity.timeZone)}</dd></div>
</dl>
${linked ? loginsSection(t, model) : ''}
<h2>${t.t('portal.my.securityTitle')}</h2>
<form method="post" action="${pathFor(identityPaths.signOutEverywhere, t.lang)}">${csrfField(model.csrf)}
<button class="button" type="submit">${t.t('portal.my.signOutEverywhere')}</button></form>`,
  };
}

function linkPrompt(t: Translator): SafeHtml {
  return html`<div class="notice"><h2>${t.t('portal.my.linkTitle')}</h2><p>${t.t('portal.my.linkBody')}</p><p><a class="button button-primary" href="${pathFor(identityPaths.link, t.lang)}">${t.t('portal.my.linkButton')}</a></p></div>`;
}

/** What the person can do and see, a card per capability. */
function cardList(t: Translator, cards: readonly PortalCard[]): SafeHtml {
  if (cards.length === 0) return html``;
  return html`<ul class="portal-cards">${cards.map(
    (card) =>
      html`<li class="portal-card"><h2><a href="${pathFor(card.path, t.lang)}">${t.t(card.title)}</a></h2><p>${t.t(card.description)}</p></li>`,
  )}</ul>`;
}

function loginsSection(t: Translator, model: MyGuichetModel): SafeHtml {
  return html`<h2>${t.t('portal.my.loginsTitle')}</h2>
<p>${t.t('portal.my.loginsBody')}</p>
<table><caption class="visually-hidden">${t.t('portal.my.loginsTitle')}</caption>
<thead><tr><th scope="col">${t.t('portal.my.provider')}</th><th scope="col">${t.t('portal.my.linkedOn')}</th><th scope="col"><span class="visually-hidden">${t.t('portal.my.actions')}</span></th></tr></thead>
<tbody>${model.logins.map(
    (
      login,
    ) => html`<tr><td>${model.providerName(login.provider_id)}${login.id === model.identity.loginId ? html` <strong>(${t.t('portal.my.current')})</strong>` : ''}</td>
<td>${login.linked_at ? t.date(new Date(login.linked_at)) : ''}</td>
<td>${login.id === model.identity.loginId ? '' : html`<form method="post" action="${pathFor(identityPaths.removeLogin, t.lang, { loginId: login.id })}">${csrfField(model.csrf)}<button class="button" type="submit">${t.t('portal.my.remove')}<span class="visually-hidden"> ${model.providerName(login.provider_id)}</span></button></form>`}</td></tr>`,
  )}</tbody></table>
<p>${t.t('portal.my.addLogin')} <a href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('portal.my.addLoginLink')}</a></p>`;
}
