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
const REFERENCE = /^[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}$/;

const WORDS = {
  en: {
    mine: 'My applications',
    benefits: 'My benefits',
    oas: 'Old Age Security pension',
    gis: 'Guaranteed Income Supplement',
    start: 'Start now',
    done: 'Application received',
    back: 'Go to my applications',
  },
  fr: {
    mine: 'Mes demandes',
    benefits: 'Mes prestations',
    oas: 'Pension de la Sécurité de la vieillesse',
    gis: 'Supplément de revenu garanti',
    start: 'Commencer',
    done: 'Demande reçue',
    back: 'Aller à mes demandes',
  },
} as const;

/** What a senior who has lived in Canada all her adult life answers (the record holds the rest). */
const SENIOR: Answers = {
  byLabel: [
    [/years|années/i, '45'],
    [/pension to start|pension commence/i, '2027-01-01'],
    [/earn from work|revenu de travail|travail/i, '0'],
    [/other income|autres revenus/i, '9000'],
  ],
};

/** From My applications: a programme's start page, then its task list. */
async function startApplication(page: Page, lang: Lang, programme: string, axe: boolean): Promise<void> {
  const w = WORDS[lang];
  await page.click(`main a:has-text("${w.mine}")`);
  await checkPage(page, axe, `my applications (${lang})`);
  await page.click(`main .programme-links a:has-text("${programme}")`);
  await checkPage(page, axe, `${programme}: start page`);
  await page.click(`main button:has-text("${w.start}")`);
}

async function seniorAppliesForOasAndGis(
  page: Page,
  server: IdentityTestServer,
  lang: Lang,
  axe: boolean,
): Promise<void> {
  const w = WORDS[lang];
  await signInFromHome(page, server, lang, 'gckey', 'amelie.tremblay', axe);
  for (const programme of [w.oas, w.gis]) {
    await startApplication(page, lang, programme, axe);
    const reference = await walkApplication(page, lang, SENIOR, axe, `${programme} (${lang})`);
    assert.match(reference, REFERENCE);
    assert.match((await page.textContent('h1')) ?? '', new RegExp(w.done));
    await page.click(`main a:has-text("${w.back}")`);
    const mine = (await page.textContent('main')) ?? '';
    assert.ok(mine.includes(reference), 'the application is listed with its reference');
    await page.click('header a[href$="my-guichet"], header a[href$="mon-guichet"]');
  }
  await page.click(`main a:has-text("${w.benefits}")`);
  await checkPage(page, axe, `my benefits (${lang})`);
  const benefits = (await page.textContent('main')) ?? '';
  assert.match(benefits, new RegExp(w.oas), 'the OAS decision or case is shown');
  assert.match(benefits, new RegExp(w.gis), 'the GIS decision or case is shown');
}

describe('apply through every channel, from the home page by links only', { skip }, () => {
  let server: IdentityTestServer;
  let browser: Browser;
  before(async () => {
    server = await startIdentityTestServer();
    const { person } = server.guichet.services;
    const staffContext = {
      actor: { type: 'staff' as const, id: 'set-up' },
      channel: 'in-person' as const,
      purpose: 'record-correction',
      correlationId: 'e2e',
    };
    // A permanent resident: proof of status is asked, so the journey uploads a document.
    await person.record.changeResidenceStatus(AMELIE.id, 'permanent-resident', staffContext);
    await linkLogin(server, 'gckey', 'gck-7f3a91c2', AMELIE.id);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a senior applies for OAS and GIS (prefilled, proof uploaded) and sees her benefits, in English, axe-clean', async () => {
    const context = await newContext(browser);
    await seniorAppliesForOasAndGis(await context.newPage(), server, 'en', true);
    await context.close();
  });
});
