import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHousehold } from '../../index.ts';
import type { Household, ProvinceCode } from '../../model/household.ts';
import { person } from '../../../../test/support/rules/households.ts';

const earnings = (cents: number) =>
  Object.fromEntries(Array.from({ length: 40 }, (_, i) => [String(1980 + i), cents]));

function resident(province: ProvinceCode, birthDate: string, earningsCents?: number): Household {
  const cpp = earningsCents === undefined ? {} : { cpp: { earningsByYear: earnings(earningsCents) } };
  return { province, people: [person('a', birthDate, cpp)] };
}

interface Scenario {
  readonly name: string;
  readonly period: string;
  readonly input: Household;
  readonly expected: Readonly<Record<'qpp-retirement' | 'cpp-retirement', [string, string]>>;
}

/** Act respecting the Québec Pension Plan: QPP, not CPP, for Quebec residents; the CPP elsewhere. */
const SCENARIOS: readonly Scenario[] = [
  {
    name: 'a Quebec senior with earnings: QPP offered (amount not yet), CPP not',
    period: '2026-12-02',
    input: resident('QC', '1958-05-01', 5_000_000),
    expected: {
      'qpp-retirement': ['cannot-tell', 'qpp.amount-not-encoded'],
      'cpp-retirement': ['not-eligible', 'cpp.quebec-resident'],
    },
  },
  {
    name: 'a Quebec senior without an earnings record: QPP asks for it',
    period: '2026-12-02',
    input: resident('QC', '1958-05-01'),
    expected: {
      'qpp-retirement': ['cannot-tell', 'qpp.earnings-missing'],
      'cpp-retirement': ['not-eligible', 'cpp.quebec-resident'],
    },
  },
  {
    name: 'a Quebec senior who never earned above the $3,500 exemption',
    period: '2026-12-02',
    input: resident('QC', '1958-05-01', 300_000),
    expected: {
      'qpp-retirement': ['not-eligible', 'qpp.no-valid-contribution'],
      'cpp-retirement': ['not-eligible', 'cpp.quebec-resident'],
    },
  },
  {
    name: 'a Quebec resident aged 36',
    period: '2026-12-02',
    input: resident('QC', '1990-05-01'),
    expected: {
      'qpp-retirement': ['not-eligible', 'qpp.under-60'],
      'cpp-retirement': ['not-eligible', 'cpp.quebec-resident'],
    },
  },
  {
    name: 'an Ontario senior: the CPP, not the QPP',
    period: '2026-12-02',
    input: resident('ON', '1958-05-01'),
    expected: {
      'qpp-retirement': ['not-eligible', 'qpp.outside-quebec'],
      'cpp-retirement': ['cannot-tell', 'cpp.earnings-missing'],
    },
  },
];

for (const s of SCENARIOS) {
  test(`QPP/CPP: ${s.name}`, () => {
    const { results } = evaluateHousehold(s.input, {
      asOf: s.period,
      programmes: ['qpp-retirement', 'cpp-retirement'],
    });
    for (const [programme, [status, reason]] of Object.entries(s.expected)) {
      const found = results.filter((r) => r.programme === programme);
      assert.equal(found.length, 1, programme);
      assert.equal(found[0]?.status, status, programme);
      assert.ok(found[0]?.reasons.includes(reason), `${programme}: ${JSON.stringify(found[0]?.reasons)}`);
    }
  });
}

test('QPP/CPP: the batch path pays no CPP to a Quebec resident', async () => {
  const { evaluateBatch } = await import('../../index.ts');
  const batch = evaluateBatch([resident('QC', '1958-05-01', 5_000_000)], {
    asOf: '2026-06-01',
    programmes: ['cpp-retirement'],
  });
  assert.equal(batch.annualCents[0], 0);
});
