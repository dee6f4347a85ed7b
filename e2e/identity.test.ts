import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';
import type { BuiltInProviderId } from '../src/stand-ins/identity-providers/demo-accounts.ts';
import { enterCode } from './support/totp.ts';

const skip = chromiumUnavailableReason() ?? false;
if (skip) console.log(`# skipping identity browser tests: ${skip}`);

const JOURNEYS: {
  provider: BuiltInProviderId;
  lang: 'en' | 'fr';
  username: string;
  lands: RegExp;
  shows: RegExp;
}[] = [
  {
    provider: 'gckey',
    lang: 'en',
    username: 'amelie.tremblay',
    lands: /\/en\/my-guichet$/,
    shows: /Not yet confirmed/,
  },
  {
    provider: 'gckey',
    lang: 'fr',
    username: 'sam.nguyen',
    lands: /\/fr\/mon-guichet$/,
    shows: /Pas encore confirmé/,
  },
  {
    provider: 'alberta',
    lang: 'en',
    username: 'jordan.lee',
    lands: /\/en\/my-guichet$/,
    shows: /Jordan Lee/,
  },
  {
    provider: 'alberta',
    lang: 'fr',
    username: 'jordan.lee',
    lands: /\/fr\/mon-guichet$/,
    shows: /Jordan Lee/,
  },
  { provider: 'bc', lang: 'en', username: 'harpreet.singh', lands: /\/en\/my-guichet$/, shows: /Level 3/ },
  { provider: 'bc', lang: 'fr', username: 'harpreet.singh', lands: /\/fr\/mon-guichet$/, shows: /Niveau 3/ },
  { provider: 'staff', lang: 'en', username: 'agent', lands: /\/en\/staff$/, shows: /Alex Agent/ },
  {
    provider: 'staff',
    lang: 'fr',
    username: 'adjudicator',
    lands: /\/fr\/personnel$/,
    shows: /Adèle Adjudicatrice/,
  },
];

async function assertAxeClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

describe('sign-in through every built-in provider in a real browser', { skip }, () => {
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

  for (const journey of JOURNEYS) {
    test(`${journey.provider} (${journey.lang}): sign in, see the signed-in page, sign out — axe-clean throughout`, async () => {
      const context = await newContext(browser, { locale: journey.lang === 'fr' ? 'fr-CA' : 'en-CA' });
      const page = await context.newPage();
      const start =
        journey.provider === 'staff'
          ? journey.lang === 'en'
            ? '/en/staff/sign-in'
            : '/fr/personnel/connexion'
          : journey.lang === 'en'
            ? '/en/sign-in'
            : '/fr/connexion';
      await page.goto(server.baseUrl + start);
      await assertAxeClean(page, start);
      await page.click(`main a[href$="/${journey.provider}"]`);
      await page.waitForSelector('#username');
      assert.equal(await page.getAttribute('html', 'lang'), journey.lang);
      await assertAxeClean(page, `${journey.provider} sign-in page`);
      await page.fill('#username', journey.username);
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type="submit"]');
      const account = DEMO_ACCOUNTS[journey.provider].find((a) => a.username === journey.username);
      if (account?.totpSecret) {
        await page.waitForSelector('#code');
        await assertAxeClean(page, `${journey.provider} one-time code page`);
        await enterCode(page, account.totpSecret);
      }
      await page.waitForURL(journey.lands);
      assert.match((await page.textContent('main')) ?? '', journey.shows);
      await assertAxeClean(page, 'signed-in home');
      await page.click('.identity-signout button');
      await page.waitForURL(/\/(signed-out|deconnecte)$/);
      await assertAxeClean(page, 'signed-out page');
      await page.goBack();
      await page.reload();
      assert.doesNotMatch(page.url(), journey.lands, 'the old session is dead after signing out');
      await context.close();
    });
  }

  test('error states are axe-clean and bilingual: wrong password at the provider, sign-in problem page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/fr/connexion/alberta`);
    await page.fill('#username', 'jordan.lee');
    await page.fill('#password', 'wrong');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.idp-error-summary');
    assert.match(await page.title(), /^Erreur/);
    await assertAxeClean(page, 'provider error state');
    // The sign-in started in French is still in progress, so the failed callback answers in French.
    await page.goto(`${server.baseUrl}/auth/callback?code=x&state=y`);
    assert.match((await page.textContent('main')) ?? '', /Nous n’avons pas pu vous connecter/);
    await assertAxeClean(page, 'sign-in problem page (fr)');
    await page.goto(`${server.baseUrl}/auth/callback?code=x&state=y`);
    assert.match((await page.textContent('main')) ?? '', /We could not sign you in/);
    await assertAxeClean(page, 'sign-in problem page');
    await context.close();
  });

  async function signInBasic(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/en/sign-in`);
    await page.click('main a[href$="/alberta"]');
    await page.fill('#username', 'casey.basic');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/en\/my-guichet$/);
  }

  test('linking, session and mailbox pages are axe-clean, errors included', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInBasic(page);
    await page.click('a[href="/en/my-guichet/link"]');
    await assertAxeClean(page, 'link page');
    await page.click('main button.button-primary');
    await page.waitForSelector('.error-summary');
    await assertAxeClean(page, 'link page with errors');
    await page.goto(`${server.baseUrl}/fr/mon-guichet/lier/code`);
    await assertAxeClean(page, 'code page');
    await page.goto(`${server.baseUrl}/fr/mon-guichet/lier/aide`);
    await assertAxeClean(page, 'help page');
    await page.goto(`${server.baseUrl}/fr/session`);
    await assertAxeClean(page, 'session page');
    await page.goto(`${server.baseUrl}/en/dev/mailbox`);
    await assertAxeClean(page, 'mailbox');
    await context.close();
  });

  test('with JavaScript, a timeout warning dialog appears before the end and "Stay signed in" keeps the session', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    await signInBasic(page);
    await page.clock.fastForward('17:30');
    const dialog = page.locator('dialog.identity-timeout-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.match((await dialog.textContent()) ?? '', /You will be signed out soon/);
    await assertAxeClean(page, 'timeout warning dialog');
    await dialog.locator('button.button-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    const response = await page.goto(`${server.baseUrl}/en/my-guichet`);
    assert.equal(new URL(response?.url() ?? '').pathname, '/en/my-guichet');
    await context.close();
  });

  // axe cannot run without JavaScript, so this journey checks behaviour only.
  test('works with JavaScript off: sign in, ask for a letter, extend the session, sign out', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInBasic(page);
    await page.click('a[href="/en/my-guichet/link"]');
    await page.fill('#sin', '046 454 286');
    await page.fill('#birth-day', '1');
    await page.fill('#birth-month', '1');
    await page.fill('#birth-year', '1990');
    await page.click('main button.button-primary');
    await page.waitForURL(/\/en\/my-guichet\/link\/code$/);
    assert.match((await page.textContent('main')) ?? '', /If the details you gave match our records/);
    await page.click('#identity-timeout a');
    await page.click('main button.button-primary');
    await page.waitForURL(/\/en\/session$/);
    await page.click('.identity-signout button');
    await page.waitForURL(/\/en\/signed-out$/);
    await context.close();
  });
});
