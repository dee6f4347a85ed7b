import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { axeViolations } from './browser.ts';
import { enterCode } from './totp.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/stand-ins/identity-providers/demo-accounts.ts';
import type { BuiltInProviderId } from '../../src/stand-ins/identity-providers/demo-accounts.ts';
import type { IdentityTestServer } from './identity-server.ts';

export type Lang = 'en' | 'fr';

/** Checks the page with axe when JavaScript runs (axe needs it); a journey without JavaScript checks behaviour. */
export async function checkPage(page: Page, axe: boolean, where: string): Promise<void> {
  if (axe) assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

/** A one-page PDF made as a scanner would, with an author and a title the upload must strip. */
export async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setAuthor('Scanner 3000');
  pdf.setTitle('Permanent resident card');
  pdf.addPage([200, 100]);
  return Buffer.from(await pdf.save());
}

/** Links the provider's login to the register's person, as the letter-code linking would have (test set-up). */
export async function linkLogin(
  server: IdentityTestServer,
  provider: BuiltInProviderId,
  subject: string,
  personId: string,
): Promise<void> {
  const issuer = server.providers.find((p) => p.id === provider)?.issuer ?? '';
  const now = new Date();
  await server.database.db
    .insertInto('identity_login')
    .values({
      id: randomUUID(),
      provider_id: provider,
      issuer,
      subject,
      person_id: personId,
      link_method: 'letter-code',
      linked_at: now,
      created_at: now,
      last_sign_in_at: now,
    })
    .execute();
}

/** From the home page, by links only: sign in with a built-in provider (and its one-time code). */
export async function signInFromHome(
  page: Page,
  server: IdentityTestServer,
  lang: Lang,
  provider: BuiltInProviderId,
  username: string,
  axe: boolean,
): Promise<void> {
  await page.goto(`${server.baseUrl}/${lang}`);
  await checkPage(page, axe, `home (${lang})`);
  await page.click(`main a[href="/${lang}/${lang === 'en' ? 'sign-in' : 'connexion'}"]`);
  if (provider === 'staff')
    await page.click(`main a[href$="/${lang === 'en' ? 'staff/sign-in' : 'personnel/connexion'}"]`);
  await page.click(`main a[href$="/${provider}"]`);
  await page.fill('#username', username);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  const account = DEMO_ACCOUNTS[provider].find((a) => a.username === username);
  if (account?.totpSecret) {
    await page.waitForSelector('#code');
    await enterCode(page, account.totpSecret);
  }
  await page.waitForURL(
    provider === 'staff'
      ? new RegExp(`/${lang}/(staff|personnel)$`)
      : new RegExp(`/${lang}/(my-guichet|mon-guichet)$`),
  );
}

export interface Answers {
  /** Answers by the question's input: the first match of each pattern against the question's words. */
  readonly byLabel: readonly (readonly [RegExp, string])[];
}

/**
 * Walks an application from its task list to the check-your-answers page: confirms what the record holds, answers
 * what is asked (a refused answer first, to see the error state), uploads every document asked for, then declares
 * and submits. Returns the reference read on the confirmation page.
 */
export async function walkApplication(
  page: Page,
  lang: Lang,
  answers: Answers,
  axe: boolean,
  where: string,
): Promise<string> {
  await checkPage(page, axe, `${where}: task list`);
  await page.click('main .task-list a >> nth=0');
  let refusedOnce = false;
  for (let step = 0; step < 25; step++) {
    const url = page.url();
    if (/\/(check-answers|verifier-reponses)$/.test(url)) break;
    if (await page.$('#confirmed')) {
      await checkPage(page, axe, `${where}: confirm the record`);
      await page.check('#confirmed');
      await page.click('main button[type="submit"]');
      continue;
    }
    if (/\/documents$/.test(url)) {
      await checkPage(page, axe, `${where}: documents`);
      const inputs = await page.$$('main input[type="file"]');
      for (let index = 0; index < inputs.length; index++) {
        const id = (await inputs[index]?.getAttribute('id')) ?? '';
        if ((await page.textContent('main'))?.includes('scan.pdf')) break;
        await page.setInputFiles(`#${id}`, {
          name: 'scan.pdf',
          mimeType: 'application/pdf',
          buffer: await scannedPdf(),
        });
        await page.click(`form:has(#${id}) button[type="submit"]`);
        await page.waitForURL(/\/documents$/);
      }
      assert.match((await page.textContent('main')) ?? '', /scan\.pdf/, 'the document is listed');
      await page.click('main a.button-primary');
      continue;
    }
    const label = (await page.textContent('main h1')) ?? '';
    const answer = answers.byLabel.find(([pattern]) => pattern.test(label))?.[1];
    assert.ok(answer !== undefined, `${where}: no answer for "${label}" (${lang})`);
    if (!refusedOnce && (await page.$('input#answer[type="text"], input#answer:not([type])'))) {
      await page.fill('#answer', 'x');
      await page.click('main button[type="submit"]');
      await page.waitForSelector('.error-summary');
      assert.match(await page.title(), lang === 'en' ? /^Error: / : /^Erreur/);
      await checkPage(page, axe, `${where}: a refused answer`);
      refusedOnce = true;
    }
    if (await page.$('#answer-day')) {
      const [year = '', month = '', day = ''] = answer.split('-');
      await page.fill('#answer-day', String(Number(day)));
      await page.fill('#answer-month', String(Number(month)));
      await page.fill('#answer-year', year);
    } else if (await page.$(`input[name="answer"][value="${answer}"]`)) {
      await page.check(`input[name="answer"][value="${answer}"]`);
    } else {
      await page.fill('#answer', answer);
    }
    await checkPage(page, axe, `${where}: ${label}`);
    await page.click('main button[type="submit"]');
  }
  assert.match(page.url(), /\/(check-answers|verifier-reponses)$/, `${where}: reached check your answers`);
  await checkPage(page, axe, `${where}: check your answers`);
  await page.check('#declaration');
  await page.click('main form button[type="submit"]');
  await page.waitForURL(/\/confirmation$/);
  await checkPage(page, axe, `${where}: confirmation`);
  return (await page.textContent('.reference'))?.trim() ?? '';
}
