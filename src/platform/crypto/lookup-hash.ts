import { createHmac, createSecretKey } from 'node:crypto';
import { hideFromInspection } from './field-cipher.ts';

/**
 * A keyed hash (HMAC-SHA-256) for finding a record by a Protected B value, such as a SIN, without
 * storing or decrypting it. The key is separate from the encryption keys: a leaked table of look-up
 * hashes cannot be reversed by trying the billion possible SINs without it.
 */
export interface LookupHasher {
  /** Hash a value already normalised by its owner (e.g. `normaliseSin`). */
  hash(value: string): string;
  /** Bulk form of `hash`; may run on worker threads (see `createFieldCrypto`). */
  hashMany(values: readonly string[]): Promise<string[]>;
}

export function createLookupHasher(key: Buffer): LookupHasher {
  if (key.length < 32) throw new Error('The look-up hash key must be at least 32 bytes');
  const secret = createSecretKey(key);
  const hash = (value: string): string =>
    createHmac('sha256', secret).update(value, 'utf8').digest('base64url');
  return hideFromInspection(
    { hash, hashMany: (values) => Promise.resolve(values.map(hash)) },
    'LookupHasher',
  );
}
