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
      title: 'Income Tax Act, ss. 122.6–122.63',
      href: 'https://laws-lois.justice.gc.ca/eng/acts/I-3.3/section-122.61.html',
    },
    {
      title: 'CRA, Canada child benefit: how much you can get',
      href: 'https://www.canada.ca/en/revenue-agency/services/child-family-benefits/canada-child-benefit/how-much.html',
    },
  ],
  figures: [],
  note: null,
  review: null,
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
    assert.match(page, /Votre demande d’Allocation canadienne pour enfants est approuvée/);
    assert.match(page, /669,46\s\$ par mois/);
    // The law in French, at its French address; a page known only in English says so.
    assert.match(
      page,
      /Loi de l’impôt sur le revenu, art\. 122\.6 à 122\.63 \(https:\/\/laws-lois\.justice\.gc\.ca\/fra\/lois\/I-3\.3\/section-122\.61\.html\)/,
    );
    assert.match(
      page,
      /combien vous pourriez recevoir \(https:\/\/www\.canada\.ca\/en\/[^)]+\) \(en anglais\)/,
    );
    assert.doesNotMatch(page, /Income Tax Act/);
    assert.match(page, /décembre 2026/);
    assert.match(page, /dans les 90 jours/);
  });
});

describe('the letter of a decision on a review (a change of circumstance, no application)', () => {
  const review = { kind: 'address', from: '2026-12-01' };
  const continues: Explanation = { ...approved, automated: false, review };
  const stops: Explanation = {
    ...approved,
    outcome: 'refused',
    automated: false,
    amountCents: null,
    periodKind: null,
    effectiveFrom: null,
    reasons: ['decisions.reasons.residence-not-met'],
    note: 'You moved abroad on November 14, 2026.',
    review,
  };

  it('says what changed and that the benefit continues at the new amount from the date (English)', async () => {
    const page = await renderLetter(
      decisionLetter(i18n.translator('en'), continues, 'Canada child benefit', { lang: 'en', ...recipient }),
      'html',
    );
    assert.doesNotMatch(page, /Your application/);
    assert.match(page, /What changed/);
    assert.match(page, /A change of address led us to review your Canada child benefit\./);
    assert.match(page, /Your Canada child benefit continues at the new amount from December 1, 2026\./);
    assert.match(page, /New amount from/);
    assert.match(page, /\$669\.46 a month/);
    assert.match(page, /Income Tax Act, ss\. 122\.6–122\.63/);
    assert.match(page, /by February 18, 2027/);
  });

  it('says the benefit stops from the date, why, and the review rights, in French too', async () => {
    const en = await renderLetter(
      decisionLetter(i18n.translator('en'), stops, 'Canada child benefit', { lang: 'en', ...recipient }),
      'html',
    );
    assert.match(en, /Your Canada child benefit stops from December 1, 2026/);
    assert.match(en, /No payment is made for any period from that date\./);
    assert.match(en, /You do not meet the residence condition\./);
    assert.match(en, /You moved abroad/);
    assert.doesNotMatch(en, /a month/, 'no amount for a benefit that stops');
    const letter = decisionLetter(i18n.translator('fr'), stops, 'Allocation canadienne pour enfants', {
      lang: 'fr',
      ...recipient,
    });
    const fr = await renderLetter(letter, 'html');
    assert.match(fr, /Un changement d’adresse nous a amenés à réexaminer votre prestation/);
    assert.match(fr, /prend fin à compter du 1er décembre 2026\u00a0: vous ne remplissez plus/);
    assert.match(fr, /Ce qui a changé/);
    assert.match(fr, /dans les 90 jours/);
    assert.match(letter.title, /^Décision de réexamen/);
    const pdf = await renderLetter(letter, 'pdf');
    assert.match(pdf.toString('latin1'), /\/StructTreeRoot/);
  });
});
