import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_PASSWORD } from '../src/identity/providers/demo-accounts.ts';
import { DEMO_PEOPLE } from '../src/identity/identity.demo.ts';

const skip = chromiumUnavailableReason() ?? false;
const jordan = DEMO_PEOPLE[1];

async function assertAxeClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

describe(
  'tell us once, as a new user would: change an address, see who was told, revoke a consent',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    before(async () => {
      server = await startIdentityTestServer();
      const { exchange } = server.guichet.services.clientRecord;
      await exchange.service.seedAgreements();
      for (const programme of ['ccb', 'gst-hst-credit'])
        await exchange.service.enrol(jordan.id, programme, '2025-01-01');
      const context = {
        actor: { type: 'person' as const, id: jordan.id },
        channel: 'online' as const,
        purpose: 'self-service',
        correlationId: 'e2e-consent',
      };
      await exchange.consents.grant(jordan.id, 'esdc-on-social-assistance', 365, context);
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
      await page.fill('#line1', '10 Main St');
      await page.fill('#city', 'Calgary');
      await page.selectOption('#provinceCode', 'AB');
      await page.fill('#postalCode', 'K1A 0B1');
      await page.click('main button[type="submit"]');
      await page.waitForSelector('.error-summary');
      assert.equal(await page.inputValue('#line1'), '10 Main St');
      assert.match(await page.title(), /^Error: /);
      await assertAxeClean(page, 'change address with errors');
      await page.fill('#postalCode', 'T2P 1J9');
      await page.click('main button[type="submit"]');
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
      await assertAxeClean(page, 'consents');
      await page.click('main form button');
      await page.waitForSelector('.notice-success');
      assert.match((await page.textContent('main')) ?? '', /Withdrawn/);

      for (const path of ['/en/my-guichet/access-log', '/en/my-guichet/my-data', '/fr/mon-guichet/profil']) {
        await page.goto(server.baseUrl + path);
        await assertAxeClean(page, path);
      }
      await context.close();
    });
  },
);
