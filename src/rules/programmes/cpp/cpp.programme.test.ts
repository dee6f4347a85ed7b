import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createContext } from '../../core/context.ts';
import { NoParametersForDateError } from '../../core/errors.ts';
import { defaultParameters } from '../../core/parameters.ts';
import type { CppFacts, Household } from '../../model/household.ts';
import { cppRetirementProgramme } from './cpp.programme.ts';

/** $100,000 a year: above the YMPE and the YAMPE of every year, so every ceiling is reached. */
const HIGH = 10_000_000;

function earnings(
  from: number,
  to: number,
  cents: number,
  zeroYears: readonly number[] = [],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (let y = from; y <= to; y++) out[String(y)] = zeroYears.includes(y) ? 0 : cents;
  return out;
}

function contributor(birthDate: string, cpp: CppFacts): Household {
  return { province: 'ON', people: [{ id: 'p1', birthDate, cpp }] };
}

function evaluate(household: Household, asOf = '2025-01-15') {
  const results = cppRetirementProgramme.evaluate(
    household,
    asOf,
    createContext(defaultParameters, { tracing: true }),
  );
  const [result] = results;
  assert.ok(result && results.length === 1);
  return result;
}

interface Row {
  name: string;
  birthDate: string;
  cpp: CppFacts;
  asOf?: string;
  expected: { status: string; monthlyCents?: number; reasons?: string[] };
}

