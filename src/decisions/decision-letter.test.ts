import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import { renderLetter } from '../platform/documents/render-letter.ts';
import { decisionsLocales } from './decisions.module.ts';
import { decisionLetter } from './decision-letter.ts';
import type { Explanation } from './explanation.ts';

const i18n = createI18n([PLATFORM_LOCALES, decisionsLocales]);
const approved: Explanation = {
  decisionId: '7b0c6a55-0000-4000-8000-000000000001',
  reference: 'K7M-4PX-9QD',
  programmeId: 'ccb',
  outcome: 'approved',
  automated: true,
  amountCents: 66_946,
  periodKind: 'month',
  effectiveFrom: '2026-12-01',
  decidedOn: '2026-11-20',
  reviewBy: '2027-02-18',
  reasons: ['ccb.eligible'],
  citations: [
    {
      title: 'Income Tax Act, s. 122.61',
      href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-122.61.html',
    },
  ],
  figures: [],
  note: null,
};
const recipient = { addressLines: ['JORDAN LEE', '10 MAIN ST', 'EDMONTON AB  T5J 0N3'] };

describe('the decision letter', () => {
  it('says what, how much, from when, why and the review deadline, as HTML and a PDF (English)', async () => {
    const letter = decisionLetter(i18n.translator('en'), approved, 'Canada child benefit', {
      lang: 'en',
      ...recipient,
    });
    const page = await renderLetter(letter, 'html');
    assert.match(page, /Your application for Canada child benefit is approved/);
    assert.match(page, /\$669\.46 a month/);
    assert.match(page, /December 1, 2026/);
    assert.match(page, /by February 18, 2027/);
    assert.match(page, /K7M-4PX-9QD/);
    const pdf = await renderLetter(letter, 'pdf');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/StructTreeRoot/);
  });

  it('is in French for a French-speaking recipient', async () => {
    const letter = decisionLetter(i18n.translator('fr'), approved, 'Allocation canadienne pour enfants', {
      lang: 'fr',
      ...recipient,
    });
    const page = await renderLetter(letter, 'html');
    assert.match(page, /est approuvée/);
    assert.match(page, /669,46\s\$ par mois/);
    assert.match(page, /décembre 2026/);
    assert.match(page, /dans les 90 jours/);
  });
});
