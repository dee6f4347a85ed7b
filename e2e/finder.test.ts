import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, chromiumUnavailableReason, launchChromium, newContext } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import type { TestServer } from './support/server.ts';

const skip = chromiumUnavailableReason() ?? false;
const TODAY = new Date('2025-09-15T12:00:00Z');

/** The finder's pages as a person uses them: labels, not selectors. */
class FinderPage {
  /** axe is itself a script: with JavaScript off it cannot run, and the same pages are checked with it on. */
  constructor(
    readonly page: Page,
    private readonly canRunAxe = true,
  ) {}
  async expectAccessible(where: string): Promise<void> {
    if (this.canRunAxe) assert.deepEqual(await axeViolations(this.page), [], where);
  }
  async choose(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
    await this.continue();
  }
  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }
  async continue(): Promise<void> {
    await this.page.locator('main button[type="submit"]').click();
  }
  heading(): Promise<string | null> {
    return this.page.textContent('h1');
  }
}

describe('benefits finder in a real browser', { skip }, () => {
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

  for (const javaScriptEnabled of [true, false]) {
    test(`English journey for a senior, axe-clean at every step (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const finder = new FinderPage(await context.newPage(), javaScriptEnabled);
      await finder.page.goto(`${server.baseUrl}/en`);
      await finder.page.click('text=Find benefits you may get');
      await finder.expectAccessible('start');
      await finder.page.click('text=Start now');
      await finder.expectAccessible('province');
      await finder.choose('Nova Scotia');
      await finder.choose('Canadian citizen');
      await finder.continue(); // an empty date: the error state
      assert.match(await finder.page.title(), /^Error: /);
      assert.match(await finder.page.locator('.error-summary').innerText(), /Enter an answer/);
      await finder.expectAccessible('date of birth with an error');
      await finder.fill('Day', '3');
      await finder.fill('Month', '2');
      await finder.fill('Year', '1955');
      await finder.continue();
      await finder.choose('Single, never married');
      await finder.fill('How many children under 18 live with you?', '0');
      await finder.continue();
      await finder.fill('How many years have you lived in Canada since you turned 18?', '50');
      await finder.continue();
      await finder.fill('How much did you earn from work last year, before tax?', '0');
      await finder.continue();
      await finder.fill('How much other income did you have last year, before tax?', '12 000');
      await finder.continue();
      assert.equal(await finder.heading(), 'Benefits you may get');
      await finder.expectAccessible('results');
      const results = await finder.page.locator('main').innerText();
      assert.match(results, /Old Age Security pension/);
      assert.match(results, /Guaranteed Income Supplement/);
      await finder.page.click('a.lang-toggle');
      assert.equal(await finder.heading(), 'Prestations auxquelles vous pourriez avoir droit');
      await finder.expectAccessible('résultats');
      await context.close();
    });
  }

  test('French journey for a family, with every question page axe-clean', async () => {
    const context = await newContext(browser, { locale: 'fr-CA' });
    const finder = new FinderPage(await context.newPage());
    await finder.page.goto(`${server.baseUrl}/fr/trouver-des-prestations`);
    await finder.page.click('text=Commencer');
    const steps: [string, () => Promise<void>][] = [
      ['province', () => finder.choose('Ontario')],
      ['statut', () => finder.choose('Résidente ou résident permanent')],
      [
        'naissance',
        async () => {
          await finder.fill('Jour', '10');
          await finder.fill('Mois', '6');
          await finder.fill('Année', '1990');
          await finder.continue();
        },
      ],
      ['état civil', () => finder.choose('Célibataire (jamais mariée ou marié)')],
      [
        'enfants',
        async () => {
          await finder.fill('Combien d’enfants de moins de 18 ans vivent avec vous ?', '1');
          await finder.continue();
        },
      ],
      [
        'âges',
        async () => {
          await finder.fill('Âge de l’enfant 1', '4');
          await finder.continue();
        },
      ],
      ['handicap enfant', () => finder.choose('Non')],
      [
        'revenu de travail',
        async () => {
          await finder.fill(
            'Combien avez-vous gagné en travaillant l’an dernier, avant impôt ?',
            '24 000,00',
          );
          await finder.continue();
        },
      ],
      [
        'autres revenus',
        async () => {
          await finder.fill('Combien d’autres revenus avez-vous eus l’an dernier, avant impôt ?', '0');
          await finder.continue();
        },
      ],
      ['handicap', () => finder.choose('Non')],
      [
        'logement',
        async () => {
          await finder.fill('Combien payez-vous pour votre logement chaque mois ?', '1 100');
          await finder.continue();
        },
      ],
      [
        'épargne',
        async () => {
          await finder.fill(
            'Combien avez-vous en épargne et autres avoirs que vous pourriez utiliser ?',
            '300',
          );
          await finder.continue();
        },
      ],
    ];
    for (const [name, act] of steps) {
      await finder.expectAccessible(name);
      assert.equal(await finder.page.getAttribute('html', 'lang'), 'fr');
      await act();
    }
    assert.equal(await finder.heading(), 'Prestations auxquelles vous pourriez avoir droit');
    assert.match(
      await finder.page.locator('main').innerText(),
      /Allocation canadienne pour enfants[\s\S]*Environ [\d\s ]+,\d\d\s\$ par année/,
    );
    await finder.expectAccessible('résultats');
    await context.close();
  });
});
