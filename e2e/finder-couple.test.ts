import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';

const skip = chromiumUnavailableReason() ?? false;
// The day issue #13 was written against.
const TODAY = new Date('2026-12-02T12:00:00Z');

/** One finder question page: answer by label, as a person would. */
class Question {
  constructor(readonly page: Page) {}
  async choose(label: string): Promise<void> {
    await this.expectAccessible();
    await this.page.getByLabel(label, { exact: true }).check();
    await this.page.locator('main button[type="submit"]').click();
  }
  async type(label: string, value: string): Promise<void> {
    await this.expectAccessible();
    await this.page.getByLabel(label, { exact: true }).fill(value);
    await this.page.locator('main button[type="submit"]').click();
  }
  async date(day: string, month: string, year: string): Promise<void> {
    await this.expectAccessible();
    await this.page.getByLabel('Day', { exact: true }).fill(day);
    await this.page.getByLabel('Month', { exact: true }).fill(month);
    await this.page.getByLabel('Year', { exact: true }).fill(year);
    await this.page.locator('main button[type="submit"]').click();
  }
  async expectAccessible(): Promise<void> {
    assert.deepEqual(await axeViolations(this.page), [], this.page.url());
  }
}

/** The text of the result card whose heading reads `heading`, e.g. "Old Age Security pension (for you)". */
async function resultCard(page: Page, heading: string): Promise<string> {
  return page
    .locator('li.result-card')
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .innerText();
}

describe('benefits finder in a real browser: the senior couple of issue #13', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer(() => TODAY);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a couple of 70 and 68 in Ontario with $18,000 and $6,000 of pensions gets OAS and GIS each, no CWB', async () => {
    const context = await newContext(browser);
    const q = new Question(await context.newPage());
    await q.page.goto(`${server.baseUrl}/en/benefits-finder`);
    await q.page.click('text=Start now');
    await q.choose('Ontario');
    await q.choose('Canadian citizen');
    await q.date('10', '5', '1956');
    await q.choose('Married');
    await q.date('20', '6', '1958');
    assert.equal(await q.page.textContent('h1'), 'What is your spouse’s or partner’s status in Canada?');
    await q.choose('Canadian citizen');
    await q.type('How many children under 18 live with you?', '0');
    await q.type('How many years have you lived in Canada since you turned 18?', '50');
    await q.type('How many years has your spouse or partner lived in Canada since they turned 18?', '45');
    await q.type('How much did you earn from work last year, before tax?', '0');
    await q.type('How much other income did you have last year, before tax?', '18 000');
    await q.type('How much did your spouse or partner earn from work last year, before tax?', '0');
    await q.type('How much other income did your spouse or partner have last year, before tax?', '6000');
    await q.type('How much do you pay for housing each month?', '900');
    await q.type('How much do you have in savings and other assets you could use?', '5000');
    assert.equal(await q.page.textContent('h1'), 'Benefits you may get');
    await q.expectAccessible();
    const eligible = await q.page.locator('section', { hasText: 'You may qualify' }).innerText();
    for (const whom of ['for you', 'for your spouse or partner']) {
      assert.match(
        eligible,
        new RegExp(`Guaranteed Income Supplement \\(${whom}\\)\\s+About \\$[\\d,]+\\.\\d\\d a year`),
      );
      assert.match(eligible, new RegExp(`Old Age Security pension \\(${whom}\\)`));
    }
    assert.doesNotMatch(eligible, /Canada Workers Benefit/);
    const partnerGis = await resultCard(q.page, 'Guaranteed Income Supplement (for your spouse or partner)');
    assert.match(partnerGis, /Your spouse or partner could get the Guaranteed Income Supplement\./);
    assert.doesNotMatch(partnerGis, /You could get/);
    const notEligible = await q.page
      .locator('section', { hasText: 'You probably do not qualify' })
      .innerText();
    assert.match(notEligible, /Canada Workers Benefit/);
    await q.page.click('a.lang-toggle');
    assert.equal(await q.page.textContent('h1'), 'Prestations auxquelles vous pourriez avoir droit');
    assert.match(
      await resultCard(q.page, 'Supplément de revenu garanti (pour votre époux ou conjoint de fait)'),
      /Votre époux ou conjoint de fait pourrait recevoir le Supplément de revenu garanti\./,
    );
    await q.expectAccessible();
    await context.close();
  });
});
