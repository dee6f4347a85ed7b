import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startIdentityTestServer } from './support/identity-server.ts';
import type { IdentityTestServer } from './support/identity-server.ts';
import { DEMO_PASSWORD } from '../src/stand-ins/identity-providers/demo-accounts.ts';

const skip = chromiumUnavailableReason() ?? false;

const WORDS = {
  en: {
    signIn: '/en/sign-in/alberta',
    home: /\/en\/my-guichet$/,
    inbox: 'My inbox',
    messages: 'My messages',
    write: 'Write a message',
    ccb: 'Canada Child Benefit',
    send: 'Send',
  },
  fr: {
    signIn: '/fr/connexion/alberta',
    home: /\/fr\/mon-guichet$/,
    inbox: 'Ma boîte de réception',
    messages: 'Mes messages',
    write: 'Écrire un message',
    ccb: 'Allocation canadienne pour enfants',
    send: 'Envoyer',
  },
} as const;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  let crc = ~0;
  for (const byte of Buffer.concat([head.subarray(4), data])) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(~crc >>> 0, 0);
  return Buffer.concat([head, data, sum]);
}
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
  chunk('IEND', Buffer.alloc(0)),
]);

let axeOn = true;
async function clean(page: Page, where: string): Promise<void> {
  if (axeOn) assert.deepEqual(await axeViolations(page), [], `axe violations on ${where}`);
}

/** From My Guichet, by links only: the inbox, then a message to the CCB with a photo, refused once, then sent. */
async function writeToCcb(page: Page, baseUrl: string, lang: 'en' | 'fr'): Promise<void> {
  const w = WORDS[lang];
  await page.goto(`${baseUrl}${w.signIn}`);
  await page.fill('#username', 'jordan.lee');
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(w.home);
  await page.click(`main a:has-text("${w.inbox}")`);
  await clean(page, `inbox (${lang})`);
  await page.goBack();
  await page.click(`main a:has-text("${w.messages}")`);
  await clean(page, `messages (${lang})`);
  await page.click(`main a:has-text("${w.write}")`);
  await clean(page, `new message (${lang})`);
  await page.click(`main button:has-text("${w.send}")`);
  await page.waitForSelector('.error-summary');
  await clean(page, `new message with errors (${lang})`);
  await page.check(`main label:has-text("${w.ccb}")`);
  await page.fill('#subject', `Photo ${lang}`);
  await page.fill('#body', 'Here is the photo of my letter.');
  await page.setInputFiles('#attachment', { name: 'letter.png', mimeType: 'image/png', buffer: PNG });
  await page.click(`main button:has-text("${w.send}")`);
  assert.equal(await page.textContent('h1'), `Photo ${lang}`);
  assert.match((await page.textContent('main')) ?? '', /letter\.png/);
  await clean(page, `a conversation with its file (${lang})`);
}

describe('the inbox and secure messages with a file, in both languages', { skip }, () => {
  let server: IdentityTestServer;
  let browser: Browser;
  before(async () => {
    server = await startIdentityTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['en', 'fr'] as const)
    test(`(${lang}) axe-clean on every page, the file attached`, async () => {
      const context = await newContext(browser, { locale: `${lang}-CA` });
      await writeToCcb(await context.newPage(), server.baseUrl, lang);
      await context.close();
    });

  test('with JavaScript off, the same journey works', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    axeOn = false; // axe runs in the page: with JavaScript off, the journey alone is checked
    await writeToCcb(await context.newPage(), server.baseUrl, 'en');
    axeOn = true;
    await context.close();
  });
});
