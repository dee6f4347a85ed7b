import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadOracleCases, ORACLE_DIR, oracleAvailable } from '../../test/support/rules/oracle/oracle-case.ts';
import { judge } from '../../test/support/rules/oracle/oracle-compare.ts';
import { INTERNAL_MARKERS, LISTED } from '../../test/support/rules/oracle/oracle-listed.ts';
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

/** A listed case's reasons must all come from LISTED or name a PolicyEngine-only variable. */
function acceptedListing(id: string, reason: string): boolean {
  if (INTERNAL_MARKERS.some((text) => reason.includes(text))) return true;
  const listed = LISTED[id];
  return listed !== undefined && reason.endsWith(`: ${listed}`);
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
    if (verdict.kind === 'pass') {
      passed++;
      if (LISTED[c.id] !== undefined) failures.push(`${c.id}: passes now, remove it from LISTED`);
    } else if (verdict.kind === 'fail') failures.push(`${c.id}: ${verdict.detail}`);
    else {
      const unexplained = verdict.reasons.filter((r) => !acceptedListing(c.id, r));
      if (unexplained.length > 0)
        failures.push(`${c.id}: listed without a declared reason: ${unexplained.join('; ')}`);
      listed.push(`${c.id}: ${verdict.reasons.join('; ')}`);
    }
  }
  const ids = new Set(cases.map((c) => c.id));
  for (const id of Object.keys(LISTED))
    if (!ids.has(id)) failures.push(`${id}: listed but not an oracle case`);
  const summary = `oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`;
  t.diagnostic(summary);
  console.log(summary);
  for (const line of listed) console.log(`  listed ${line}`);
  assert.deepEqual(failures, []);
  assert.ok(passed >= 83, summary);
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
