import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';
import { enterCode } from './support/totp.ts';
import { DEMO_PEOPLE } from '../src/population/demo-people.ts';

const skip = chromiumUnavailableReason() ?? false;
const jordan = DEMO_PEOPLE[1];

async function assertAxeClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

describe(
  'tell us once, as a new user would: change an address, see who was told, give and revoke a consent',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    before(async () => {
      server = await startIdentityTestServer();
      const { exchange, person } = server.guichet.services;
      await exchange.service.seedAgreements();
      for (const programme of ['ccb', 'gst-hst-credit'])
        await person.enrolments.enrol(jordan.id, programme, '2025-01-01');
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('the whole journey is axe-clean in English, and My profile in French too', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/en/sign-in/alberta`);
      await page.fill('#username', 'jordan.lee');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForURL(/\/en\/my-guichet$/);
      await page.goto(`${server.baseUrl}/en/my-guichet/profile`);
      assert.match((await page.textContent('h1')) ?? '', /My profile/);
      await assertAxeClean(page, 'My profile');

      await page.click('a[href="/en/my-guichet/profile/address"]');
      await assertAxeClean(page, 'change address');
      // Jordan moves from Alberta to Ontario: Ontario's agency is then the one offered a consent (issue #14).
      await page.fill('#line1', '10 Main St');
      await page.fill('#city', 'Ottawa');
      await page.selectOption('#provinceCode', 'ON');
      await page.fill('#postalCode', 'T2P 1J9');
      await page.fill('#effectiveFrom-day', '1');
      await page.fill('#effectiveFrom-month', '11');
      await page.fill('#effectiveFrom-year', '2026');
      await page.click('main button[type="submit"]');
      await page.waitForSelector('.error-summary');
      assert.equal(await page.inputValue('#line1'), '10 Main St');
      assert.match(await page.title(), /^Error: /);
      await assertAxeClean(page, 'change address with errors');
      await page.fill('#postalCode', 'K1A 0B1');
      await page.click('main button[type="submit"]');
      await page.waitForURL(/address\/check$/);
      assert.match((await page.textContent('main')) ?? '', /K1A 0B1/);
      await assertAxeClean(page, 'check your answers');
      await page.click('main button[type="submit"]');
      await page.waitForURL(/address\/confirmation$/);
      assert.match(
        (await page.textContent('.reference')) ?? '',
        /^[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}-[34679ACEFHKMRWXY]{3}$/,
      );
      await assertAxeClean(page, 'address confirmation');
      await page.click('a[href="/en/my-guichet/who-was-told"]');
      await page.waitForURL(/who-was-told$/);
      for (
        let i = 0;
        i < 60 && /Waiting to be sent|waiting for confirmation/.test((await page.textContent('main')) ?? '');
        i++
      ) {
        await page.waitForTimeout(250);
        await page.reload();
      }
      const told = (await page.textContent('main')) ?? '';
      assert.match(told, /Canada Revenue Agency/);
      assert.match(told, /Received /);
      await assertAxeClean(page, 'who was told');

      await page.goto(`${server.baseUrl}/en/my-guichet/consents`);
      assert.match((await page.textContent('main')) ?? '', /You have not given any consent/);
      await assertAxeClean(page, 'consents, none given');
      await page.click('a[href="/en/my-guichet/consents/give"]');
      assert.match((await page.textContent('h1')) ?? '', /Give a consent/);
      await assertAxeClean(page, 'give a consent');
      await page.check('input[name="agreement"][value="esdc-on-social-assistance"]');
      await page.check('#duration-until');
      await page.fill('#until-day', '1');
      await page.fill('#until-month', '1');
      await page.fill('#until-year', '2020');
      await page.click('main button[type="submit"]');
      await page.waitForSelector('.error-summary');
      assert.match(await page.title(), /^Error: /);
      assert.match((await page.textContent('.error-summary')) ?? '', /Enter an end date after today/);
      assert.deepEqual(
        [
          await page.inputValue('#until-day'),
          await page.inputValue('#until-month'),
          await page.inputValue('#until-year'),
        ],
        ['1', '1', '2020'],
        'the date typed is kept',
      );
      assert.equal(await page.isChecked('input[value="esdc-on-social-assistance"]'), true);
      await assertAxeClean(page, 'give a consent with errors');
      await page.click('.error-summary a[href="#until-day"]');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'until-day');
      await page.check('#duration');
      await page.click('main button[type="submit"]');
      await page.waitForURL(/\/en\/my-guichet\/consents$/);
      const given = (await page.textContent('main')) ?? '';
      assert.match(given, /You gave your consent/);
      assert.match(given, /Given .*, ends /);
      await assertAxeClean(page, 'consents, one given');
      // Withdrawing asks first (issue #14): the link leads to a confirmation, its button withdraws.
      await page.click('main a.button:has-text("Withdraw consent")');
      await assertAxeClean(page, 'confirm the withdrawal');
      await page.click('main form button[type="submit"]');
      await page.waitForSelector('.notice-success');
      assert.match((await page.textContent('main')) ?? '', /Withdrawn/);

      for (const path of [
        '/en/my-guichet/access-log',
        '/en/my-guichet/my-data',
        '/fr/mon-guichet/profil',
        '/fr/mon-guichet/consentements/donner',
      ]) {
        await page.goto(server.baseUrl + path);
        await assertAxeClean(page, path);
      }
      await context.close();
    });

    test('a service agent corrects the address with a reason: inline error first, axe-clean', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/en/staff/sign-in`);
      await page.click('main a[href$="/staff"]');
      await page.fill('#username', 'agent');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForSelector('#code');
      const agent = DEMO_ACCOUNTS.staff.find((a) => a.username === 'agent');
      await enterCode(page, agent?.totpSecret ?? '');
      await page.waitForURL(/\/en\/staff$/);
      await page.goto(`${server.baseUrl}/en/staff/clients/${jordan.id}/record`);
      await page.check('#purpose');
      await page.check('#consent');
      await page.click('main button[type="submit"]');
      await page.waitForURL(/\/record$/);
      await page.click('main a[href$="/record/correct/address"]');
      assert.match((await page.textContent('h1')) ?? '', /Correct the address: Jordan Lee/);
      await assertAxeClean(page, 'staff address correction');
      await page.fill('#line1', '12 Main St');
      await page.fill('#city', 'Calgary');
      await page.selectOption('#provinceCode', 'AB');
      await page.fill('#postalCode', 'K1A 0B1');
      await page.fill('#effectiveFrom-day', '1');
      await page.fill('#effectiveFrom-month', '3');
      await page.fill('#effectiveFrom-year', '2026');
      await page.fill('#reason', 'Client called: wrong street number');
      await page.click('main button[type="submit"]');
      await page.waitForSelector('.error-summary');
      assert.match(await page.title(), /^Error: /);
      assert.equal(await page.inputValue('#postalCode'), 'K1A 0B1');
      assert.equal(await page.inputValue('#reason'), 'Client called: wrong street number');
      await assertAxeClean(page, 'staff address correction with errors');
      await page.fill('#postalCode', 'T2P 1J9');
      await page.click('main button[type="submit"]');
      await page.waitForURL(/\/record$/);
      const main = (await page.textContent('main')) ?? '';
      assert.match(main, /The correction is recorded with its reason/);
      assert.match(main, /correction: Client called: wrong street number/);
      await assertAxeClean(page, 'client record after a correction');
      await page.goto(`${server.baseUrl}/fr/personnel/clients/${jordan.id}/dossier/corriger/coordonnees`);
      await assertAxeClean(page, 'correction des coordonnées');
      // The documents, notices and paper letters sent (issue #17), linked from the client file.
      await page.goto(`${server.baseUrl}/en/staff/clients/${jordan.id}`);
      await page.click(`main a[href$="/staff/clients/${jordan.id}/documents"]`);
      assert.match((await page.textContent('h1')) ?? '', /Documents and notices sent/);
      await assertAxeClean(page, 'documents and notices sent');
      await page.goto(`${server.baseUrl}/fr/personnel/clients/${jordan.id}/documents`);
      await assertAxeClean(page, 'documents et avis envoyés');
      // Paper letters held for want of a postal address (ADR 0018 addendum), linked from the staff home.
      await page.goto(`${server.baseUrl}/en/staff`);
      await page.click('main a[href="/en/staff/held-letters"]');
      assert.match((await page.textContent('h1')) ?? '', /Letters held: no postal address/);
      await assertAxeClean(page, 'letters held');
      await page.goto(`${server.baseUrl}/fr/personnel/lettres-retenues`);
      await assertAxeClean(page, 'lettres retenues');
      await context.close();
    });
  },
);
