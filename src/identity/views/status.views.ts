import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { identityPaths } from '../identity.paths.ts';
import { helpFooter } from './components.ts';

/** A signed-in person or staff member reaching what their role does not allow (403). */
export function forbiddenPage(t: Translator, reference: string): Page {
  const title = t.t('identity.forbidden.title');
  return {
    title,
    body: html`<h1>${title}</h1><p>${t.t('identity.forbidden.body')}</p><p><a href="/${t.lang}">${t.t('identity.forbidden.home')}</a></p>${helpFooter(t, reference)}`,
  };
}

/** Any failed sign-in: says what to do next and gives a reference; never a stack trace, never half signed in. */
export function signInErrorPage(
  t: Translator,
  reason: string,
  reference: string,
): { page: Page; status: number } {
  const key =
    reason === 'provider-unavailable'
      ? 'unavailable'
      : reason === 'step-up-different-account'
        ? 'differentAccount'
        : reason === 'access_denied'
          ? 'cancelled'
          : 'generic';
  const title = t.t(`identity.signInError.${key}Title`);
  const page = {
    title,
    body: html`<h1>${title}</h1><p>${t.t(`identity.signInError.${key}Body`)}</p>
<p><a class="button button-primary" href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('identity.signInError.tryAgain')}</a></p>
${helpFooter(t, reference)}`,
  };
  return { page, status: key === 'unavailable' ? 503 : 400 };
}

export function signedOutPage(t: Translator, reason: string | undefined): Page {
  const title = t.t('identity.signedOut.title');
  const everywhere = reason === 'everywhere';
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t.t(everywhere ? 'identity.signedOut.everywhereBody' : 'identity.signedOut.body')}</p>
<p>${t.t('identity.signedOut.providerNote')}</p>
<p><a href="${pathFor(identityPaths.signIn, t.lang)}">${t.t('identity.signedOut.signInAgain')}</a></p>`,
  };
}
