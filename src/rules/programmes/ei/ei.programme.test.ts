import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import type { EiWeek, Household } from '../../model/household.ts';
import { nineBandKey, twelveBandKey } from './ei-bands.ts';
import { addDays, benefitPeriodStart } from './ei-weeks.ts';
import { eiRegularProgramme } from './ei.programme.ts';

/** `count` weeks ending on the Saturdays before the benefit period that `separation` opens. */
function weeksBefore(separation: string, count: number, hours: number, earningsCents: number): EiWeek[] {
  const start = benefitPeriodStart(separation);
  return Array.from({ length: count }, (_, i) => ({
    weekEnding: addDays(start, -1 - 7 * i),
    hours,
    earningsCents,
  }));
}

function claimant(ei: { weeks: EiWeek[]; rate?: number; separation?: string }): Household {
  return {
    province: 'ON',
    people: [
      {
        id: 'p1',
        birthDate: '1985-03-02',
        ei: {
          weeks: ei.weeks,
          economicRegion: '27',
          ...(ei.rate === undefined ? {} : { regionalUnemploymentRate: ei.rate }),
          ...(ei.separation === undefined ? {} : { separationDate: ei.separation }),
        },
      },
    ],
  };
}

function evaluate(household: Household) {
  const results = eiRegularProgramme.evaluate(
    household,
    '2026-11-01',
    createContext(defaultParameters, { tracing: true }),
  );
  const [result] = results;
  assert.ok(result && results.length === 1);
  return result;
}

interface Row {
  name: string;
  separation: string;
  rate: number;
  weeks: EiWeek[];
  expected: { status: string; weeklyCents?: number; weeksPayable?: number; reasons?: string[] };
}

const JAN_2025 = '2025-01-15';

const table: Row[] = [
  {
    name: '419 hours at 13.1 %: one hour short of the 420-hour requirement (s. 7(2))',
    separation: JAN_2025,
    rate: 13.1,
    weeks: [
      ...weeksBefore(JAN_2025, 11, 38, 100_000),
      { weekEnding: '2024-10-05', hours: 1, earningsCents: 0 },
    ],
    expected: { status: 'not-eligible', reasons: ['ei.hours-below-entrance-requirement'] },
  },
  {
    name: '420 hours at 13.1 %: qualifies for 26 weeks (Schedule I, 13–14 % column)',
    separation: JAN_2025,
    rate: 13.1,
    weeks: [...weeksBefore(JAN_2025, 12, 35, 100_000)],
    // 12 weeks × $1,000 over a divisor of 14 best weeks: 12,000 / 14 × 55 % = 471.43 → $471.
    expected: { status: 'eligible', weeklyCents: 47_100, weeksPayable: 26 },
  },
  {
    name: '454 hours at 13.0 %: the 12–13 % band needs 455 hours',
    separation: JAN_2025,
    rate: 13.0,
    weeks: [
      ...weeksBefore(JAN_2025, 13, 34, 100_000),
      { weekEnding: '2024-09-28', hours: 12, earningsCents: 0 },
    ],
    expected: { status: 'not-eligible' },
  },
  {
    name: '455 hours at 13.0 %: 24 weeks, best 15 weeks',
    separation: JAN_2025,
    rate: 13.0,
    weeks: [...weeksBefore(JAN_2025, 13, 35, 150_000)],
    // 13 × $1,500 / 15 = $1,300 a week, above the $65,700 / 52 cap: 694.90 → $695.
    expected: {
      status: 'eligible',
      weeklyCents: 69_500,
      weeksPayable: 24,
      reasons: ['ei.weekly-rate-capped-at-maximum'],
    },
  },
  {
    name: '699 hours at 6.0 %: the lowest band needs 700 hours',
    separation: JAN_2025,
    rate: 6.0,
    weeks: [
      ...weeksBefore(JAN_2025, 19, 36, 100_000),
      { weekEnding: '2024-05-04', hours: 15, earningsCents: 0 },
    ],
    expected: { status: 'not-eligible' },
  },
  {
    name: '700 hours at 6.0 %: 14 weeks, best 22 weeks',
    separation: JAN_2025,
    rate: 6.0,
    weeks: [...weeksBefore(JAN_2025, 20, 35, 100_000)],
    // 20 × $1,000 / 22 × 55 % = 500.00 → $500.
    expected: { status: 'eligible', weeklyCents: 50_000, weeksPayable: 14 },
  },
  {
    name: 'Half a dollar rounds up: best 14 weeks averaging $910 give 500.50 → $501 (s. 6(2))',
    separation: JAN_2025,
    rate: 15.0,
    weeks: [...weeksBefore(JAN_2025, 14, 40, 91_000)],
    expected: { status: 'eligible', weeklyCents: 50_100, weeksPayable: 30 },
  },
  {
    name: 'Just under half a dollar rounds down: $909 average gives 499.95 → $500',
    separation: JAN_2025,
    rate: 15.0,
    weeks: [...weeksBefore(JAN_2025, 14, 40, 90_900)],
    expected: { status: 'eligible', weeklyCents: 50_000, weeksPayable: 30 },
  },
  {
    name: 'Weeks outside the 52-week qualifying period do not count',
    separation: JAN_2025,
    rate: 13.1,
    weeks: [
      ...weeksBefore(JAN_2025, 11, 38, 100_000),
      { weekEnding: '2024-01-06', hours: 200, earningsCents: 100_000 },
    ],
    expected: { status: 'not-eligible' },
  },
  {
    name: '1,820 hours at 5 %: 36 weeks, the last row of Schedule I',
    separation: JAN_2025,
    rate: 5.0,
    weeks: weeksBefore(JAN_2025, 52, 35, 80_000),
    // best 22 weeks of $800: 800 × 55 % = $440.
    expected: { status: 'eligible', weeklyCents: 44_000, weeksPayable: 36 },
  },
];

