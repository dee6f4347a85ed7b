import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadOracleCases, ORACLE_DIR, oracleAvailable } from './oracle/oracle-case.ts';
import { judge } from './oracle/oracle-compare.ts';
import { divideRounded } from './core/money.ts';
import { pensionCents } from './programmes/oas/oas.formula.ts';

const PROGRAMMES = [
  'ccb',
  'ccb_child_disability_benefit',
  'oas',
  'cwb',
  'gst_hst_credit',
  'integration_multi_programme',
];

/**
 * Cases where PolicyEngine and our engine differ and our answer follows the law or CRA's published
 * method. None so far: no oracle case puts a shared-custody child above the CCB threshold, where
 * PolicyEngine halves the base instead of the full-custody result (our scenario test covers it).
 */
const LISTED: Readonly<Record<string, string>> = {};

/**
 * Why a whole programme-period is outside our parameter coverage. A case may only be listed for
 * coverage when its programme and period are declared here.
 */
const COVERAGE: Readonly<Record<string, string>> = {
  'ccb_child_disability_benefit 2021':
    'our CCB/CDB parameters start with the July 2022 benefit year; PolicyEngine applies the July 2022 CDB ($2,985) to 2021',
  'ccb_child_disability_benefit 2022':
    'a 2022 period reads the July 2021 benefit year, before our coverage; PolicyEngine uses the July 2022 threshold ($71,060)',
  'oas 2022':
    "our OAS/GIS quarterly amounts start in January 2024 (canada.ca oas-amounts file); PolicyEngine uses one annual base ($8,226) instead of ESDC's quarterly amounts — see the formula cross-check below",
  'cwb 2023':
    "CWB 2023 amounts could not be verified on canada.ca, so 2023 is a gap (null); PolicyEngine's 2023 values ($1,395, $2,403, $720, $22,944) are the 2021 tax-year amounts (canada.ca net-income table, 2021: $32,244)",
  'integration_multi_programme 2023': 'canada_workers_benefit 2023: see cwb 2023',
};

const INTERNAL = ['PolicyEngine-internal', 'no variable of this case is one we model'];

function acceptedListing(programme: string, period: string, reason: string): boolean {
  if (INTERNAL.some((text) => reason.includes(text))) return true;
  return (
    reason.includes('outside our parameter coverage') && COVERAGE[`${programme} ${period}`] !== undefined
  );
}

test('PolicyEngine Canada oracle', (t) => {
  if (!oracleAvailable()) {
    t.skip(`oracle folder ${ORACLE_DIR} is absent (AGPL data kept outside the repository)`);
    return;
  }
  const cases = loadOracleCases(PROGRAMMES);
  const failures: string[] = [];
  const listed: string[] = [];
  let passed = 0;
  for (const c of cases) {
    const verdict = judge(c, LISTED);
    if (verdict.kind === 'pass') passed++;
    else if (verdict.kind === 'fail') failures.push(`${c.id}: ${verdict.detail}`);
    else {
      const unexplained = verdict.reasons.filter((r) => !acceptedListing(c.programme, c.period, r));
      if (unexplained.length > 0)
        failures.push(`${c.id}: listed without a declared reason: ${unexplained.join('; ')}`);
      listed.push(`${c.id}: ${verdict.reasons.join('; ')}`);
    }
  }
  const summary = `oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`;
  t.diagnostic(summary);
  console.log(summary);
  for (const [key, why] of Object.entries(COVERAGE)) console.log(`  coverage ${key}: ${why}`);
  for (const line of listed) console.log(`  listed ${line}`);
  assert.deepEqual(failures, []);
  assert.ok(passed >= 57, summary);
});

test('OAS formula cross-check on the oracle base for 2022', (t) => {
  if (!oracleAvailable()) {
    t.skip(`oracle folder ${ORACLE_DIR} is absent`);
    return;
  }
  const monthly = 685_50;
  const monthly75 = divideRounded(monthly * 11, 10, 'half-up');
  const cases = loadOracleCases(['oas']).filter((c) => typeof c.expected['oas_pre_repayment'] === 'number');
  for (const c of cases) {
    const p = Object.values(c.input.people)[0] ?? {};
    const age = typeof p['age'] === 'number' ? p['age'] : 18;
    const years = typeof p['adult_years_in_canada'] === 'number' ? p['adult_years_in_canada'] : 0;
    const annual = 12 * pensionCents(age >= 75 ? monthly75 : monthly, years, 40, 0.006, 0);
    assert.equal(annual / 100, c.expected['oas_pre_repayment'], c.id);
  }
  assert.ok(cases.length >= 5);
});
