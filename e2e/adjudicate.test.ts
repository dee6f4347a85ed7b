import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { checkPage, linkLogin, signInFromHome, walkApplication } from './support/application-walker.ts';
import type { Answers, Lang } from './support/application-walker.ts';
import { DEMO_PEOPLE } from '../src/population/demo-people.ts';

const skip = chromiumUnavailableReason() ?? false;
const [AMELIE] = DEMO_PEOPLE;

const WORDS = {
  en: {
    queue: 'Decide applications',
    take: 'Take this case',
    record: 'Record the decision',
    decided: 'Decided',
  },
  fr: {
    mine: 'Mes demandes',
    oas: 'Pension de la Sécurité de la vieillesse',
    start: 'Commencer',
    inbox: 'Ma boîte de réception',
    letter: 'Décision',
    refused: /Votre demande de Pension de la Sécurité de la vieillesse est refusée/,
  },
} as const;

/** Five years in Canada since 18: short of the ten the OAS pension needs, so the rules recommend, a person decides. */
const FIVE_YEARS: Answers = {
  byLabel: [
    [/years|années/i, '5'],
    [/pension to start|pension commence/i, '2027-01-01'],
    [/earn from work|gagné en travaillant/i, '0'],
    [/other income|autre revenu/i, '9000'],
  ],
};

/** Amélie, in French, from the home page by links: applies for the OAS pension; returns the reference. */
async function personApplies(page: Page, server: IdentityTestServer, axe: boolean): Promise<string> {
  const lang: Lang = 'fr';
  const w = WORDS.fr;
  await signInFromHome(page, server, lang, 'gckey', 'amelie.tremblay', axe);
  await page.click(`main a:has-text("${w.mine}")`);
  await page.click(`main .programme-links a:has-text("${w.oas}")`);
  await page.click(`main button:has-text("${w.start}")`);
  return walkApplication(page, lang, FIVE_YEARS, axe, 'OAS, five years (fr)');
}

/** An adjudicator, in English, from the home page by links: the workqueue, the case, take it, refuse with reasons. */
async function adjudicatorDecides(page: Page, server: IdentityTestServer, reference: string, axe: boolean) {
  const w = WORDS.en;
  await signInFromHome(page, server, 'en', 'staff', 'adjudicator', axe);
  await page.click(`main a:has-text("${w.queue}")`);
  await checkPage(page, axe, 'the workqueue (en)');
  await page.click(`main table a:has-text("${reference}")`);
  await checkPage(page, axe, 'a queued case (en)');
  await page.click(`main button:has-text("${w.take}")`);
  await page.waitForSelector('main input[name="outcome"]');
  await checkPage(page, axe, 'a case taken (en)');
  await page.click(`main button:has-text("${w.record}")`);
  await page.waitForSelector('.error-summary');
  assert.match(await page.title(), /^Error: /);
  await checkPage(page, axe, 'a decision without an outcome or a reason (en)');
  await page.check('input[name="outcome"][value="refused"]');
  await page.check('input[name="reasons"][value="residence-not-met"]');
  await page.fill('#note', 'Five years of residence in Canada after 18; the pension needs ten.');
  await page.click(`main button:has-text("${w.record}")`);
  await page.waitForSelector('.notice, [role="status"]');
  assert.match((await page.textContent('main dl')) ?? '', new RegExp(w.decided));
  await checkPage(page, axe, 'a decided case (en)');
}

/** Back on My Guichet, by links: the inbox, then the decision letter, in French. */
async function personReadsLetter(page: Page, reference: string, axe: boolean): Promise<void> {
  const w = WORDS.fr;
  await page.click('header a[href$="mon-guichet"]');
  await page.click(`main a:has-text("${w.inbox}")`);
  await checkPage(page, axe, 'the inbox (fr)');
  await page.click(`main table a:has-text("${w.letter}")`);
  await checkPage(page, axe, 'the decision letter (fr)');
  const letter = (await page.textContent('main')) ?? '';
  assert.match(letter, w.refused);
  assert.ok(letter.includes(reference), 'the letter gives the application’s reference');
}

describe(
  'an adjudicator decides a queued application and the person reads the letter, by links only',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    before(async () => {
      server = await startIdentityTestServer();
      await linkLogin(server, 'gckey', 'gck-7f3a91c2', AMELIE.id);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the person in French, the adjudicator in English, axe-clean on every page', async () => {
      const person = await newContext(browser, { locale: 'fr-CA' });
      const personPage = await person.newPage();
      const reference = await personApplies(personPage, server, true);
      const [kase] = await server.database.db
        .selectFrom('decision_case')
        .select(['status', 'recommendation'])
        .where('reference', '=', reference)
        .execute();
      assert.equal(kase?.status, 'queued', 'a refusal is never automated: the case waits for a person');

      const staff = await newContext(browser);
      await adjudicatorDecides(await staff.newPage(), server, reference, true);
      await staff.close();
      // The server sends letters every few seconds; sending now is what its next tick would do.
      await server.guichet.services.decisions.sendLetters();

      await personReadsLetter(personPage, reference, true);
      await person.close();
    });
  },
);
