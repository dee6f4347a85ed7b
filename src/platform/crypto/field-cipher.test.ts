import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { createFieldCipher, DecryptionError, keyIdOf, UnknownEncryptionKeyError } from './field-cipher.ts';

const oldKey = { id: 'k1', key: randomBytes(32) };
const newKey = { id: 'k2', key: randomBytes(32) };

function tamperPayload(ciphertext: string, byteIndex: number): string {
  const [version, keyId, encoded] = ciphertext.split('.') as [string, string, string];
  const payload = Buffer.from(encoded, 'base64url');
  payload[byteIndex] = (payload[byteIndex] ?? 0) ^ 0x01;
  return `${version}.${keyId}.${payload.toString('base64url')}`;
}

describe('field cipher', () => {
  it('round-trips text, including accents and the empty string', () => {
    const cipher = createFieldCipher([oldKey]);
    for (const value of ['046454286', 'Hélène Côté-Bérubé', '', '123456.78']) {
      assert.equal(cipher.decrypt(cipher.encrypt(value)), value);
    }
  });

  it('writes v1.<keyId>.<payload> and never repeats a ciphertext for the same value', () => {
    const cipher = createFieldCipher([oldKey]);
    const first = cipher.encrypt('046454286');
    assert.match(first, /^v1\.k1\.[A-Za-z0-9_-]+$/);
    assert.notEqual(cipher.encrypt('046454286'), first);
    assert.ok(!first.includes('046454286'));
  });

  it('rejects a ciphertext whose payload was altered', () => {
    const cipher = createFieldCipher([oldKey]);
    const ciphertext = cipher.encrypt('046454286');
    for (const byteIndex of [0, 12, 28, 30]) {
      assert.throws(() => cipher.decrypt(tamperPayload(ciphertext, byteIndex)), DecryptionError);
    }
    assert.throws(() => cipher.decrypt('v1.k1.AAAA'), DecryptionError);
    assert.throws(() => cipher.decrypt('not a ciphertext'), DecryptionError);
  });

  it('rejects an unknown key id, and a payload moved under another key id', () => {
    const ciphertext = createFieldCipher([oldKey]).encrypt('046454286');
    assert.throws(() => createFieldCipher([newKey]).decrypt(ciphertext), UnknownEncryptionKeyError);
    const sameKeyOtherId = createFieldCipher([{ id: 'k9', key: oldKey.key }]);
    assert.throws(() => sameKeyOtherId.decrypt(ciphertext.replace('v1.k1.', 'v1.k9.')), DecryptionError);
  });

  it('rotates keys: old ciphertext still decrypts and re-encrypts under the new key', () => {
    const before = createFieldCipher([oldKey]).encrypt('046454286');
    const rotated = createFieldCipher([newKey, oldKey]);
    assert.equal(rotated.decrypt(before), '046454286');
    assert.equal(rotated.needsReencryption(before), true);
    const after = rotated.reencrypt(before);
    assert.equal(keyIdOf(after), 'k2');
    assert.equal(rotated.needsReencryption(after), false);
    assert.equal(rotated.reencrypt(after), after);
    assert.equal(createFieldCipher([newKey]).decrypt(after), '046454286');
  });

  it('encrypts in bulk', async () => {
    const cipher = createFieldCipher([oldKey]);
    const ciphertexts = await cipher.encryptMany(['a', 'b']);
    assert.deepEqual(ciphertexts.map(cipher.decrypt), ['a', 'b']);
  });

  it('refuses an empty, short or duplicated key ring', () => {
    assert.throws(() => createFieldCipher([]));
    assert.throws(() => createFieldCipher([{ id: 'short', key: randomBytes(16) }]));
    assert.throws(() => createFieldCipher([oldKey, oldKey]));
  });

  it('never shows its keys when logged', () => {
    const cipher = createFieldCipher([oldKey]);
    assert.equal(inspect(cipher), '[FieldCipher]');
    assert.equal(JSON.stringify({ cipher }), '{"cipher":"[FieldCipher]"}');
  });
});
