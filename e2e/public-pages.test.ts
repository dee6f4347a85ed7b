import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';

const skip = chromiumUnavailableReason() ?? false;
const programmes = loadReferenceData().programmes;

const PAGES: { name: string; en: string; fr: string }[] = [
  { name: 'home', en: '/en', fr: '/fr' },
  { name: 'catalogue', en: '/en/programmes', fr: '/fr/programmes' },
  ...programmes.map((p) => ({
    name: `programme ${p.id}`,
    en: `/en/programmes/${p.slug_en}`,
    fr: `/fr/programmes/${p.slug_fr}`,
  })),
  { name: 'terms', en: '/en/terms', fr: '/fr/avis' },
  { name: 'privacy', en: '/en/privacy', fr: '/fr/confidentialite' },
  { name: 'accessibility', en: '/en/accessibility', fr: '/fr/accessibilite' },
  // Help and offices (issue #14).
  { name: 'help', en: '/en/help', fr: '/fr/aide' },
  { name: 'contact OAS', en: '/en/help/contact/oas', fr: '/fr/aide/nous-joindre/oas' },
  { name: 'offices', en: '/en/help/offices', fr: '/fr/aide/bureaux' },
  { name: 'offices near', en: '/en/help/offices/near/k1p', fr: '/fr/aide/bureaux/pres-de/k1p' },
  { name: 'office', en: '/en/help/office/sc-ottawa', fr: '/fr/aide/bureau/sc-ottawa' },
  { name: 'call back', en: '/en/help/call-back', fr: '/fr/aide/rappel' },
  { name: 'appointment', en: '/en/help/appointment', fr: '/fr/aide/rendez-vous' },
];

describe('public pages in a real browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const pageSpec of PAGES) {
    for (const lang of ['en', 'fr'] as const) {
      test(`${pageSpec.name} (${lang}) is axe-clean, in the right language, and toggles to the same page`, async () => {
        const context = await newContext(browser);
        const page = await context.newPage();
        const response = await page.goto(server.baseUrl + pageSpec[lang]);
        assert.equal(response?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), []);
        await page.click('a.lang-toggle');
        assert.equal(new URL(page.url()).pathname, pageSpec[lang === 'en' ? 'fr' : 'en']);
        assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'fr' : 'en');
        await context.close();
      });
    }
  }

  test('the splash page, the 404 page and the API docs are axe-clean', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const [path, status] of [
      ['/', 200],
      ['/nowhere', 404],
      ['/fr/nulle-part', 404],
      ['/api/docs', 200],
    ] as const) {
      const response = await page.goto(server.baseUrl + path);
      assert.equal(response?.status(), status, path);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    await context.close();
  });

  test('the CSRF error page explains what to do and is axe-clean in both languages', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const lang of ['en', 'fr'] as const) {
      await page.goto(`${server.baseUrl}/${lang}`);
      // A form without the token, as a forged cross-site post would be.
      const navigation = page.waitForNavigation();
      await page.evaluate((action) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        const input = document.createElement('input');
        input.name = 'city';
        input.value = 'Rimouski';
        form.append(input);
        document.body.append(form);
        form.submit();
      }, `/${lang}`);
      await navigation;
      assert.match(await page.title(), lang === 'en' ? /could not be sent/ : /n’a pas pu être envoyé/);
      // Nothing a cross-site form posted is written on the page (issue 11).
      assert.doesNotMatch(await page.content(), /Rimouski/);
      assert.deepEqual(await axeViolations(page), []);
    }
    await context.close();
  });

  test('the site works with JavaScript turned off: splash → home → catalogue → programme', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await page.click('section[lang="fr"] a');
    assert.equal(new URL(page.url()).pathname, '/fr');
    await page.click('text=Parcourir toutes les prestations et tous les programmes');
    await page.click('text=Pension de la Sécurité de la vieillesse');
    assert.equal(await page.textContent('h1'), 'Pension de la Sécurité de la vieillesse');
    await context.close();
  });

  test('the home page loads without a console error: nothing blocked by the CSP, nothing from another origin', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl)) foreign.push(request.url());
    });
    for (const lang of ['en', 'fr'] as const) {
      await page.goto(`${server.baseUrl}/${lang}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });
});
