import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { createLookupHasher } from './lookup-hash.ts';

describe('look-up hasher', () => {
  const key = randomBytes(32);

  it('is HMAC-SHA-256 in base64url, stable for the same key and value', () => {
    const hasher = createLookupHasher(key);
    const expected = createHmac('sha256', key).update('046454286').digest('base64url');
    assert.equal(hasher.hash('046454286'), expected);
    assert.equal(hasher.hash('046454286'), hasher.hash('046454286'));
    assert.notEqual(hasher.hash('046454286'), hasher.hash('046454287'));
  });

  it('depends on the key', () => {
    assert.notEqual(
      createLookupHasher(key).hash('046454286'),
      createLookupHasher(randomBytes(32)).hash('046454286'),
    );
  });

  it('hashes in bulk, refuses a short key and hides its key', async () => {
    const hasher = createLookupHasher(key);
    assert.deepEqual(await hasher.hashMany(['a', 'b']), [hasher.hash('a'), hasher.hash('b')]);
    assert.throws(() => createLookupHasher(randomBytes(16)));
    assert.equal(inspect(hasher), '[LookupHasher]');
  });
});
