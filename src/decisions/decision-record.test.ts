import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testConfig } from '../platform/config/config.ts';
import { createFieldCipher } from '../platform/crypto/field-cipher.ts';
import { openRecord, sealRecord } from './decision-record.ts';
import type { DecisionRecord } from './decision-record.ts';

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
