import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCipher } from '../platform/crypto/field-cipher.ts';
import { openRecord, sealRecord } from './decision-record.ts';
import type { DecisionRecord } from './decision-record.ts';
import { ccbHousehold } from '../../test/support/applications.ts';
import { assess } from './assess.ts';
import { recordOf } from './decisions.service.ts';
import { loadDecisionPolicy, policyFor } from './programme-policy.ts';

const cipher = createFieldCipher(testConfig().encryptionKeys);
const record: DecisionRecord = {
  facts: { province: 'ON', people: [{ id: 'p', birthDate: '1990-07-02' }] },
  applicantId: 'p',
  result: null,
  parameterFiles: Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`ccb/parameter-${i}.yaml`, 'a'.repeat(64)]),
  ),
  reasons: ['ccb.eligible'],
  note: null,
  justification: null,
};

test('a record is deflated before it is encrypted, and reads back the same', () => {
  const sealed = sealRecord(cipher, record);
  assert.ok(cipher.decrypt(sealed).startsWith('z:'));
  assert.ok(sealed.length < cipher.encrypt(JSON.stringify(record)).length / 2, 'smaller than plain JSON');
  assert.deepEqual(openRecord(cipher, sealed), record);
});

test('a record stored before deflating (plain JSON) still reads', () => {
  assert.deepEqual(openRecord(cipher, cipher.encrypt(JSON.stringify(record))), record);
});

test('a record without its trace (about 1 KB) is kept as plain JSON: deflate would cost more than it saves', () => {
  const small: DecisionRecord = {
    ...record,
    parameterFiles: {},
    recompute: { asOf: '2026-07-01', rules: 'ccb' },
  };
  const sealed = sealRecord(cipher, small);
  assert.equal(cipher.decrypt(sealed), JSON.stringify(small));
  assert.deepEqual(openRecord(cipher, sealed), small);
});

test('a decision keeps the whole trace and every value read, and names the sources by the file hash', () => {
  const policy = loadDecisionPolicy();
  const programme = policyFor(policy, 'ccb');
  assert.ok(programme);
  const household = ccbHousehold('parent', 4_000_000);
  const assessment = assess(household, 'parent', programme, '2026-12-04', policy.fourEyesAboveCents);
  const full = assessment.result;
  assert.ok(full && full.trace.some((step) => step.parameters?.some((use) => use.reference?.length)));
  const kept = recordOf(household, assessment);
  assert.equal(kept.result?.trace.length, full.trace.length);
  full.trace.forEach((step, index) => {
    const keptStep = kept.result?.trace[index];
    assert.equal(keptStep?.rule, step.rule);
    assert.equal(keptStep?.resultCents, step.resultCents);
    assert.deepEqual(keptStep?.inputs, step.inputs);
    assert.deepEqual(keptStep?.citation, step.citation);
    assert.deepEqual(
      keptStep?.parameters,
      step.parameters?.map((use) => ({ file: use.file, effective: use.effective, value: use.value })),
    );
    for (const use of step.parameters ?? [])
      assert.match(kept.parameterFiles[use.file] ?? '', /^[0-9a-f]{64}$/);
  });
  assert.deepEqual(kept.result?.citations, full.citations);
  assert.ok(JSON.stringify(kept).length < JSON.stringify(full).length / 4, 'the sources were most of it');
  assert.deepEqual(openRecord(cipher, sealRecord(cipher, kept)), JSON.parse(JSON.stringify(kept)));
});
