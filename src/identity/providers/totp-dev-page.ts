import { translator } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { html } from '../../platform/views/html.ts';
import type { DemoAccount } from './demo-accounts.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { providerPage } from './provider-pages.ts';
import { totp } from './totp.ts';

/** Development only: the demo accounts' TOTP secrets and current codes, in place of an authenticator app. */
export function totpDevPage(
  lang: Lang,
  name: { en: string; fr: string },
  accounts: readonly DemoAccount[],
  now: Date,
): string {
  const t = translator(lang);
  const rows = accounts
    .filter((account) => account.totpSecret)
    .map(
      (account) =>
        html`<tr><td><code>${account.username}</code></td><td><code>${account.totpSecret}</code></td><td><code>${totp(account.totpSecret ?? '', now)}</code></td></tr>`,
    );
  const body = html`<h1>${t.t('identity.idp.totpDevTitle')}</h1>
<p>${t.t('identity.idp.totpDevBody', { password: DEMO_PASSWORD })}</p>
<table><caption>${t.t('identity.idp.totpDevCaption')}</caption>
<thead><tr><th scope="col">${t.t('identity.idp.username')}</th><th scope="col">${t.t('identity.idp.totpSecret')}</th><th scope="col">${t.t('identity.idp.totpCurrent')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return providerPage(
    { lang, providerName: name[lang], alternateUrl: `/dev/totp?lang=${lang === 'en' ? 'fr' : 'en'}` },
    t.t('identity.idp.totpDevTitle'),
    body,
  );
}
