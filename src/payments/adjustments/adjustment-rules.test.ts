import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAdjustment } from './adjustment-rules.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARREARS_SET_OFF_FILE, loadLetterRule, loadRecoveryPolicy, recoveryFrom } from './recovery-policy.ts';
import type { EntitlementRow } from '../run/run-ports.ts';

const row = (
  validFrom: string,
  validTo: string | null,
  amountCents: number,
  decisionId = 'd1',
): EntitlementRow => ({
  enrolmentId: 'e1',
  personId: 'p1',
  programmeId: 'oas',
  validFrom,
  validTo,
  amountCents,
  periodKind: 'month',
  decisionId,
});
const months = (from: number, to: number, cents: number) =>
  new Map(
    Array.from({ length: to - from + 1 }, (_, i) => [`2026-${String(from + i).padStart(2, '0')}`, cents]),
  );

describe('finding an overpayment or underpayment', () => {
  const cases = [
    {
      name: 'nothing changed',
      rows: [row('2026-01-01', null, 500)],
      paid: months(1, 6, 500),
      death: null,
      expected: null,
    },
    {
      name: 'a lower amount from April: three months overpaid',
      rows: [row('2026-01-01', '2026-03-31', 500), row('2026-04-01', null, 400, 'd2')],
      paid: months(1, 6, 500),
      death: null,
      expected: -300,
    },
    {
      name: 'a higher amount from May: two months underpaid',
      rows: [row('2026-01-01', '2026-04-30', 500), row('2026-05-01', null, 650, 'd2')],
      paid: months(1, 6, 500),
      death: null,
      expected: 300,
    },
    {
      name: 'death in March: April to June overpaid in full',
      rows: [row('2026-01-01', null, 500)],
      paid: months(1, 6, 500),
      death: '2026-03-09',
      expected: -1500,
    },
  ] as const;
  for (const c of cases)
    it(c.name, () => {
      const found = findAdjustment(
        { rows: c.rows, paid: c.paid, adjusted: new Map(), dateOfDeath: c.death },
        '2026-06',
      );
      assert.equal(found?.netCents ?? null, c.expected);
    });

  it('counts what earlier adjustments settled, so a difference is found once', () => {
    const rows = [row('2026-01-01', '2026-03-31', 500), row('2026-04-01', null, 400, 'd2')];
    const adjusted = months(4, 6, -100);
    assert.equal(
      findAdjustment({ rows, paid: months(1, 6, 500), adjusted, dateOfDeath: null }, '2026-06'),
      null,
    );
  });
});

describe('recovering an overpayment', () => {
  it('keeps the dated share, never more than the balance, never the whole payment', () => {
    assert.equal(recoveryFrom(80_000, 1_000_000, 1000), 8_000);
    assert.equal(recoveryFrom(80_000, 5_000, 1000), 5_000);
    assert.equal(recoveryFrom(1, 5_000, 9999), 0);
  });

  it('reads the rate in force on the day from the cited parameter file', () => {
    const policy = loadRecoveryPolicy();
    assert.equal(policy('on-odsp', '2026-12-01').basisPoints, 1000);
    assert.match(policy('on-odsp', '2026-12-01').reference, /Directive 11\.1/);
    assert.equal(policy('oas', '2026-12-01').basisPoints, 1000);
    assert.throws(() => policy('on-odsp', '2020-01-01'), /No overpayment recovery rate/);
  });
});

describe('what a debt letter says of the rule', () => {
  it('is a sentence in the letter’s language for every programme, never the English working notes', () => {
    for (const rule of [loadLetterRule(), loadLetterRule(ARREARS_SET_OFF_FILE)]) {
      for (const programmeId of ['oas', 'gis', 'cpp-retirement', 'ccb', 'on-odsp', 'on-ontario-works', 'x']) {
        const { en, fr } = rule(programmeId);
        assert.doesNotMatch(`${en} ${fr}`, /POLICY CHOICE|SECONDARY|not read|not re-read/);
        assert.notEqual(en, fr);
        // French typography: a narrow no-break space before the colon, never an ordinary one.
        assert.doesNotMatch(fr, / [:;!?]/);
      }
      assert.match(rule('gis').en, /^Old Age Security Act, section 37/);
      assert.match(rule('gis').fr, /^Loi sur la sécurité de la vieillesse, article 37/);
      assert.match(rule('cpp-retirement').fr, /^Régime de pensions du Canada, article 66/);
      assert.deepEqual(rule('ccb'), rule('a-programme-without-its-own-wording'));
    }
  });

  it('refuses a file whose wording lacks a language, so a letter cannot fall back to another', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'letters-')), 'recovery.yaml');
    writeFileSync(file, 'letters:\n  default:\n    en: Repay.\n');
    assert.throws(() => loadLetterRule(pathToFileURL(file)), /needs en and fr/);
  });
});
