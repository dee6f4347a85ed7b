import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';

const skip = chromiumUnavailableReason() ?? false;
const PHONE = { width: 390, height: 844 };

/** The pages a person reaches in one click from here: links inside the page's main content, on this site. */
async function linksIn(page: Page, baseUrl: string): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs
    .filter((href) => href.startsWith('/') && !/\.(pdf|json|csv|txt|xml)$/.test(href))
    .map((h) => baseUrl + h);
}

/** Every page is axe-clean on a 390 px phone and never scrolls sideways (WCAG 1.4.10 reflow). */
async function checkPhone(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  const problems: string[] = [];
  if ((response?.status() ?? 500) >= 400) return [`${url}: ${response?.status()}`];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) problems.push(`${url}: ${width}px wide`);
  for (const violation of await axeViolations(page)) problems.push(`${url}: ${JSON.stringify(violation)}`);
  return problems;
}

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
