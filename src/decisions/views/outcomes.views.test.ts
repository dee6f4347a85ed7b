import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import { decisionsLocales } from '../decisions.module.ts';
import type { OutcomeGroup, OutcomeReport } from '../outcomes.ts';
import { outcomesPage } from './workqueue.views.ts';

const i18n = createI18n([PLATFORM_LOCALES, decisionsLocales]);
const group = (name: string): OutcomeGroup => ({
  group: name,
  decided: 4,
  approved: 3,
  approvalRate: 0.75,
  medianDays: 2,
  p90Days: 5,
});
const report: OutcomeReport = {
  programme: [group('oas')],
  channel: [group('paper'), group('in-person')],
  province: [group('QC'), group('unknown')],
  ageBand: [group('under-25'), group('65-plus')],
  language: [group('en'), group('fr')],
};

describe('the outcomes page', () => {
  it('names every group in the page’s language, never by its stored code (issue #14)', () => {
    const page = outcomesPage(
      i18n.translator('fr'),
      report,
      () => 'Pension de la Sécurité de la vieillesse',
      [],
    );
    const body = String(page.body);
    for (const words of [
      'Sur papier',
      'En personne',
      'Inconnue',
      'Moins de 25 ans',
      '65 ans et plus',
      'Anglais',
      'Français',
    ])
      assert.ok(body.includes(`<th scope="row">${words}</th>`), words);
    for (const code of ['paper', 'in-person', 'unknown', 'under-25', '65-plus', 'en', 'fr'])
      assert.ok(!body.includes(`<th scope="row">${code}</th>`), `${code} shown as a code`);
    assert.ok(body.includes('<th scope="row">QC</th>'), 'a province by its bilingual postal abbreviation');
    const en = String(outcomesPage(i18n.translator('en'), report, () => 'OAS', []).body);
    assert.ok(
      en.includes('<th scope="row">On paper</th>') && en.includes('<th scope="row">65 and over</th>'),
    );
  });

  it('puts each table of figures in a focusable region named by its caption, to scroll on a small screen', () => {
    const body = String(outcomesPage(i18n.translator('en'), report, () => 'OAS', []).body);
    assert.match(
      body,
      /<div class="table-scroll" role="region" aria-labelledby="outcomes-channel" tabindex="0"><table class="table"><caption id="outcomes-channel">By channel<\/caption>/,
    );
  });
});
