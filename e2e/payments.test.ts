import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { enterCode } from './support/totp.ts';
import { readCpa005 } from '../src/payments/files/cpa005/cpa005-reader.ts';
import { BankStandIn } from '../src/stand-ins/bank/bank.ts';
import { DEMO_BANK_CONFIG } from '../src/stand-ins/bank/bank-config.ts';
import { readPain001 } from '../src/payments/files/iso20022/pain001-reader.ts';
import {
  DEMO_PEOPLE,
  seedDemoAddresses,
  seedDemoDirectDeposits,
  seedDemoEnrolments,
} from '../src/population/index.ts';
import { linkLogin, signInFromHome } from './support/application-walker.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';

const skip = chromiumUnavailableReason() ?? false;
const [AMELIE] = DEMO_PEOPLE;
// Amélie (OAS) is paid into this account; the bank returns what is paid into it: the account is closed.
const AMELIE_ACCOUNT = { institution: '006', transit: '00101', account: '4600123' };

async function streamText(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('ascii');
}

async function drain(
  reader: AsyncGenerator<unknown, { totalCents: number }>,
): Promise<{ totalCents: number }> {
  let result = await reader.next();
  while (!result.done) result = await reader.next();
  return result.value;
}

/** Signs a staff member in from the home page, by links, with their one-time code. */
// The providers accept each one-time code once per account: a second sign-in waits for the next 30-second step.
const lastStep = new Map<string, number>();

async function staffSignIn(page: Page, baseUrl: string, username: string): Promise<void> {
  const step = () => Math.floor(Date.now() / 30_000);
  while (lastStep.get(username) === step()) await page.waitForTimeout(1_000);
  const account = DEMO_ACCOUNTS.staff.find((a) => a.username === username);
  assert.ok(account?.totpSecret, `${username} is a demo staff account`);
  await page.goto(`${baseUrl}/en`);
  await page.click('header a:has-text("Sign in")');
  await page.click('main a:has-text("Staff sign-in")');
  await page.click('main a[href$="/staff"]');
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#code');
  await enterCode(page, account.totpSecret);
  lastStep.set(username, step());
  await page.waitForURL(/\/en\/staff$/);
}

async function assertAxeClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

const figure = (text: string, label: string): string =>
  new RegExp(`${label}\\s*([\\d$,.]+)`).exec(text.replace(/\s+/g, ' '))?.[1] ?? '';

