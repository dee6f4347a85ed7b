import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEV_CRA_TOKEN,
  DEV_VITAL_STATISTICS_TOKEN,
  parseCraCredentials,
  parseVitalStatisticsCredentials,
} from './partner-agencies-config.ts';

const TOKEN = 'a-production-token-of-at-least-thirty-two-characters';

test('outside production the demonstration agencies are added to those listed', () => {
  const env = { VITAL_STATISTICS_API_TOKENS: `on-vital-statistics:${TOKEN}` };
  assert.deepEqual(
    parseVitalStatisticsCredentials(env, false).map((c) => c.agencyId),
    ['ab-vital-statistics', 'on-vital-statistics'],
  );
  assert.deepEqual(parseCraCredentials({}, false), [{ agencyId: 'cra', token: DEV_CRA_TOKEN }]);
});

test('production has only the listed agencies and refuses the development tokens', () => {
  assert.deepEqual(parseCraCredentials({}, true), []);
  assert.deepEqual(parseCraCredentials({ CRA_API_TOKENS: TOKEN }, true), [{ agencyId: 'cra', token: TOKEN }]);
  assert.throws(() => parseCraCredentials({ CRA_API_TOKENS: DEV_CRA_TOKEN }, true), /CRA_API_TOKENS/);
  assert.throws(
    () =>
      parseVitalStatisticsCredentials(
        { VITAL_STATISTICS_API_TOKENS: `on-vital-statistics:${DEV_VITAL_STATISTICS_TOKEN}` },
        true,
      ),
    /VITAL_STATISTICS_API_TOKENS/,
  );
});

test('refuses an agency that is not a vital statistics agency, short tokens and shared tokens', () => {
  for (const value of [
    `cra:${TOKEN}`,
    `on-vital-statistics:short`,
    TOKEN,
    `on-vital-statistics:${TOKEN},qc-vital-statistics:${TOKEN}`,
  ])
    assert.throws(
      () => parseVitalStatisticsCredentials({ VITAL_STATISTICS_API_TOKENS: value }, false),
      /VITAL_STATISTICS_API_TOKENS/,
      value,
    );
  assert.throws(() => parseCraCredentials({ CRA_API_TOKENS: 'short' }, false), /CRA_API_TOKENS/);
});

test('each vital statistics token carries its province: written out, or read from the agency id as before', () => {
  const env = {
    VITAL_STATISTICS_API_TOKENS: `on-vital-statistics:ON:${TOKEN},qc-vital-statistics:${TOKEN}-quebec`,
  };
  assert.deepEqual(parseVitalStatisticsCredentials(env, true), [
    { agencyId: 'on-vital-statistics', province: 'ON', token: TOKEN },
    { agencyId: 'qc-vital-statistics', province: 'QC', token: `${TOKEN}-quebec` },
  ]);
  assert.equal(parseVitalStatisticsCredentials({}, false)[0]?.province, 'AB', 'the demonstration agency');
  assert.throws(
    () =>
      parseVitalStatisticsCredentials(
        { VITAL_STATISTICS_API_TOKENS: `on-vital-statistics:QC:${TOKEN}` },
        true,
      ),
    /own province \(ON\)/,
    'an agency is never configured for another province',
  );
});
