import type { IdentityProviderConfig } from '../../platform/config/identity-config.ts';
import type { Translator } from '../../platform/i18n/i18n.ts';
import { pathFor } from '../../platform/http/route-table.ts';
import type { BilingualPath } from '../../platform/http/route-table.ts';
import { html } from '../../platform/views/html.ts';
import type { Page } from '../../platform/views/layout.ts';
import { identityPaths } from '../identity.paths.ts';

function startLink(t: Translator, provider: IdentityProviderConfig, query: URLSearchParams): string {
  const text = query.toString();
  return `${pathFor(identityPaths.signInWith, t.lang, { provider: provider.id })}${text ? `?${text}` : ''}`;
}

export function chooseProviderPage(
  t: Translator,
  providers: readonly IdentityProviderConfig[],
  returnTo: string | null,
  expired: string | null,
): Page {
  const query = new URLSearchParams(returnTo ? { return: returnTo } : {});
  const title = t.t('identity.choose.title');
  return {
    title,
    body: html`<h1>${title}</h1>
${expired ? html`<div class="notice notice-warning" role="status"><p>${t.t(expired === 'absolute' ? 'identity.choose.expiredAbsolute' : 'identity.choose.expiredIdle')}</p></div>` : ''}
<p class="lead">${t.t('identity.choose.lead')}</p>
<ul class="identity-providers">
${providers.map((provider) => html`<li><a class="button button-primary" href="${startLink(t, provider, query)}">${t.lang === 'fr' ? provider.nameFr : provider.nameEn}</a></li>`)}
</ul>
<h2>${t.t('identity.choose.firstTimeTitle')}</h2>
<p>${t.t('identity.choose.firstTimeBody')}</p>
<h2>${t.t('identity.choose.noAccountTitle')}</h2>
<p>${t.t('identity.choose.noAccountBody')}</p>
<p><a href="${pathFor(identityPaths.staffSignIn, t.lang)}">${t.t('identity.choose.staffLink')}</a></p>`,
  };
}

export function staffSignInPage(
  t: Translator,
  providers: readonly IdentityProviderConfig[],
  returnTo: string | null,
  expired: string | null,
): Page {
  const query = new URLSearchParams(returnTo ? { return: returnTo } : {});
  const title = t.t('identity.staffSignIn.title');
  return {
    title,
    body: html`<h1>${title}</h1>
${expired ? html`<div class="notice notice-warning" role="status"><p>${t.t('identity.choose.expiredIdle')}</p></div>` : ''}
<p>${t.t('identity.staffSignIn.lead')}</p>
<ul class="identity-providers">
${providers.map((provider) => html`<li><a class="button button-primary" href="${startLink(t, provider, query)}">${t.lang === 'fr' ? provider.nameFr : provider.nameEn}</a></li>`)}
</ul>`,
  };
}

export function stepUpPage(
  t: Translator,
  provider: IdentityProviderConfig | undefined,
  returnTo: string | null,
  home: BilingualPath,
): Page {
  const title = t.t('identity.stepUp.title');
  const query = new URLSearchParams({ intent: 'step-up', ...(returnTo ? { return: returnTo } : {}) });
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t.t('identity.stepUp.body')}</p>
${provider ? html`<p><a class="button button-primary" href="${startLink(t, provider, query)}">${t.t('identity.stepUp.button', { provider: t.lang === 'fr' ? provider.nameFr : provider.nameEn })}</a></p>` : ''}
<p><a href="${pathFor(home, t.lang)}">${t.t('identity.stepUp.cancel')}</a></p>`,
  };
}