describe('EI regular benefits — scenario table', () => {
  for (const row of table) {
    it(row.name, () => {
      const result = evaluate(claimant({ weeks: row.weeks, rate: row.rate, separation: row.separation }));
      assert.equal(result.status, row.expected.status);
      if (row.expected.weeklyCents !== undefined) {
        assert.equal(result.period, 'week');
        assert.equal(result.periodCents, row.expected.weeklyCents);
        assert.equal(result.annualCents, row.expected.weeklyCents * (row.expected.weeksPayable ?? 0));
      }
      for (const reason of row.expected.reasons ?? []) assert.ok(result.reasons.includes(reason), reason);
    });
  }
});

describe('EI regular benefits — maximum weekly rate by year (MIE ÷ 52 × 55 %, nearest dollar)', () => {
  const cases = [
    { name: '2024 claim: $63,200 → $668', separation: '2024-06-12', weeklyCents: 66_800 },
    { name: '2025 claim: $65,700 → $695', separation: '2025-01-15', weeklyCents: 69_500 },
    { name: '2026 claim: $68,900 → $729', separation: '2026-02-11', weeklyCents: 72_900 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = evaluate(
        claimant({ weeks: weeksBefore(c.separation, 30, 40, 300_000), rate: 8, separation: c.separation }),
      );
      assert.equal(result.periodCents, c.weeklyCents);
    });
  }
});

