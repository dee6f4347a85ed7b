import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { signInFromHome } from './support/application-walker.ts';

const skip = chromiumUnavailableReason() ?? false;

async function assertAxeClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const WORDS = {
  en: {
    mine: 'My applications',
    ccb: 'Canada Child Benefit',
    start: 'Start now',
    yes: '#confirmed',
    done: 'Application received',
    agree: 'I agree',
    status: /Status: Approved/,
    myGuichet: 'My Guichet',
    benefits: 'My benefits',
    approved: /^Your application for Canada Child Benefit is approved\.$/,
    amount: /^\$[\d,]+\.\d{2} a month$/,
  },
  fr: {
    mine: 'Mes demandes',
    ccb: 'Allocation canadienne pour enfants',
    start: 'Commencer',
    yes: '#confirmed',
    done: 'Demande reçue',
    agree: 'J’accepte',
    status: /État\s:\sApprouvée/,
    myGuichet: 'Mon Guichet',
    benefits: 'Mes prestations',
    approved: /^Votre demande d’Allocation canadienne pour enfants est approuvée\.$/,
    amount: /^[\d\s\u00a0\u202f]+,\d{2}\s\$ par mois$/,
  },
} as const;

/** From the home page, signs in and applies for the CCB from My Guichet, by links only, checking every page with axe. */
async function applyForCcb(
  page: Page,
  server: IdentityTestServer,
  lang: 'en' | 'fr',
  axe: boolean,
): Promise<string> {
  const w = WORDS[lang];
  const check = async (where: string) => (axe ? assertAxeClean(page, `${where} (${lang})`) : undefined);
  await signInFromHome(page, server, lang, 'alberta', 'jordan.lee', axe);
  await page.click(`main a:has-text("${w.mine}")`);
  await check('my applications');
  await page.click(`main .programme-links a:has-text("${w.ccb}")`);
  await check('start page');
  await page.click(`main button:has-text("${w.start}")`);
  await check('task list');
  await page.click('main .task-list a >> nth=0');
  await check('confirm the record');
  await page.check(w.yes);
  await page.click('main button[type="submit"]');
  await page.fill('#answer', 'two');
  await page.click('main button[type="submit"]');
  await page.waitForSelector('.error-summary');
  assert.match(await page.title(), lang === 'en' ? /^Error: / : /^Erreur/);
  await check('a refused answer');
  await page.fill('#answer', '1');
  await page.click('main button[type="submit"]');
  await page.fill('#answer-day', '5');
  await page.fill('#answer-month', '6');
  await page.fill('#answer-year', '2021');
  await page.click('main button[type="submit"]');
  await check('a choice question');
  await page.check('#answer');
  await page.click('main button[type="submit"]');
  await page.check('#answer-no');
  await page.click('main button[type="submit"]');
  await page.fill('#answer', '42000');
  await page.click('main button[type="submit"]');
  await page.fill('#answer', '0');
  await page.click('main button[type="submit"]');
  await check('check your answers');
  await page.click('main form button[type="submit"]');
  await page.waitForSelector('.error-summary');
  await check('check your answers, declaration missing');
  await page.check('#declaration');
  await page.click('main form button[type="submit"]');
  assert.match((await page.textContent('h1')) ?? '', new RegExp(w.done));
  await check('confirmation');
  const reference = (await page.textContent('.reference')) ?? '';
  await seeTheDecision(page, lang, check);
  return reference;
}

/**
 * The CCB is decided by the rules as it is submitted: the confirmation says so, and My benefits explains the decision
 * in plain words, in the reader's language. (An application that reached the rules with a fact they refused would be
 * "Received" and wait for an adjudicator: this is what would show it.)
 */
async function seeTheDecision(page: Page, lang: 'en' | 'fr', check: (where: string) => Promise<void>) {
  const w = WORDS[lang];
  assert.match((await page.textContent('main')) ?? '', w.status);
  await page.click(`.breadcrumbs a:has-text("${w.myGuichet}")`);
  await page.click(`main a:has-text("${w.benefits}")`);
  await check('my benefits');
  await page.click('main a[href*="/decisions/"] >> nth=0');
  await check('the decision explained');
  assert.match(((await page.textContent('main .lead')) ?? '').trim(), w.approved);
  const amount = page.locator('main .summary-list dd').nth(2);
  assert.match(((await amount.textContent()) ?? '').trim(), w.amount);
  const figures = (await page.textContent('main ul.meta')) ?? '';
  assert.doesNotMatch(figures, /\.yaml|ccb\.\w/, 'figures are named in words, not by file or rule id');
}

describe(
  'apply for the Canada Child Benefit as a parent, from My Guichet, in both languages',
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

    test('in English, axe-clean on every page, with a readable reference', async () => {
      const context = await newContext(browser);
      const reference = await applyForCcb(await context.newPage(), server, 'en', true);
      assert.match(reference, /^[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}$/);
      await context.close();
    });

    test('in French, axe-clean too', async () => {
      const context = await newContext(browser, { locale: 'fr-CA' });
      const reference = await applyForCcb(await context.newPage(), server, 'fr', true);
      assert.match(reference, /^[34679ACEFHKMRWXY-]{11}$/);
      await context.close();
    });

    test('with JavaScript off, the same journey works', async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const reference = await applyForCcb(await context.newPage(), server, 'en', false);
      assert.match(reference, /^[34679ACEFHKMRWXY-]{11}$/);
      await context.close();
    });
  },
);
