import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumUnavailableReason, launchChromium } from './support/browser.ts';
import { checkPhone, linksIn, PHONE, phoneProblems } from './support/small-screen.ts';
import { signInFromHome } from './support/application-walker.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_PEOPLE } from '../src/population/demo-people.ts';

const skip = chromiumUnavailableReason() ?? false;
const SAM = DEMO_PEOPLE[3];
const ROLES = [
  'agent',
  'supervisor',
  'adjudicator',
  'payments-officer',
  'administrator',
  'analyst',
  'policy-analyst',
] as const;
const WORDS = {
  en: { find: 'Find a client', search: 'Search' },
  fr: { find: 'Trouver une personne cliente', search: 'Chercher' },
} as const;

/**
 * Checks every page one click from the page open now, once each: roles see many of the same pages, and a page
 * already checked (same path, either role) is not checked again, to keep the sweep to a few minutes.
 */
async function sweepFrom(page: Page, baseUrl: string, seen: Set<string>): Promise<string[]> {
  const here = page.url();
  const problems: string[] = [];
  for (const url of [here, ...(await linksIn(page, baseUrl))]) {
    const path = new URL(url).pathname;
    if (seen.has(path) || /sign-out|deconnexion|sign-in|connexion/.test(path)) continue;
    seen.add(path);
    problems.push(...(await checkPhone(page, url)));
  }
  await page.goto(here);
  return problems;
}

/** Finds Sam by SIN, states why (a phone call, with consent), and opens the client file: each page checked. */
async function openClientFile(page: Page, lang: 'en' | 'fr'): Promise<string[]> {
  const w = WORDS[lang];
  const problems: string[] = [];
  await page.click(`main a:has-text("${w.find}")`);
  problems.push(...(await phoneProblems(page, `find a client (${lang})`)));
  await page.fill('#sin', SAM.sin);
  await page.click(`main button:has-text("${w.search}")`);
  problems.push(...(await phoneProblems(page, `search results (${lang})`)));
  await page.click(`main ul a:has-text("${SAM.given} ${SAM.family}")`);
  if (await page.$('input[name="purpose"]')) {
    problems.push(...(await phoneProblems(page, `purpose (${lang})`)));
    await page.check('input[name="purpose"][value="phone-call"]');
    if (await page.$('#consent')) await page.check('#consent');
    await page.click('main button[type="submit"]');
  }
  return problems;
}

describe(
  'every page one click from the staff workspace and the client file, for every role, on a 390 px phone',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    const seen = new Set<string>();
    before(async () => {
      server = await startIdentityTestServer();
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const role of ROLES) {
      test(`${role}: the workspace home and the pages one click from it, in English and French`, async () => {
        const context = await browser.newContext({ viewport: PHONE, locale: 'en-CA' });
        const page = await context.newPage();
        await signInFromHome(page, server, 'en', 'staff', role, false);
        const problems = await sweepFrom(page, server.baseUrl, seen);
        await page.click('header a.lang-toggle');
        await page.waitForURL(/\/fr\/personnel$/);
        problems.push(...(await sweepFrom(page, server.baseUrl, seen)));
        if (role === 'agent') {
          for (const lang of ['fr', 'en'] as const) {
            await page.goto(`${server.baseUrl}/${lang}/${lang === 'en' ? 'staff' : 'personnel'}`);
            problems.push(...(await openClientFile(page, lang)));
            problems.push(...(await sweepFrom(page, server.baseUrl, seen)));
            await page.click(`main a[href$="/${lang === 'en' ? 'record' : 'dossier'}"]`);
            problems.push(...(await sweepFrom(page, server.baseUrl, seen)));
          }
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }

    test('the sweep reached the staff pages', () => {
      const paths = [...seen];
      assert.ok(paths.length >= 30, `${paths.length} pages checked`);
      for (const expected of [
        '/en/staff',
        '/fr/personnel',
        '/en/staff/find-client',
        '/fr/personnel/trouver-un-client',
      ])
        assert.ok(seen.has(expected), `${expected} was checked`);
      assert.ok(
        paths.some((p) => /\/en\/staff\/clients\/[0-9a-f-]{36}\/record$/.test(p)),
        'the client record (en)',
      );
      assert.ok(
        paths.some((p) => /\/fr\/personnel\/clients\/[0-9a-f-]{36}\/dossier$/.test(p)),
        'the client record (fr)',
      );
      console.log(`# ${paths.length} staff pages checked at 390 px`);
    });
  },
);
