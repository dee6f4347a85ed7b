import type { Translator } from '../../platform/i18n/i18n.ts';
import { csrfField } from '../../platform/forms/fields.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import type { SessionTimes } from '../identity.guards.ts';
import { identityPaths } from '../identity.paths.ts';

/** `zone`: the reader's, named beside each time (Eastern for staff). */
export function sessionPage(
  t: Translator,
  times: SessionTimes,
  zone: string,
  csrf: string,
  returnTo: string | null,
): Page {
  const title = t.t('identity.session.title');
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t.t('identity.session.idle', { time: t.time(times.idleExpiresAt, zone) })}</p>
<p>${t.t('identity.session.absolute', { time: t.dateTime(times.absoluteExpiresAt, zone) })}</p>
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
