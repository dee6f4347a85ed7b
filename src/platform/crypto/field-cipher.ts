import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { EncryptionKey } from '../config/config.ts';

/**
 * AES-256-GCM for one field at a time. A ciphertext reads `v1.<keyId>.<base64url(iv | tag | ct)>`:
 * the key id lets keys rotate (first key encrypts, every key decrypts), and the `v1.<keyId>` header is
 * authenticated data, so moving a payload under another key id fails like any other tampering.
 */
export interface FieldCipher {
  readonly currentKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Returns the ciphertext under the current key, unchanged when it already is. */
  reencrypt(ciphertext: string): string;
  needsReencryption(ciphertext: string): boolean;
  /** Bulk form of `encrypt`; may run on worker threads (see `createFieldCrypto`). */
  encryptMany(plaintexts: readonly string[]): Promise<string[]>;
  /** Bulk form of `decrypt` (e.g. a register read for analysis); may run on worker threads too. */
  decryptMany(ciphertexts: readonly string[]): Promise<string[]>;
}

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt field: ${reason}`);
    this.name = 'DecryptionError';
  }
}

export class UnknownEncryptionKeyError extends DecryptionError {
  constructor(readonly keyId: string) {
    super(`no key with id "${keyId}" in the key ring`);
    this.name = 'UnknownEncryptionKeyError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit random IVs, safe for up to 2^32 messages per key
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
// Random IVs come from one buffer refilled in blocks: one getrandom call per 4,096 fields, not per field.
const IV_POOL_FIELDS = 4096;

interface RingKey {
  readonly id: string;
  readonly key: KeyObject;
  readonly header: string;
  readonly aad: Buffer;
}

export function createFieldCipher(keys: readonly EncryptionKey[]): FieldCipher {
  const ring = buildKeyRing(keys);
  const current = ring.values().next().value as RingKey;
  const nextIv = createIvSource();

  const encrypt = (plaintext: string): string => encryptWith(current, nextIv(), plaintext);
  const decrypt = (ciphertext: string): string => decryptWith(ring, ciphertext);
  const cipher: FieldCipher = {
    currentKeyId: current.id,
    encrypt,
    decrypt,
    reencrypt: (ciphertext) =>
      keyIdOf(ciphertext) === current.id ? ciphertext : encrypt(decrypt(ciphertext)),
    needsReencryption: (ciphertext) => keyIdOf(ciphertext) !== current.id,
    encryptMany: (plaintexts) => Promise.resolve(plaintexts.map(encrypt)),
    decryptMany: (ciphertexts) => Promise.resolve(ciphertexts.map(decrypt)),
  };
  return hideFromInspection(cipher, 'FieldCipher');
}

function buildKeyRing(keys: readonly EncryptionKey[]): Map<string, RingKey> {
  if (keys.length === 0) throw new Error('The field-encryption key ring is empty');
  const ring = new Map<string, RingKey>();
  for (const { id, key } of keys) {
    if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes`);
    if (ring.has(id)) throw new Error(`Encryption key id "${id}" appears twice`);
    const header = `${VERSION}.${id}`;
    ring.set(id, { id, key: createSecretKey(key), header, aad: Buffer.from(header) });
  }
  return ring;
}

function createIvSource(): () => Buffer {
  const pool = Buffer.alloc(IV_BYTES * IV_POOL_FIELDS);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const iv = Buffer.from(pool.subarray(offset, offset + IV_BYTES));
    offset += IV_BYTES;
    return iv;
  };
}

function encryptWith(ringKey: RingKey, iv: Buffer, plaintext: string): string {
  const cipher = createCipheriv(ALGORITHM, ringKey.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ringKey.aad);
  const body = cipher.update(plaintext, 'utf8');
  const final = cipher.final();
  const payload = Buffer.concat([iv, cipher.getAuthTag(), body, final]);
  return `${ringKey.header}.${payload.toString('base64url')}`;
}

function decryptWith(ring: ReadonlyMap<string, RingKey>, ciphertext: string): string {
  const { keyId, payload } = parseCiphertext(ciphertext);
  const ringKey = ring.get(keyId);
  if (ringKey === undefined) throw new UnknownEncryptionKeyError(keyId);
  const iv = payload.subarray(0, IV_BYTES);
  const tag = payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, ringKey.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(ringKey.aad);
  decipher.setAuthTag(tag);
  try {
    const body = decipher.update(payload.subarray(IV_BYTES + TAG_BYTES));
    return Buffer.concat([body, decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('authentication failed (wrong key or altered ciphertext)');
  }
}

function parseCiphertext(ciphertext: string): { keyId: string; payload: Buffer } {
  const parts = ciphertext.split('.');
  const [version, keyId, encoded] = parts;
  if (parts.length !== 3 || version !== VERSION || !keyId || !encoded || !/^[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new DecryptionError('not a v1 field ciphertext');
  }
  const payload = Buffer.from(encoded, 'base64url');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext is too short');
  return { keyId, payload };
}

/** The key id a ciphertext was made with, without decrypting it. */
export function keyIdOf(ciphertext: string): string {
  return parseCiphertext(ciphertext).keyId;
}

/** Keeps key material out of `console.log`, `util.inspect` and JSON logs. */
export function hideFromInspection<T extends object>(value: T, label: string): T {
  Object.defineProperty(value, Symbol.for('nodejs.util.inspect.custom'), { value: () => `[${label}]` });
  Object.defineProperty(value, 'toJSON', { value: () => `[${label}]` });
  return Object.freeze(value);
}