describe(
  'paying the demo population: prepared by a payments officer, released by a supervisor',
  { skip },
  () => {
    let server: IdentityTestServer;
    let browser: Browser;
    const periods: Record<string, string> = {};
    const cpaFiles: Record<string, string> = {};

    before(async () => {
      server = await startIdentityTestServer({ demoPeople: 300 });
      const now = new Date();
      await seedDemoEnrolments(server.database.db, now);
      await seedDemoDirectDeposits(server.database.db, server.guichet.services.crypto.cipher, now);
      await seedDemoAddresses(server.database.db, now);
      // What earlier steps would have recorded: Amélie set up direct deposit long ago and linked her GCKey.
      await server.database.db
        .insertInto('registry_direct_deposit')
        .values({
          person_id: AMELIE.id,
          details_ciphertext: server.guichet.services.crypto.cipher.encrypt(JSON.stringify(AMELIE_ACCOUNT)),
          account_last3: AMELIE_ACCOUNT.account.slice(-3),
          updated_at: new Date(now.getTime() - 400 * 86_400_000),
        })
        .execute();
      await linkLogin(server, 'gckey', 'gck-7f3a91c2', AMELIE.id);
      // And her file: 40 years in Canada after 18 and her retirement pension, so the rules can convert her OAS.
      await server.database.db
        .updateTable('person')
        .set({ years_in_canada_after_18: 40 })
        .where('id', '=', AMELIE.id)
        .execute();
      for (const [taxYear, cents] of [
        [now.getUTCFullYear() - 2, 980_000],
        [now.getUTCFullYear() - 1, 1_010_000],
      ] as const)
        await server.database.db
          .insertInto('person_income')
          .values({
            person_id: AMELIE.id,
            tax_year: taxYear,
            income_type: 'cpp-qpp-retirement',
            amount_ciphertext: server.guichet.services.crypto.cipher.encrypt(String(cents)),
          })
          .execute();
      const converted = await server.guichet.services.demoConversion.run();
      assert.ok(converted.converted > 0, 'the demo beneficiaries have entitlements to pay');
      // The month each programme's converted schedules start: the run pays that month, whatever today is.
      for (const programme of ['oas', 'ccb']) {
        const row = await server.database.db
          .selectFrom('enrolment_entitlement')
          .select('valid_from')
          .where('programme_id', '=', programme)
          .executeTakeFirstOrThrow();
        periods[programme] = new Date(row.valid_from).toISOString().slice(0, 7);
      }
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    test('OAS and CCB runs: prepare, release with four eyes, and download files the independent readers accept', async () => {
      const officer = await (await newContext(browser)).newPage();
      await staffSignIn(officer, server.baseUrl, 'payments-officer');
      const runs: Record<string, string> = {};
      for (const programme of ['oas', 'ccb']) {
        await officer.click('main a:has-text("Payment runs")');
        await assertAxeClean(officer, 'payment runs');
        await officer.selectOption('main select', programme);
        await officer.fill('main input[type="text"]', periods[programme] ?? '');
        await officer.click('main button:has-text("Prepare the run")');
        await officer.waitForURL(/\/runs\/[0-9a-f-]+$/);
        for (
          let i = 0;
          i < 60 && !/waiting for release/.test((await officer.textContent('main')) ?? '');
          i++
        ) {
          await officer.waitForTimeout(500);
          await officer.reload();
        }
        const text = (await officer.textContent('main')) ?? '';
        assert.match(text, /waiting for release/, `${programme} run prepared`);
        assert.ok(Number(figure(text, 'Payments')) > 0, `${programme} run pays someone: ${text}`);
        assert.equal(
          await officer.$('main button:has-text("Release the run")'),
          null,
          'the preparer cannot release',
        );
        runs[programme] = new URL(officer.url()).pathname;
        await officer.click('header a:has-text("Staff workspace")');
      }

      const supervisor = await (await newContext(browser)).newPage();
      await staffSignIn(supervisor, server.baseUrl, 'supervisor');
      for (const programme of ['oas', 'ccb']) {
        await supervisor.click('main a:has-text("Payment runs")');
        await supervisor.click(`main table a[href="${runs[programme]}"]`);
        await supervisor.click('main button:has-text("Release the run")');
        await supervisor.waitForSelector('main :text("Released")');
        await assertAxeClean(supervisor, `${programme} run, released`);
        const [cpa] = await Promise.all([
          supervisor.waitForEvent('download'),
          supervisor.click('main a:has-text("CPA Standard 005")'),
        ]);
        const cpaText = await streamText(await cpa.createReadStream());
        const cpaSummary = await drain(readCpa005(cpaText));
        cpaFiles[programme] = cpaText;
        const [xml] = await Promise.all([
          supervisor.waitForEvent('download'),
          supervisor.click('main a:has-text("pain.001")'),
        ]);
        const painSummary = await drain(
          readPain001((await xml.createReadStream()) as AsyncIterable<Uint8Array>),
        );
        assert.ok(cpaSummary.totalCents > 0, `${programme}: the CPA 005 file pays something`);
        assert.equal(
          painSummary.totalCents,
          cpaSummary.totalCents,
          `${programme}: both formats carry the same total`,
        );
        await supervisor.click('header a:has-text("Staff workspace")');
      }
    });

    test('the bank returns a payment: the officer loads its returns file and it waits for new details', async () => {
      const oasFile = cpaFiles.oas;
      assert.ok(oasFile, 'the OAS file was downloaded by the journey before');
      // The bank stand-in reads the file we sent and returns its first payment: that account is closed.
      const accounts: string[] = [];
      const reader = readCpa005(oasFile);
      for (let item = await reader.next(); !item.done; item = await reader.next())
        accounts.push(item.value.account);
      const bank = new BankStandIn({
        ...DEMO_BANK_CONFIG,
        returnRules: [
          { accounts: [...new Set([accounts[0] ?? '', AMELIE_ACCOUNT.account])], reason: 'account-closed' },
        ],
      });
      const receipt = await bank.receiveCpa005(oasFile);
      const returnsFile = receipt.status === 'accepted' ? receipt.returnFiles.cpa005 : undefined;
      assert.ok(returnsFile, 'the bank answered with a returns file');
      assert.ok(accounts.includes(AMELIE_ACCOUNT.account), 'Amélie’s OAS was paid into her account');
      const returnedCount = new Set([accounts[0], AMELIE_ACCOUNT.account]).size;

      const officer = await (await newContext(browser)).newPage();
      await staffSignIn(officer, server.baseUrl, 'payments-officer');
      await officer.click('main a:has-text("Load a bank returns file")');
      await assertAxeClean(officer, 'returns upload');
      await officer.setInputFiles('#file', {
        name: 'returns.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(returnsFile, 'ascii'),
      });
      await officer.click('main button:has-text("Load the file")');
      await officer.waitForSelector('main :text("Matched to a payment")');
      const loaded = (await officer.textContent('main')) ?? '';
      assert.match(loaded, new RegExp(`Matched to a payment\\s*${returnedCount}\\b`));
      assert.match(loaded, /Held for an agent\s*0\b/);
      assert.match(loaded, /the account is closed/);
      assert.match(loaded, /CPA Standard 005 returns/);
      await assertAxeClean(officer, 'returns loaded');
      await officer.click('main a:has-text("Returned payments to follow up")');
      assert.match(
        (await officer.textContent('main')) ?? '',
        /Waiting for new banking details[\s\S]*the account is closed/,
      );
      await assertAxeClean(officer, 'returns to follow up');
    });

    test('a return whose reference the bank garbled is matched by hand: an officer proposes, a supervisor confirms', async () => {
      const oasFile = cpaFiles.oas ?? '';
      const items: { account: string; crossReference: string }[] = [];
      const reader = readCpa005(oasFile);
      for (let item = await reader.next(); !item.done; item = await reader.next()) items.push(item.value);
      const [first] = items;
      const other = items.find((i) => i.account !== first?.account && i.account !== AMELIE_ACCOUNT.account);
      assert.ok(other, 'a third payment of the OAS file');
      const bank = new BankStandIn({
        ...DEMO_BANK_CONFIG,
        returnRules: [{ accounts: [other.account], reason: 'account-not-found' }],
      });
      const receipt = await bank.receiveCpa005(oasFile);
      const answered = receipt.status === 'accepted' ? receipt.returnFiles.cpa005 : '';
      const reference = other.crossReference.trimEnd();
      const garbled = `${reference.slice(0, -2)}ZZ`;
      assert.ok(answered?.includes(reference), 'the bank echoed the reference');
      const officer = await (await newContext(browser)).newPage();
      await staffSignIn(officer, server.baseUrl, 'payments-officer');
      await officer.click('main a:has-text("Load a bank returns file")');
      await officer.setInputFiles('#file', {
        name: 'returns-garbled.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from((answered ?? '').replace(reference, garbled), 'ascii'),
      });
      await officer.click('main button:has-text("Load the file")');
      await officer.waitForSelector('main :text("Held for an agent")');
      assert.match((await officer.textContent('main')) ?? '', /Held for an agent\s*1\b/);
      await officer.click('main a:has-text("Returned payments to follow up")');
      await officer.click(`main a:has-text("Match to a payment ${garbled}")`);
      await assertAxeClean(officer, 'match a held return');
      // Many pensions have the same amount: the readable part of the reference narrows them to one.
      // The demo pays a past month: the payment is older than the 45 days searched by default.
      await officer.fill('#matchFrom', `${periods.oas ?? ''}-01`);
      await officer.fill('#matchReference', reference.slice(0, -2));
      await officer.click('main button:has-text("Search")');
      await officer.waitForURL(/matchReference=/);
      assert.equal(await officer.locator('main input[name="payment"]').count(), 1);
      await officer.check('main input[name="payment"]');
      await officer.click('main button:has-text("Propose this match")');
      await officer.waitForSelector('.error-summary');
      await assertAxeClean(officer, 'match a held return, with errors');
      await officer.fill(
        '#matchReason',
        'The bank’s trace shows the reference with its last two characters changed.',
      );
      await officer.click('main button:has-text("Propose this match")');
      await officer.waitForSelector('main :text("The match is proposed")');
      await assertAxeClean(officer, 'match proposed');

      const supervisor = await (await newContext(browser)).newPage();
      await staffSignIn(supervisor, server.baseUrl, 'supervisor');
      await supervisor.click('main a:has-text("Matches of returned payments to confirm")');
      await assertAxeClean(supervisor, 'matches to confirm');
      await supervisor.click(`main a:has-text("Review the match ${garbled}")`);
      await supervisor.click('main button:has-text("Confirm the match")');
      await supervisor.waitForSelector('main :text("The match is confirmed")');
      await assertAxeClean(supervisor, 'match confirmed');
    });

    test('Amélie, whose payment came back, signs in from the home page and sees what to do, in French', async () => {
      const page = await (await newContext(browser)).newPage();
      await signInFromHome(page, server, 'fr', 'gckey', 'amelie.tremblay', true);
      await page.click('main a[href="/fr/mon-guichet/paiements"]');
      assert.match((await page.textContent('h1')) ?? '', /Mes paiements/);
      const alert = page.locator('main [aria-labelledby="returned-title"]');
      const text = ((await alert.textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(text, /Votre banque a retourné un paiement/);
      assert.match(text, /Sécurité de la vieillesse/);
      assert.match(text, /le compte est fermé/);
      assert.match(text, /\d+,\d\d\s?\$/, 'the amount, written the French way');
      await assertAxeClean(page, 'Mes paiements, paiement retourné');
      await alert.locator('a[href="/fr/mon-guichet/profil/depot-direct"]').click();
      await page.waitForURL(/\/fr\/mon-guichet\/profil\/depot-direct$/);
      assert.match((await page.textContent('h1')) ?? '', /dépôt direct/i);
      await assertAxeClean(page, 'dépôt direct');
    });
  },
);
