import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';

const skip = chromiumUnavailableReason() ?? false;

const WORDS = {
  en: {
    help: 'Get help',
    postal: 'Postal code',
    find: 'Find offices',
    callback: 'Ask for a call back',
    name: 'Your name',
    phone: 'Telephone number',
    french: 'Français',
    morning: 'Morning',
    relay: 'A relay service or TTY call',
    done: 'We have your request',
    problem: 'There is a problem',
    oas: 'Old Age Security pension',
  },
  fr: {
    help: 'Obtenir de l’aide',
    postal: 'Code postal',
    find: 'Trouver des bureaux',
    callback: 'Demander un rappel',
    name: 'Votre nom',
    phone: 'Numéro de téléphone',
    french: 'Français',
    morning: 'Le matin',
    relay: 'Un appel par service de relais ou ATS',
    done: 'Nous avons reçu votre demande',
    problem: 'Il y a un problème',
    oas: 'Pension de la Sécurité de la vieillesse',
  },
} as const;

/** Nothing wider than a 390 px phone: the page never scrolls sideways (WCAG 1.4.10 reflow). */
async function assertReflows(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width}px wide at 390px`);
}

async function check(page: Page): Promise<void> {
  assert.deepEqual(await axeViolations(page), []);
  await assertReflows(page);
}

describe('help on a phone, by keyboard and without JavaScript', { skip }, () => {
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

  for (const lang of ['en', 'fr'] as const) {
    const w = WORDS[lang];
    test(`(${lang}) from the home page: find an office by postal code, then ask for a call back`, async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
        locale: `${lang}-CA`,
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/${lang}`);
      await page.getByRole('link', { name: w.help, exact: true }).first().click();
      assert.equal(await page.textContent('h1'), w.help);
      await page.getByLabel(w.postal).fill('k1p 1j1');
      await page.getByRole('button', { name: w.find }).click();
      assert.match(new URL(page.url()).pathname, /\/k1p$/);
      assert.match((await page.textContent('main')) ?? '', /Ottawa/);

      await page.goto(`${server.baseUrl}${lang === 'en' ? '/en/help/call-back' : '/fr/aide/rappel'}`);
      await page.getByRole('button', { name: w.callback }).click();
      assert.equal(await page.textContent('.error-summary h2'), w.problem);
      assert.equal(await page.locator('.error-summary:focus').count(), 1, 'focus on the summary, no script');
      await page.getByLabel(w.name).fill('Marie Tremblay');
      await page.getByLabel(w.phone).fill('613-555-0199');
      await page.getByLabel(w.french, { exact: true }).check();
      await page.getByLabel(w.morning, { exact: true }).check();
      await page.getByLabel(w.relay).check();
      await page.getByRole('button', { name: w.callback }).click();
      assert.equal(await page.textContent('h1'), w.done);
      assert.match((await page.textContent('.reference')) ?? '', /^HR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await context.close();
    });

    test(`(${lang}) the help pages, a refused form and a confirmation are axe-clean at 390 px`, async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: `${lang}-CA`,
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const base = lang === 'en' ? '/en/help' : '/fr/aide';
      for (const path of lang === 'en'
        ? [
            '',
            '/contact/oas',
            '/offices',
            '/offices/near/k1p',
            '/office/sc-ottawa',
            '/call-back',
            '/appointment',
          ]
        : [
            '',
            '/nous-joindre/oas',
            '/bureaux',
            '/bureaux/pres-de/k1p',
            '/bureau/sc-ottawa',
            '/rappel',
            '/rendez-vous',
          ]) {
        await page.goto(`${server.baseUrl}${base}${path}`);
        await check(page);
      }
      await page.goto(`${server.baseUrl}${base}${lang === 'en' ? '/call-back' : '/rappel'}`);
      await page.getByRole('button', { name: w.callback }).click();
      assert.equal(await page.textContent('.error-summary h2'), w.problem);
      await check(page);
      await context.close();
    });

    test(`(${lang}) the OAS page says how much, when and how to apply, at 390 px`, async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: `${lang}-CA`,
      });
      const page = await context.newPage();
      await page.goto(
        `${server.baseUrl}/${lang}/programmes/${lang === 'en' ? 'old-age-security' : 'securite-de-la-vieillesse'}`,
      );
      assert.equal(await page.textContent('h1'), w.oas);
      assert.ok(await page.locator('#how-much').isVisible());
      assert.ok(await page.locator('#when-paid').isVisible());
      assert.ok(await page.locator('#how-to-apply').isVisible());
      await check(page);
      await context.close();
    });
  }
});
