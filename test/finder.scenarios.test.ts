import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDatabase } from './support/databases.ts';
import type { TestDatabase } from './support/databases.ts';
import { buildTestApp } from './support/app.ts';
import { cardsOf, runFinder } from './support/finder-driver.ts';
import type { FoundCard, Lang, ScenarioAnswers } from './support/finder-driver.ts';
import type { GuichetApp } from '../src/app.ts';

// The day issue #13 was written against: some rates are estimated or the latest on file, as in real use.
const TODAY = new Date('2026-12-02T12:00:00Z');

const date = (iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
};
const one = (answer: string) => ({ answer });

const SENIORS_PROGRAMMES = ['oas', 'gis', 'allowance', 'afs', 'cpp-retirement', 'qpp-retirement'];
const OTHER_PROVINCES_THAN_ON = ['bc-income-assistance', 'alberta-income-support', 'bc-family-benefit'];

interface Scenario {
  readonly name: string;
  readonly answers: ScenarioAnswers;
  readonly expect: (cards: FoundCard[], lang: Lang, body: string) => void;
}

const cardsFor = (cards: FoundCard[], programme: string) => cards.filter((c) => c.programme === programme);
function only(cards: FoundCard[], programme: string): FoundCard {
  const found = cardsFor(cards, programme);
  assert.equal(found.length, 1, `one card for ${programme}, found ${found.length}`);
  return found[0] as FoundCard;
}
const byLang = (lang: Lang, en: RegExp, fr: RegExp) => (lang === 'en' ? en : fr);
const FOR_WHOM = {
  en: { you: 'for you', partner: 'for your spouse or partner' },
  fr: { you: 'pour vous', partner: 'pour votre époux ou conjoint de fait' },
} as const;
function card(cards: FoundCard[], programme: string, forWhom: string): FoundCard {
  const found = cardsFor(cards, programme).find((c) => c.forWhom === forWhom);
  assert.ok(found, `a ${programme} card ${forWhom}`);
  return found;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'a low-income senior couple in Ontario (70 and 68, $18,000 and $6,000 of pensions) gets OAS and GIS each, and no CWB',
    answers: {
      province: one('ON'),
      'residence-status': one('citizen'),
      'birth-date': date('1956-05-10'),
      'marital-status': one('married'),
      'partner-birth-date': date('1958-06-20'),
      'partner-residence-status': one('citizen'),
      children: one('0'),
      'years-in-canada': one('50'),
      'partner-years-in-canada': one('45'),
      'work-income': one('0'),
      'other-income': one('18000'),
      'partner-work-income': one('0'),
      'partner-other-income': one('6000'),
      'shelter-cost': one('900'),
      savings: one('5000'),
    },
    expect(cards, lang) {
      for (const programme of ['oas', 'gis']) {
        const found = cardsFor(cards, programme);
        assert.equal(found.length, 2, `${programme}: one card for each spouse`);
        assert.ok(
          found.every((c) => c.group === 'eligible' && /\d/.test(c.text)),
          `${programme} eligible with an amount`,
        );
      }
      assert.equal(only(cards, 'cwb').group, 'not-eligible', 'pensions are not working income');
      assert.equal(only(cards, 'ontario-works').group, 'not-eligible');
      const cpp = cardsFor(cards, 'cpp-retirement');
      assert.equal(cpp.length, 2);
      for (const card of cpp) {
        assert.equal(card.group, 'cannot-tell');
        assert.match(
          card.text,
          byLang(lang, /record of contributions/, /relevé des cotisations|relevé de vos cotisations/),
        );
      }
      assert.deepEqual(cardsFor(cards, 'allowance'), [], 'the Allowance is for 60 to 64');
      const gis = (whom: 'you' | 'partner') => card(cards, 'gis', FOR_WHOM[lang][whom]);
      assert.match(
        gis('partner').text,
        byLang(
          lang,
          /Your spouse or partner could get the Guaranteed Income Supplement\. Calculated with you receiving the Old Age Security pension\./,
          /Votre époux ou conjoint de fait pourrait recevoir le Supplément de revenu garanti\. Calculé en tenant compte du fait que vous recevez la pension de la Sécurité de la vieillesse\./,
        ),
      );
      assert.doesNotMatch(gis('partner').text, byLang(lang, /You could get/, /Vous pourriez recevoir/));
      assert.match(
        gis('you').text,
        byLang(
          lang,
          /You could get the Guaranteed Income Supplement\. Calculated with your spouse or partner receiving/,
          /Vous pourriez recevoir le Supplément de revenu garanti\. Calculé en tenant compte de votre époux ou conjoint de fait qui reçoit/,
        ),
      );
      assert.match(
        card(cards, 'cpp-retirement', FOR_WHOM[lang].partner).text,
        byLang(
          lang,
          /your spouse’s or partner’s CPP earnings history/,
          /gains au RPC de votre époux ou conjoint de fait/,
        ),
      );
    },
  },
  {
    name: 'a single adult in Ontario with no income gets Ontario Works and sees no seniors’ or other provinces’ programmes',
    answers: {
      province: one('ON'),
      'residence-status': one('citizen'),
      'birth-date': date('1990-03-10'),
      'marital-status': one('single'),
      children: one('0'),
      'work-income': one('0'),
      'other-income': one('0'),
      disability: one('no'),
      'shelter-cost': one('800'),
      savings: one('100'),
    },
    expect(cards, lang, body) {
      assert.equal(only(cards, 'ontario-works').group, 'eligible');
      assert.equal(only(cards, 'odsp').group, 'not-eligible');
      for (const programme of [...SENIORS_PROGRAMMES, ...OTHER_PROVINCES_THAN_ON])
        assert.deepEqual(
          cardsFor(cards, programme),
          [],
          `${programme} is not shown to a 36-year-old in Ontario`,
        );
      assert.match(body, byLang(lang, /Programmes not shown/, /Programmes non affichés/));
      assert.equal(only(cards, 'cwb').group, 'not-eligible');
    },
  },
  {
    name: 'in Alberta with no work income, the CWB is a no and Income Support names the one missing fact',
    answers: {
      province: one('AB'),
      'residence-status': one('citizen'),
      'birth-date': date('1990-03-10'),
      'marital-status': one('single'),
      children: one('0'),
      'work-income': one('0'),
      'other-income': one('0'),
      disability: one('no'),
      'shelter-cost': one('800'),
      savings: one('100'),
    },
    expect(cards, lang) {
      assert.equal(only(cards, 'cwb').group, 'not-eligible');
      const support = only(cards, 'alberta-income-support');
      assert.equal(support.group, 'cannot-tell');
      assert.match(
        support.text,
        byLang(
          lang,
          /barrier keeps you from working full time/,
          /obstacle vous empêche de travailler à temps plein/,
        ),
      );
      assert.doesNotMatch(support.text, /income, savings or housing|revenu, .*épargne/);
      assert.deepEqual(cardsFor(cards, 'ontario-works'), []);
    },
  },
  {
    name: 'a temporary resident with two children is told the CCB’s residence conditions',
    answers: {
      province: one('ON'),
      'residence-status': one('temporary-resident'),
      'birth-date': date('1990-03-10'),
      'marital-status': one('single'),
      children: one('2'),
      'child-ages': { age0: '3', age1: '5' },
      'child-disability': one('no'),
      'work-income': one('20000'),
      'other-income': one('0'),
      disability: one('no'),
      'shelter-cost': one('1200'),
      savings: one('1000'),
    },
    expect(cards, lang) {
      const ccb = only(cards, 'ccb');
      assert.equal(ccb.group, 'eligible');
      assert.match(ccb.text, byLang(lang, /previous 18 months/, /18 mois précédents/));
    },
  },
  {
    name: 'a couple of 62 and 66 sees the Allowance once, for the younger spouse, and no Allowance for the Survivor',
    answers: {
      province: one('NS'),
      'residence-status': one('citizen'),
      'birth-date': date('1964-06-01'),
      'marital-status': one('married'),
      'partner-birth-date': date('1960-06-01'),
      'partner-residence-status': one('permanent-resident'),
      children: one('0'),
      'years-in-canada': one('44'),
      'partner-years-in-canada': one('40'),
      'work-income': one('0'),
      'other-income': one('3000'),
      'partner-work-income': one('0'),
      'partner-other-income': one('8000'),
      disability: one('no'),
    },
    expect(cards, lang) {
      const allowance = only(cards, 'allowance');
      assert.equal(allowance.group, 'eligible');
      assert.match(allowance.forWhom, byLang(lang, /for you/, /pour vous/));
      assert.deepEqual(cardsFor(cards, 'afs'), [], 'not for someone whose spouse is living');
      assert.equal(only(cards, 'gis').forWhom, FOR_WHOM[lang].partner);
      assert.match(
        only(cards, 'gis').text,
        byLang(
          lang,
          /Your spouse or partner could get the Guaranteed Income Supplement\. Calculated with you receiving the Allowance\./,
          /Votre époux ou conjoint de fait pourrait recevoir le Supplément de revenu garanti\. Calculé en tenant compte du fait que vous recevez l’Allocation\./,
        ),
      );
    },
  },
  {
    name: 'a Quebec senior is offered the Quebec Pension Plan, not the CPP, and no other province’s programme',
    answers: {
      province: one('QC'),
      'residence-status': one('citizen'),
      'birth-date': date('1956-03-10'),
      'marital-status': one('widowed'),
      children: one('0'),
      'years-in-canada': one('50'),
      'work-income': one('0'),
      'other-income': one('15000'),
    },
    expect(cards) {
      only(cards, 'qpp-retirement');
      assert.deepEqual(cardsFor(cards, 'cpp-retirement'), []);
      for (const programme of ['ontario-works', 'odsp', ...OTHER_PROVINCES_THAN_ON])
        assert.deepEqual(cardsFor(cards, programme), [], programme);
      assert.equal(only(cards, 'cwb').group, 'not-eligible', 'no working income: no, even in Quebec');
      assert.equal(only(cards, 'gis').group, 'eligible');
    },
  },
  {
    name: 'a lone parent in BC sees the BC family benefit and BC income assistance, and no Ontario programme',
    answers: {
      province: one('BC'),
      'residence-status': one('citizen'),
      'birth-date': date('1990-03-10'),
      'marital-status': one('single'),
      children: one('1'),
      'child-ages': { age0: '4' },
      'child-disability': one('no'),
      'work-income': one('0'),
      'other-income': one('0'),
      disability: one('no'),
      'shelter-cost': one('900'),
      savings: one('100'),
    },
    expect(cards) {
      assert.equal(only(cards, 'bc-family-benefit').group, 'eligible');
      only(cards, 'bc-income-assistance');
      assert.deepEqual(cardsFor(cards, 'ontario-works'), []);
      assert.deepEqual(cardsFor(cards, 'alberta-income-support'), []);
    },
  },
];

describe('benefits finder scenarios (issue #13), in both languages', () => {
  let db: TestDatabase;
  let guichet: GuichetApp;
  before(async () => {
    db = await openTestDatabase('pglite');
    // Fourteen journeys from one address in a few seconds: above the per-minute limit a person meets.
    guichet = await buildTestApp(db.database, { rateLimitPerMinute: 10_000 }, () => TODAY);
  });
  after(async () => {
    await guichet.app.close();
    await db.dispose();
  });

  for (const scenario of SCENARIOS) {
    for (const lang of ['en', 'fr'] as const) {
      test(`${scenario.name} (${lang})`, async () => {
        const { body } = await runFinder(guichet, lang, scenario.answers);
        const cards = cardsOf(body, lang);
        assert.ok(cards.length > 0, 'the results page lists cards');
        const keys = cards.map((c) => `${c.programme}/${c.forWhom}`);
        assert.equal(
          new Set(keys).size,
          keys.length,
          `one card per programme and person: ${keys.join(', ')}`,
        );
        scenario.expect(cards, lang, body);
      });
    }
  }
});
