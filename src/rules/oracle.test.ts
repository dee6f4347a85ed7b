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
 * method. Every other case must pass, or be listed automatically because its period is outside our
 * parameter coverage or it only checks a PolicyEngine-internal variable.
 */
const LISTED: Readonly<Record<string, string>> = {};

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
    else if (verdict.kind === 'listed') listed.push(`${c.id}: ${verdict.reasons.join('; ')}`);
    else failures.push(`${c.id}: ${verdict.detail}`);
  }
  t.diagnostic(
    `oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`,
  );
  console.log(
    `oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`,
  );
  for (const line of listed) console.log(`  listed ${line}`);
  assert.deepEqual(failures, []);
});

/**
 * Cases listed because their period precedes our OAS coverage still check our pension formula: the
 * oracle README states PolicyEngine's 2022 annual base ($8,226, i.e. $685.50 a month, no deferral),
 * so `pensionCents` must turn that base into PolicyEngine's figures.
 */
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
