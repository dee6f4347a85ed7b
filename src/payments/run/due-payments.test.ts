import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paymentsDue } from './due-payments.ts';
import type { EntitlementRow } from './run-ports.ts';

const row = (overrides: Partial<EntitlementRow>): EntitlementRow => ({
  enrolmentId: 'e1',
  personId: 'p1',
  programmeId: 'oas',
  validFrom: '2026-01-01',
  validTo: null,
  amountCents: 72_791,
  periodKind: 'month',
  decisionId: 'd1',
  ...overrides,
});
const WINDOW = { period: '2026-12', arrearsMonths: 11 };
const periods = (due: { period: string }[]) => due.map((d) => d.period);

describe('payments due to one enrolment in a run', () => {
  const scenarios: { name: string; rows: EntitlementRow[]; death: string | null; expected: string[] }[] = [
    {
      name: 'an entitlement from December pays December only',
      rows: [row({ validFrom: '2026-12-01' })],
      death: null,
      expected: ['2026-12'],
    },
    {
      name: 'late decision: arrears back to the month after entitlement began',
      rows: [row({ validFrom: '2026-08-15' })],
      death: null,
      expected: ['2026-09', '2026-10', '2026-11', '2026-12'],
    },
    {
      name: 'arrears reach back eleven months at most',
      rows: [row({ validFrom: '2020-01-01' })],
      death: null,
      expected: [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
      ],
    },
    {
      name: 'death on 2026-10-17: October is paid, nothing after',
      rows: [row({ validFrom: '2026-09-01' })],
      death: '2026-10-17',
      expected: ['2026-09', '2026-10'],
    },
    {
      name: 'an entitlement ending mid-month pays that month',
      rows: [row({ validFrom: '2026-10-01', validTo: '2026-11-14' })],
      death: null,
      expected: ['2026-10', '2026-11'],
    },
    {
      name: 'a zero amount is never due',
      rows: [row({ validFrom: '2026-12-01', amountCents: 0 })],
      death: null,
      expected: [],
    },
    {
      name: 'a negative amount is never due',
      rows: [row({ validFrom: '2026-12-01', amountCents: -5 })],
      death: null,
      expected: [],
    },
  ];
  for (const scenario of scenarios)
    it(scenario.name, () => {
      assert.deepEqual(periods(paymentsDue(scenario.rows, WINDOW, scenario.death)), scenario.expected);
    });

  it('pays the newer decision’s amount from the month it applies, and marks arrears', () => {
    const due = paymentsDue(
      [
        row({ validFrom: '2026-10-01', validTo: '2026-11-30' }),
        row({ validFrom: '2026-12-01', amountCents: 80_000, decisionId: 'd2' }),
      ],
      WINDOW,
      null,
    );
    assert.deepEqual(
      due.map((d) => [d.period, d.amountCents, d.arrears, d.decisionId]),
      [
        ['2026-10', 72_791, true, 'd1'],
        ['2026-11', 72_791, true, 'd1'],
        ['2026-12', 80_000, false, 'd2'],
      ],
    );
  });

  it('pays two-week periods that begin in the run’s month', () => {
    const due = paymentsDue(
      [row({ validFrom: '2026-11-02', periodKind: 'biweekly', amountCents: 60_000 })],
      WINDOW,
      null,
    );
    assert.deepEqual(periods(due), ['2026-11-02', '2026-11-16', '2026-11-30', '2026-12-14', '2026-12-28']);
    assert.deepEqual(
      due.map((d) => d.arrears),
      [true, true, true, false, false],
    );
  });
});
