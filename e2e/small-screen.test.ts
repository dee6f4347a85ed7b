import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumUnavailableReason, launchChromium } from './support/browser.ts';
import { checkPhone, linksIn, PHONE } from './support/small-screen.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';

const skip = chromiumUnavailableReason() ?? false;

describe(
  'every page a person reaches from the home page and from My Guichet, on a 390 px phone',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    before(async () => {
      server = await startIdentityTestServer();
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const lang of ['en', 'fr'] as const) {
      test(`(${lang}) public pages one click from home, and signed-in pages one click from My Guichet`, async () => {
        const context = await browser.newContext({
          viewport: PHONE,
          locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
        });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/${lang}`);
        const publicPages = [page.url(), ...(await linksIn(page, server.baseUrl))];
        const problems: string[] = [];
        for (const url of new Set(publicPages)) problems.push(...(await checkPhone(page, url)));

        await page.goto(`${server.baseUrl}/${lang}`);
        await page.click(`header a:has-text("${lang === 'en' ? 'Sign in' : 'Se connecter'}")`);
        await page.click('main a[href*="alberta"]');
        await page.fill('#username', 'jordan.lee');
        await page.fill('#password', DEMO_PASSWORD);
        await page.click('button[type="submit"]');
        await page.waitForURL(lang === 'en' ? /\/en\/my-guichet$/ : /\/fr\/mon-guichet$/);
        const signedIn = [page.url(), ...(await linksIn(page, server.baseUrl))].filter(
          (url) => !/sign-in|connexion/.test(url),
        );
        for (const url of new Set(signedIn)) problems.push(...(await checkPhone(page, url)));
        assert.deepEqual(problems, []);
        assert.ok(
          publicPages.length >= 4 && signedIn.length >= 10,
          `${publicPages.length} + ${signedIn.length} pages`,
        );
        await context.close();
      });
    }
  },
);
