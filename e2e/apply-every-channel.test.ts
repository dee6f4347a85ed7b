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
const [AMELIE, JORDAN, , SAM] = DEMO_PEOPLE;
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
    find: 'Find a client',
    search: 'Search',
    applyWith: 'Apply with the client',
    startWith: 'Start the application',
    actingFor: 'People I act for',
    startFor: 'Start an application for them',
  },
  fr: {
    mine: 'Mes demandes',
    benefits: 'Mes prestations',
    oas: 'Pension de la Sécurité de la vieillesse',
    gis: 'Supplément de revenu garanti',
    start: 'Commencer',
    done: 'Demande reçue',
    back: 'Aller à mes demandes',
    find: 'Trouver une personne cliente',
    search: 'Chercher',
    applyWith: 'Faire une demande avec la personne cliente',
    startWith: 'Commencer la demande',
    actingFor: 'Personnes pour qui j’agis',
    startFor: 'Commencer une demande pour cette personne',
  },
} as const;

/** What a senior who has lived in Canada all her adult life answers (the record holds the rest). */
const SENIOR: Answers = {
  byLabel: [
    [/years|années/i, '45'],
    [/pension to start|pension commence/i, '2027-01-01'],
    [/earn from work|gagné en travaillant/i, '0'],
    [/other income|autre revenu/i, '9000'],
  ],
};

/** A parent of one young child, applying for the CCB with an agent on the phone. */
const PARENT: Answers = {
  byLabel: [
    [/children under 18|enfants de moins/i, '1'],
    [/date of birth|date de naissance/i, '2021-06-05'],
    [/time does child|partie du temps/i, 'full'],
    [/disability tax credit|crédit d’impôt/i, 'no'],
    [/earn from work|gagné en travaillant/i, '42000'],
    [/other income|autre revenu/i, '0'],
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

/** An agent, on the phone with a client: finds them by SIN, states why, applies with them (consent, identity). */
async function agentAppliesForClient(page: Page, server: IdentityTestServer, lang: Lang, axe: boolean) {
  const w = WORDS[lang];
  await signInFromHome(page, server, lang, 'staff', 'agent', axe);
  await page.click(`main a:has-text("${w.find}")`);
  await checkPage(page, axe, `find a client (${lang})`);
  await page.fill('#sin', SAM.sin);
  await page.click(`main button:has-text("${w.search}")`);
  await page.click('main ul a:has-text("Sam Nguyen")');
  await checkPage(page, axe, `purpose (${lang})`);
  await page.check('input[name="purpose"][value="phone-call"]');
  if (await page.$('#consent')) await page.check('#consent');
  await page.click('main button[type="submit"]');
  await checkPage(page, axe, `client file (${lang})`);
  await page.click(`main a:has-text("${w.applyWith}")`);
  await checkPage(page, axe, `apply with the client (${lang})`);
  await page.selectOption('#programme', 'ccb');
  await page.check('input[name="channel"][value="phone"]');
  await page.check('input[name="identityCheck"][value="questions"]');
  await page.check('input[name="consent"][value="yes"]');
  await page.click(`main button:has-text("${w.startWith}")`);
  const reference = await walkApplication(page, lang, PARENT, axe, `agent, CCB (${lang})`);
  assert.match(reference, REFERENCE);
  assert.match((await page.textContent('h1')) ?? '', new RegExp(w.done));
  const rows = await server.database.db
    .selectFrom('application')
    .select(['channel', 'started_by_kind', 'client_consent', 'identity_check'])
    .where('reference', '=', reference)
    .execute();
  assert.deepEqual(rows, [
    { channel: 'phone', started_by_kind: 'staff', client_consent: true, identity_check: 'questions' },
  ]);
}

/** A son signed in with his own login applies for his mother, who authorised him (recorded "on behalf of"). */
async function representativeAppliesForParent(
  page: Page,
  server: IdentityTestServer,
  lang: Lang,
  axe: boolean,
) {
  const w = WORDS[lang];
  await signInFromHome(page, server, lang, 'alberta', 'jordan.lee', axe);
  await page.click(`main a:has-text("${w.mine}")`);
  await page.click(`main a:has-text("${w.actingFor}")`);
  await checkPage(page, axe, `people I act for (${lang})`);
  await page.selectOption('#programme', 'oas');
  await page.click(`main button:has-text("${w.startFor}")`);
  const reference = await walkApplication(page, lang, SENIOR, axe, `representative, OAS (${lang})`);
  assert.match(reference, REFERENCE);
  const rows = await server.database.db
    .selectFrom('application')
    .select(['person_id', 'started_by_kind', 'started_by_id', 'submitted_by_kind'])
    .where('reference', '=', reference)
    .execute();
  assert.deepEqual(rows, [
    {
      person_id: AMELIE.id,
      started_by_kind: 'representative',
      started_by_id: JORDAN.id,
      submitted_by_kind: 'representative',
    },
  ]);
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
    // Amélie authorised her son Jordan to apply for her (My Guichet → Representatives, tested on its own).
    const authorised = await server.guichet.services.applications.representatives.authorise(
      AMELIE.id,
      { sin: JORDAN.sin, birthDate: JORDAN.birth, kind: 'family', scope: 'apply', endsOn: '2030-12-31' },
      'person',
      {
        ...staffContext,
        actor: { type: 'person', id: AMELIE.id },
        channel: 'online',
        purpose: 'self-service',
      },
    );
    assert.equal(authorised.ok, true);
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

  test('the same senior journey in French, axe-clean', async () => {
    const context = await newContext(browser, { locale: 'fr-CA' });
    await seniorAppliesForOasAndGis(await context.newPage(), server, 'fr', true);
    await context.close();
  });

  // Each staff and representative journey in both languages: one axe-clean, the other with JavaScript off.
  const runs = [
    { lang: 'fr', how: 'in French, axe-clean', options: { locale: 'fr-CA' }, axe: true },
    { lang: 'en', how: 'in English, with JavaScript off', options: { javaScriptEnabled: false }, axe: false },
  ] as const;
  for (const run of runs)
    test(`an agent applies for a client on the phone, ${run.how}`, async () => {
      const context = await newContext(browser, run.options);
      await agentAppliesForClient(await context.newPage(), server, run.lang, run.axe);
      await context.close();
    });

  for (const run of [
    { lang: 'en', how: 'in English, with JavaScript off', options: { javaScriptEnabled: false }, axe: false },
    { lang: 'fr', how: 'in French, axe-clean', options: { locale: 'fr-CA' }, axe: true },
  ] as const)
    test(`a representative applies for a parent, ${run.how}`, async () => {
      const context = await newContext(browser, run.options);
      await representativeAppliesForParent(await context.newPage(), server, run.lang, run.axe);
      await context.close();
    });
});
