import { translator } from './provider-texts.ts';
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
  const body = html`<h1>${t.t('idp.totpDevTitle')}</h1>
<p>${t.t('idp.totpDevBody', { password: DEMO_PASSWORD })}</p>
<table><caption>${t.t('idp.totpDevCaption')}</caption>
<thead><tr><th scope="col">${t.t('idp.username')}</th><th scope="col">${t.t('idp.totpSecret')}</th><th scope="col">${t.t('idp.totpCurrent')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return providerPage(
    { lang, providerName: name[lang], alternateUrl: `/dev/totp?lang=${lang === 'en' ? 'fr' : 'en'}` },
    t.t('idp.totpDevTitle'),
    body,
  );
}