describe('EI regular benefits — Pilot Project No. 24', () => {
  it('a 6.0 % region is deemed 7.1 % for a claim starting in May 2025: 630 hours suffice', () => {
    const separation = '2025-05-14';
    const result = evaluate(
      claimant({ weeks: weeksBefore(separation, 18, 35, 100_000), rate: 6.0, separation }),
    );
    assert.equal(result.status, 'eligible');
    assert.ok(result.reasons.includes('ei.regional-rate-deemed-pilot-24'));
    assert.ok(result.reasons.includes('ei.waiting-period-waived-pilot-24'));
    // 7–8 % column: 630–664 hours → 17 weeks; best 20 weeks: 18,000 / 20 × 55 % = $495.
    assert.equal(result.periodCents, 49_500);
    assert.equal(result.annualCents, 49_500 * 17);
  });

  it('the same claim after 11 October 2025 is not boosted: 630 hours at 6.0 % do not qualify', () => {
    const separation = '2025-10-15';
    const result = evaluate(
      claimant({ weeks: weeksBefore(separation, 18, 35, 100_000), rate: 6.0, separation }),
    );
    assert.equal(result.status, 'not-eligible');
  });

  it('a 12.5 % region is deemed 13.1 % in the window: 420 hours suffice', () => {
    const separation = '2025-05-14';
    const result = evaluate(
      claimant({ weeks: weeksBefore(separation, 12, 35, 100_000), rate: 12.5, separation }),
    );
    assert.equal(result.status, 'eligible');
  });

  it('a 2024 claim keeps the waiting week', () => {
    const separation = '2024-06-12';
    const result = evaluate(
      claimant({ weeks: weeksBefore(separation, 20, 35, 100_000), rate: 6.0, separation }),
    );
    assert.ok(result.reasons.includes('ei.waiting-period-applies'));
  });
});

describe('EI regular benefits — cannot tell and coverage', () => {
  it('names the missing regional unemployment rate', () => {
    const result = evaluate(
      claimant({ weeks: weeksBefore(JAN_2025, 20, 35, 100_000), separation: JAN_2025 }),
    );
    assert.equal(result.status, 'cannot-tell');
    assert.equal(result.annualCents, null);
    assert.deepEqual(result.missingFacts, ['/people/0/ei/regionalUnemploymentRate']);
    assert.deepEqual(result.reasons, ['ei.regional-rate-missing']);
  });

  it('names the missing separation date', () => {
    const result = evaluate(claimant({ weeks: weeksBefore(JAN_2025, 20, 35, 100_000), rate: 8 }));
    assert.deepEqual(result.missingFacts, ['/people/0/ei/separationDate']);
  });

  it('answers "not eligible" once for a household where no one reported a job that ended', () => {
    const household: Household = { province: 'ON', people: [{ id: 'p1', birthDate: '1980-01-01' }] };
    const ctx = createContext(defaultParameters, { tracing: false });
    const results = eiRegularProgramme.evaluate(household, '2025-01-01', ctx);
    assert.deepEqual(
      results.map((r) => [r.status, r.personId, r.reasons]),
      [['not-eligible', undefined, ['ei.no-job-separation']]],
    );
  });

  it('refuses a claim starting before the maximum insurable earnings on file (NoParametersForDateError)', () => {
    const separation = '2023-06-14';
    const household = claimant({ weeks: weeksBefore(separation, 20, 35, 100_000), rate: 8, separation });
    const ctx = createContext(defaultParameters, { tracing: false });
    assert.throws(() => eiRegularProgramme.evaluate(household, '2023-07-01', ctx), NoParametersForDateError);
  });

  it('traces the parameters it read', () => {
    const result = evaluate(
      claimant({ weeks: weeksBefore(JAN_2025, 20, 35, 100_000), rate: 6, separation: JAN_2025 }),
    );
    const files = result.trace.flatMap((s) => s.parameters ?? []).map((p) => p.file);
    assert.ok(files.includes('ei/maximum-insurable-earnings.yaml'));
    assert.ok(files.includes('ei/weeks-of-benefits.yaml'));
  });
});

describe('EI parameter files agree with each other', () => {
  it('the first Schedule I row of each rate band is that band’s entrance requirement (s. 7(2))', () => {
    const weeks = defaultParameters.table('ei/weeks-of-benefits', '2025-01-12');
    const entrance = defaultParameters.table('ei/entrance-requirement-hours', '2025-01-12');
    for (let tenths = 50; tenths <= 200; tenths += 1) {
      const firstRow = [...Array(41).keys()]
        .map((r) => 420 + 35 * r)
        .find((row) => weeks[`${row}/${twelveBandKey(tenths)}`] !== undefined);
      assert.equal(firstRow, entrance[nineBandKey(tenths)], `rate ${tenths / 10} %`);
    }
  });
});
