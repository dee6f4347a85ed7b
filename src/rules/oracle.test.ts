import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadOracleCases, ORACLE_DIR, oracleAvailable } from './oracle/oracle-case.ts';
import { judge } from './oracle/oracle-compare.ts';

const PROGRAMMES = ['ccb', 'ccb_child_disability_benefit', 'oas', 'cwb', 'gst_hst_credit', 'integration_multi_programme'];

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
  t.diagnostic(`oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`);
  console.log(`oracle: ${passed} passed, ${listed.length} listed, ${failures.length} failed of ${cases.length}`);
  for (const line of listed) console.log(`  listed ${line}`);
  assert.deepEqual(failures, []);
});
