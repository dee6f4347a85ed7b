import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createFieldCrypto } from './field-crypto.ts';

const config = { encryptionKeys: [{ id: 'k1', key: randomBytes(32) }], lookupHashKey: randomBytes(32) };

describe('field crypto on worker threads', () => {
  it('encrypts and hashes in bulk on workers, in order, readable on the main thread', async () => {
    const crypto = createFieldCrypto(config, { threads: 2 });
    try {
      const values = Array.from({ length: 1001 }, (_, index) => String(100_000_000 + index));
      const ciphertexts = await crypto.cipher.encryptMany(values);
      assert.deepEqual(ciphertexts.map(crypto.cipher.decrypt), values);
      assert.deepEqual(await crypto.hasher.hashMany(values), values.map(crypto.hasher.hash));
      assert.deepEqual(await crypto.cipher.encryptMany([]), []);
    } finally {
      await crypto.close();
    }
  });

  it('rejects work once its workers are stopped instead of waiting for ever', async () => {
    const crypto = createFieldCrypto(config, { threads: 1 });
    await crypto.close();
    await assert.rejects(crypto.cipher.encryptMany(['x']), /Crypto worker stopped/);
  });

  it('works without workers', async () => {
    const crypto = createFieldCrypto(config);
    assert.equal(crypto.cipher.decrypt((await crypto.cipher.encryptMany(['x']))[0] ?? ''), 'x');
    await crypto.close();
  });
});
