import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multiplyRate } from './money.ts';
import {
  addMonths,
  applyOasRatio,
  cpiQuarterAverageTenths,
  firstAdjustmentQuarter,
  itaIndexedDollars,
  oasQuarterRatios,
  oasRatioThousandths,
  paymentQuarterStart,
  quarterAverage,
} from './indexation.ts';
import { defaultParameters, entryInForce } from './parameters.ts';

/** The CPI on file (cpi/canada-all-items.yaml), in tenths, or undefined for a month not on file. */
function cpiOnFile(month: string): number | undefined {
  try {
    const entry = entryInForce(defaultParameters.load('cpi/canada-all-items'), month);
    return entry.effective === month ? Math.round((entry.value as number) * 10) : undefined;
  } catch {
    return undefined;
  }
}

const published = (path: string, date: string): number => defaultParameters.param(path, date);

test('adjustment quarters and rounding follow OAS Act s. 2 and OAS Regulations ss. 8-9', () => {
  assert.deepEqual(firstAdjustmentQuarter('2026-01-01'), ['2025-08-01', '2025-09-01', '2025-10-01']);
  assert.deepEqual(firstAdjustmentQuarter('2026-07-01'), ['2026-02-01', '2026-03-01', '2026-04-01']);
  assert.equal(paymentQuarterStart('2026-12-02'), '2026-10-01');
  // (161.5 + 161.4 + 162.1) / 3 = 161.666… → 161.66 → 161.7
  assert.equal(cpiQuarterAverageTenths([1615, 1614, 1621]), 1617);
  // 161.7 / 159.7 = 1.01252… → 1.0125 → 1.013
  assert.equal(oasRatioThousandths(1617, 1597), 1013);
  // 718.33 × 1.013 = 727.66829 → 727.668 → 727.67
  assert.equal(applyOasRatio(71833, 1013), 72767);
});

/** Each published quarter computed from the one before it, with the CPI on file. */
const QUARTERS: readonly { name: string; from: string; to: string; reference: readonly string[] }[] = [
  {
    name: 'July 2024 (+0.7 %)',
    from: '2024-04-01',
    to: '2024-07-01',
    reference: ['2024-01-01', '2024-04-01'],
  },
  { name: 'October 2024 (+1.3 %)', from: '2024-07-01', to: '2024-10-01', reference: ['2024-07-01'] },
  {
    name: 'January 2025 (CPI fell: no change)',
    from: '2024-10-01',
    to: '2025-01-01',
    reference: ['2024-10-01'],
  },
  {
    name: 'July 2025 (+1.0 % over the deemed quarter)',
    from: '2025-04-01',
    to: '2025-07-01',
    reference: ['2024-10-01', '2025-01-01', '2025-04-01'],
  },
];

for (const q of QUARTERS) {
  test(`OAS indexation reproduces the published quarter of ${q.name}`, () => {
    const reference = Math.max(
      ...q.reference.map((r) => quarterAverage(firstAdjustmentQuarter(r), cpiOnFile) ?? Number.NaN),
    );
    const ratios = oasQuarterRatios(reference, q.from, q.to, cpiOnFile);
    assert.ok(ratios, 'CPI on file');
    for (const path of ['oas/max-65-to-74', 'gis/top-up-single', 'gis/top-up-couple']) {
      assert.equal(ratios.reduce(applyOasRatio, published(path, q.from)), published(path, q.to), path);
    }
  });
}

test('the 75+ maximum is 110 % of the 65-74 maximum, half up, in every quarter on file (OAS Act s. 7(5))', () => {
  for (let q = '2022-07-01'; q <= '2026-04-01'; q = addMonths(q, 3)) {
    if (q.startsWith('2023-10')) continue; // a gap on file
    assert.equal(
      multiplyRate(published('oas/max-65-to-74', q), 1.1, 'half-up'),
      published('oas/max-75-plus', q),
      q,
    );
  }
});

test('the GIS maximum is its supplement and its top-up, each indexed and rounded on its own (April 2026)', () => {
  const ratio = 1001; // 165.1 / 165.0 (Nov 2025-Jan 2026 over Aug-Oct 2025), published +0.1 %
  const top = published('gis/top-up-single', '2026-01-01');
  const whole = published('gis/max-single', '2026-01-01');
  const indexed = applyOasRatio(whole - top, ratio) + applyOasRatio(top, ratio);
  assert.equal(indexed, published('gis/max-single', '2026-04-01'));
  assert.equal(quarterAverage(firstAdjustmentQuarter('2026-04-01'), cpiOnFile), 1651);
});

test('Income Tax Act s. 117.1 chain reproduces the CCB, CDB and CWB amounts on file', () => {
  const factor = (year: number) => Math.round(published('indexation/ita-117-1', `${year}-01-01`) * 1000);
  const factors = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => factor(from + i));
  const dollars = (path: string, date: string, key?: string) =>
    (key ? (defaultParameters.table(path, date)[key] ?? 0) : published(path, date)) / 100;
  for (let year = 2020; year <= 2026; year += 1) {
    const july = `${year}-07-01`;
    const chain = factors(2018, year);
    assert.equal(itaIndexedDollars(6400, chain), dollars('ccb/max-under-6', july), `CCB under 6 ${year}`);
    assert.equal(itaIndexedDollars(5400, chain), dollars('ccb/max-6-to-17', july), `CCB 6-17 ${year}`);
    assert.equal(itaIndexedDollars(30000, chain), dollars('ccb/first-threshold', july), `threshold ${year}`);
    assert.equal(
      itaIndexedDollars(65000, chain),
      dollars('ccb/second-threshold', july),
      `threshold 2 ${year}`,
    );
  }
  assert.equal(itaIndexedDollars(2730, factors(2018, 2026)), dollars('cdb/max-per-child', '2026-07-01'));
  for (let year = 2022; year <= 2026; year += 1) {
    const jan = `${year}-01-01`;
    const chain = factors(2022, year);
    assert.equal(
      itaIndexedDollars(1395, chain),
      dollars('cwb/amounts', jan, 'base-max-single'),
      `CWB ${year}`,
    );
    assert.equal(
      itaIndexedDollars(2403, chain),
      dollars('cwb/amounts', jan, 'base-max-family'),
      `CWB ${year}`,
    );
  }
});
