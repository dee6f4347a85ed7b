import type { FastifyRequest } from 'fastify';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { identityPaths } from '../identity.paths.ts';
import type { Homes } from '../sign-in.routes.ts';

export interface MenuSettings {
  readonly warningSeconds: number;
  readonly idleSeconds: number;
  readonly homes: Homes;
}

/**
 * The signed-in menu on every page (ASVS 7.4.4: visible logout) and the inactivity notice. Without
 * JavaScript the notice and the session page let people extend; the script adds a timed dialog (WCAG 2.2.1).
 */
export function signedInMenu(
  request: FastifyRequest,
  t: Translator,
  settings: MenuSettings,
): SafeHtml | undefined {
  const identity = request.identity;
  const times = request.sessionTimes;
  // Signed out: the way in, on every page (issue #14).
  if (!identity || !times)
    return html`<div class="identity-menu"><a href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('identity.menu.signIn')}</a></div>`;
  const lang = t.lang;
  const home = identity.kind === 'staff' ? settings.homes.staff : settings.homes.person;
  const sessionUrl = pathFor(identityPaths.session, lang);
  return html`<div class="identity-menu">
<span class="identity-who">${request.identityName ? t.t('identity.menu.signedInAs', { name: request.identityName }) : t.t('identity.menu.signedIn')}</span>
<a href="${pathFor(home, lang)}">${t.t(identity.kind === 'staff' ? 'identity.menu.staffHome' : 'identity.menu.personHome')}</a>
<form method="post" action="${pathFor(identityPaths.signOut, lang)}" class="identity-signout">${csrfField(request.csrfToken())}<button type="submit" class="identity-link-button">${t.t('identity.menu.signOut')}</button></form>
</div>
<p class="identity-timeout-note" id="identity-timeout" data-idle-expires="${times.idleExpiresAt.toISOString()}" data-warning-seconds="${settings.warningSeconds}" data-idle-seconds="${settings.idleSeconds}" data-extend-url="${sessionUrl}" data-csrf="${request.csrfToken()}" data-sign-out-url="${pathFor(identityPaths.signOut, lang)}" data-text-title="${t.t('identity.timeout.title')}" data-text-body="${t.t('identity.timeout.body')}" data-text-extend="${t.t('identity.timeout.extend')}" data-text-sign-out="${t.t('identity.menu.signOut')}">
${t.t('identity.menu.timeoutNote', { time: t.time(times.idleExpiresAt, identity.timeZone) })} <a href="${sessionUrl}">${t.t('identity.menu.extend')}</a></p>
<script src="/assets/identity-timeout.js" defer nonce="${request.cspNonce}"></script>`;
}
