import type { FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/pages.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import { identityPaths } from '../identity.paths.ts';
import { helpFooter } from './components.ts';

const other = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

export function sendForbiddenPage(request: FastifyRequest, reply: FastifyReply, lang: Lang): FastifyReply {
  const t = translator(lang);
  const title = t.t('identity.forbidden.title');
  return sendPage(
    request,
    reply,
    lang,
    `/${other(lang)}`,
    {
      title,
      body: html`<h1>${title}</h1><p>${t.t('identity.forbidden.body')}</p><p><a href="/${lang}">${t.t('identity.forbidden.home')}</a></p>${helpFooter(t, request.id)}`,
    },
    403,
  );
}

/** Any failed sign-in: says what to do next and gives a reference; never a stack trace, never half signed in. */
export function sendSignInErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  reason: string,
): FastifyReply {
  const t = translator(lang);
  const key =
    reason === 'provider-unavailable'
      ? 'unavailable'
      : reason === 'step-up-different-account'
        ? 'differentAccount'
        : reason === 'access_denied'
          ? 'cancelled'
          : 'generic';
  const title = t.t(`identity.signInError.${key}Title`);
  return sendPage(
    request,
    reply,
    lang,
    pathFor(identityPaths.signIn, other(lang)),
    {
      title,
      body: html`<h1>${title}</h1><p>${t.t(`identity.signInError.${key}Body`)}</p>
<p><a class="button button-primary" href="${pathFor(identityPaths.signIn, lang)}">${t.t('identity.signInError.tryAgain')}</a></p>
${helpFooter(t, request.id)}`,
    },
    key === 'unavailable' ? 503 : 400,
  );
}

export function signedOutPage(lang: Lang, reason: string | undefined) {
  const t = translator(lang);
  const title = t.t('identity.signedOut.title');
  const everywhere = reason === 'everywhere';
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t.t(everywhere ? 'identity.signedOut.everywhereBody' : 'identity.signedOut.body')}</p>
<p>${t.t('identity.signedOut.providerNote')}</p>
<p><a href="${pathFor(identityPaths.signIn, lang)}">${t.t('identity.signedOut.signInAgain')}</a></p>`,
  };
}