const table: Row[] = [
  {
    name: 'Maximum at 65, January 2025: $1,433.00 (canada.ca)',
    birthDate: '1959-12-10',
    cpp: { earningsByYear: earnings(1977, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'eligible', monthlyCents: 143_300, reasons: ['cpp.enhancement-included'] },
  },
  {
    name: 'Maximum at 65, January 2024: $1,364.60 (canada.ca)',
    birthDate: '1958-12-10',
    cpp: { earningsByYear: earnings(1976, 2023, HIGH), pensionStartDate: '2024-01-01' },
    expected: { status: 'eligible', monthlyCents: 136_460 },
  },
  {
    name: 'Maximum at 65, January 2026: $1,507.65 (secondary sources; formula of this file)',
    birthDate: '1960-12-10',
    cpp: { earningsByYear: earnings(1978, 2025, HIGH), pensionStartDate: '2026-01-01' },
    expected: { status: 'eligible', monthlyCents: 150_765 },
  },
  {
    name: 'Start the month after 60: 36 % less, 1,433.00 × 0.64 = $917.12',
    birthDate: '1964-12-10',
    cpp: { earningsByYear: earnings(1982, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'eligible', monthlyCents: 91_712, reasons: ['cpp.early-reduction'] },
  },
  {
    name: 'Age 59 (start before the month after 60): not eligible',
    birthDate: '1965-02-10',
    cpp: { earningsByYear: earnings(1983, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'not-eligible', reasons: ['cpp.under-60'] },
  },
  {
    name: 'Start in the month of the 60th birthday: still too early',
    birthDate: '1965-01-10',
    cpp: { earningsByYear: earnings(1983, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'not-eligible', reasons: ['cpp.under-60'] },
  },
  {
    name: 'Six months before the month after 65: 3.6 % less, 1,433.00 × 0.964 = $1,381.41',
    birthDate: '1960-06-15',
    cpp: { earningsByYear: earnings(1978, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'eligible', monthlyCents: 138_141 },
  },
  {
    name: 'Start the month after 70: 42 % more, 1,433.00 × 1.42 = $2,034.86',
    birthDate: '1954-12-10',
    cpp: { earningsByYear: earnings(1972, 2024, HIGH), pensionStartDate: '2025-01-01' },
    expected: { status: 'eligible', monthlyCents: 203_486, reasons: ['cpp.late-increase'] },
  },
  {
    name: 'Start at 72: the increase stops at 70 and so does the contributory period (no 2023–2024 enhancement)',
    birthDate: '1952-12-10',
    cpp: { earningsByYear: earnings(1970, 2024, HIGH), pensionStartDate: '2025-01-01' },
    // base 1,387.08 + first additional 1.7 × 66,580 ÷ 480 × 8.33 % = 19.64 → 1,406.72 × 1.42 = 1,997.54.
    expected: { status: 'eligible', monthlyCents: 199_754 },
  },
  {
    name: 'Eight zero years are fully dropped (17 % of 564 months = 96): maximum again',
    birthDate: '1959-12-10',
    cpp: {
      earningsByYear: earnings(1977, 2024, HIGH, [1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985]),
      pensionStartDate: '2025-01-01',
    },
    expected: { status: 'eligible', monthlyCents: 143_300, reasons: ['cpp.general-drop-out-applied'] },
  },
  {
    name: 'Nine zero years: one zero year stays in the average (456 of 468 months)',
    birthDate: '1959-12-10',
    cpp: {
      earningsByYear: earnings(1977, 2024, HIGH, [1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986]),
      pensionStartDate: '2025-01-01',
    },
    // base 25 % × 66,580 ÷ 12 × 456 ÷ 468 = 1,351.52; + 42.75 + 3.17.
    expected: { status: 'eligible', monthlyCents: 139_744 },
  },
  {
    name: 'Nine zero years, one of them child-rearing: that year goes first, then 94 more months',
    birthDate: '1959-12-10',
    cpp: {
      earningsByYear: earnings(1977, 2024, HIGH, [1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986]),
      pensionStartDate: '2025-01-01',
      childRearingYears: [1986],
    },
    // 552 months left, 17 % → 94 dropped, 2 zero months stay: 25 % × 5,548.33 × 456 ÷ 458 = 1,381.03.
    expected: { status: 'eligible', monthlyCents: 142_695, reasons: ['cpp.child-rearing-drop-out-applied'] },
  },
  {
    name: 'Start in July 2025, the month after 65: half of 2025 counts, YMPE and YAMPE pro-rated (derived)',
    birthDate: '1960-06-15',
    cpp: { earningsByYear: earnings(1978, 2025, HIGH), pensionStartDate: '2025-07-01' },
    // base 1,387.08; first additional (3.7 × 66,580 + 35,650 × 66,580 ÷ 71,300) ÷ 480 × 8.33 % = 48.53;
    // second additional (4,700 × 66,580 ÷ 68,500 + 4,950 × 66,580 ÷ 71,300) ÷ 480 × 33.33 % = 6.38.
    expected: { status: 'eligible', monthlyCents: 144_199 },
  },
  {
    name: 'Earnings never above the basic exemption ($500 a year): no valid contribution',
    birthDate: '1959-12-10',
    cpp: { earningsByYear: earnings(1977, 2024, 50_000), pensionStartDate: '2025-01-01' },
    expected: { status: 'not-eligible', reasons: ['cpp.no-valid-contribution'] },
  },
  {
    name: 'No start date: the pension is estimated as starting in the month of the evaluation',
    birthDate: '1959-12-10',
    cpp: { earningsByYear: earnings(1977, 2024, HIGH) },
    asOf: '2025-01-20',
    expected: { status: 'eligible', monthlyCents: 143_300, reasons: ['cpp.start-date-assumed'] },
  },
];

describe('CPP retirement pension — scenario table', () => {
  for (const row of table) {
    it(row.name, () => {
      const result = evaluate(contributor(row.birthDate, row.cpp), row.asOf);
      assert.equal(result.status, row.expected.status);
      if (row.expected.monthlyCents !== undefined) {
        assert.equal(result.period, 'month');
        assert.equal(result.periodCents, row.expected.monthlyCents);
        assert.equal(result.annualCents, row.expected.monthlyCents * 12);
      }
      for (const reason of row.expected.reasons ?? []) assert.ok(result.reasons.includes(reason), reason);
    });
  }
});

describe('CPP retirement pension — cannot tell and coverage', () => {
  it('asks for the earnings record of a person aged 60 or more', () => {
    const household: Household = { province: 'ON', people: [{ id: 'p1', birthDate: '1958-05-01' }] };
    const result = evaluate(household);
    assert.equal(result.status, 'cannot-tell');
    assert.deepEqual(result.missingFacts, ['/people/0/cpp/earningsByYear']);
  });

  it('answers "not eligible" once for a household where no one is 60 or has CPP facts', () => {
    const household: Household = { province: 'ON', people: [{ id: 'p1', birthDate: '1990-05-01' }] };
    const ctx = createContext(defaultParameters, { tracing: false });
    const results = cppRetirementProgramme.evaluate(household, '2025-01-15', ctx);
    assert.deepEqual(
      results.map((r) => [r.status, r.personId, r.reasons]),
      [['not-eligible', undefined, ['cpp.under-60']]],
    );
  });

  it('refuses a pension starting in 2027, whose YMPE is not on file (NoParametersForDateError)', () => {
    const household = contributor('1961-12-10', {
      earningsByYear: earnings(1979, 2026, HIGH),
      pensionStartDate: '2027-01-01',
    });
    const ctx = createContext(defaultParameters, { tracing: false });
    assert.throws(
      () => cppRetirementProgramme.evaluate(household, '2026-11-01', ctx),
      NoParametersForDateError,
    );
  });
});
