import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { evaluateHousehold } from '../rules/index.ts';
import type { Household } from '../rules/index.ts';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import { householdArb } from '../../test/support/rules/arbitraries.ts';
import { adult, dollars, household, income, spouses } from '../../test/support/rules/households.ts';
import { PARTNER_REASONS, REASONS, reasonText } from './finder.reasons.ts';
import { finderLocales } from './index.ts';

/**
 * A programme paid to a person (its results carry a personId) gives the spouse or partner a card of their
 * own (finder.presenter.ts): its reasons must not say "you" to the person who is not the one paid.
 */

const EI_CLAIMANTS: Household = household(
  [
    adult('a', '1980-01-01', income(dollars(40000), 2024, 2025)),
    {
      ...adult('b', '1982-01-01', income(dollars(30000), 2024, 2025)),
      ei: { weeks: [], economicRegion: '27' },
    },
  ],
  [spouses('a', 'b')],
);

/** The reason-code prefixes of every programme that answered for a person in a broad sample of households. */
function personLevelPrefixes(): Set<string> {
  const households = [EI_CLAIMANTS, ...fc.sample(householdArb, { numRuns: 400, seed: 20261203 })];
  const prefixes = new Set<string>();
  for (const h of households)
    for (const r of evaluateHousehold(h, { asOf: '2025-09-15', trace: false }).results)
      if (r.personId !== undefined) for (const code of r.reasons) prefixes.add(code.split('.')[0] ?? '');
  // The engine adds its own notes (estimated rates) to any result, a person's too.
  return prefixes.add('engine');
}

// "Your household" includes the spouse or partner: such a reason reads right on either card.
const ADDRESSES = {
  en: (text: string) => /\byou(r|rs|rself)?\b/i.test(text.replace(/\byour household(’s|'s)?/gi, '')),
  fr: (text: string) => /(^|[^\p{L}])(vous|votre|vos)(?!\p{L})/iu.test(text.replace(/votre ménage/gi, '')),
};

describe('reasons on a spouse’s or partner’s card', () => {
  const prefixes = personLevelPrefixes();
  const onPartnerCards = Object.keys(REASONS.en).filter((code) => prefixes.has(code.split('.')[0] ?? ''));

  it('come from the programmes paid to a person (sanity: the sample reaches them all)', () => {
    for (const prefix of ['oas', 'gis', 'allowance', 'afs', 'cpp', 'qpp', 'ei'])
      assert.ok(prefixes.has(prefix), `${prefix} is paid to a person`);
    assert.ok(!prefixes.has('ccb') && !prefixes.has('gst-credit'), 'household programmes are not');
  });

  it('have partner wording wherever the reason speaks to "you" in either language', () => {
    const lacking = onPartnerCards.filter(
      (code) =>
        (ADDRESSES.en(REASONS.en[code] ?? '') || ADDRESSES.fr(REASONS.fr[code] ?? '')) &&
        !(PARTNER_REASONS.en[code] && PARTNER_REASONS.fr[code]),
    );
    assert.deepEqual(lacking, []);
  });

  it('the partner catalogues hold the same codes, each a known reason worded differently', () => {
    assert.deepEqual(Object.keys(PARTNER_REASONS.fr).sort(), Object.keys(PARTNER_REASONS.en).sort());
    for (const lang of ['en', 'fr'] as const)
      for (const [code, text] of Object.entries(PARTNER_REASONS[lang])) {
        assert.ok(REASONS[lang][code], `${code} is a reason in reasons.${lang}.json`);
        assert.notEqual(text, REASONS[lang][code], `${code} (${lang}) says something else for the partner`);
      }
  });

  it('reasonText picks the partner wording on the partner’s card only, else the general text', () => {
    const i18n = createI18n([PLATFORM_LOCALES, finderLocales]);
    const en = i18n.translator('en');
    const fr = i18n.translator('fr');
    assert.equal(
      reasonText(en, 'gis.eligible', 'partner'),
      'Your spouse or partner could get the Guaranteed Income Supplement.',
    );
    assert.equal(reasonText(en, 'gis.eligible', 'you'), 'You could get the Guaranteed Income Supplement.');
    assert.equal(
      reasonText(fr, 'gis.eligible', 'partner'),
      'Votre époux ou conjoint de fait pourrait recevoir le Supplément de revenu garanti.',
    );
    assert.equal(reasonText(en, 'gis.abroad', 'partner'), REASONS.en['gis.abroad']);
    assert.equal(reasonText(fr, 'ccb.eligible', 'household'), REASONS.fr['ccb.eligible']);
  });
});
