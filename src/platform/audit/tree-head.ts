import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A signed tree head as published (witness file, API): hashes and signature in base64, time in ms. */
export interface SignedTreeHead {
  treeSize: number;
  /** Milliseconds since 1970-01-01T00:00:00Z, as in RFC 6962. */
  timestamp: number;
  /** MTH of the first `treeSize` leaves, base64. */
  rootHash: string;
  /** SHA-256 of the signing key's DER SubjectPublicKeyInfo, hex (RFC 6962's log ID). */
  keyId: string;
  /** Ed25519 over `treeHeadSignatureInput`, base64. */
  signature: string;
}

// RFC 6962 section 3.5: Version v1(0), SignatureType tree_hash(1).
const V1 = 0;
const TREE_HASH = 1;

/**
 * The bytes signed: RFC 6962's TreeHeadSignature structure (version, signature type, uint64 timestamp,
 * uint64 tree_size, 32-byte root hash; 50 bytes, big-endian).
 */
export function treeHeadSignatureInput(treeSize: number, timestamp: number, rootHash: Uint8Array): Buffer {
  if (rootHash.length !== 32) throw new Error('a root hash has 32 bytes');
  const bytes = Buffer.alloc(50);
  bytes.writeUInt8(V1, 0);
  bytes.writeUInt8(TREE_HASH, 1);
  bytes.writeBigUInt64BE(BigInt(timestamp), 2);
  bytes.writeBigUInt64BE(BigInt(treeSize), 10);
  Buffer.from(rootHash).copy(bytes, 18);
  return bytes;
}

/** The log's public identity: its key, and the id every tree head names. */
export interface LogPublicKey {
  key: KeyObject;
  keyId: string;
}

export function logPublicKey(signingKey: KeyObject): LogPublicKey {
  const key = signingKey.type === 'private' ? createPublicKey(signingKey) : signingKey;
  const spki = key.export({ format: 'der', type: 'spki' });
  return { key, keyId: createHash('sha256').update(spki).digest('hex') };
}

export function signTreeHead(
  signingKey: KeyObject,
  treeSize: number,
  timestamp: number,
  rootHash: Uint8Array,
): SignedTreeHead {
  const signature = sign(null, treeHeadSignatureInput(treeSize, timestamp, rootHash), signingKey);
  return {
    treeSize,
    timestamp,
    rootHash: Buffer.from(rootHash).toString('base64'),
    keyId: logPublicKey(signingKey).keyId,
    signature: signature.toString('base64'),
  };
}

/** True when the head is signed by this log's key and well formed. */
export function isTreeHeadSignedBy(head: SignedTreeHead, publicKey: LogPublicKey): boolean {
  if (head.keyId !== publicKey.keyId) return false;
  const root = Buffer.from(head.rootHash, 'base64');
  if (root.length !== 32 || !Number.isSafeInteger(head.treeSize) || !Number.isSafeInteger(head.timestamp))
    return false;
  const input = treeHeadSignatureInput(head.treeSize, head.timestamp, root);
  return verify(null, input, publicKey.key, Buffer.from(head.signature, 'base64'));
}

/** A head as stored (`audit_tree_head`), in its published form. */
export function toSignedTreeHead(row: {
  treeSize: number;
  signedAt: Date;
  rootHash: Buffer;
  keyId: string;
  signature: Buffer;
}): SignedTreeHead {
  return {
    treeSize: row.treeSize,
    timestamp: row.signedAt.getTime(),
    rootHash: row.rootHash.toString('base64'),
    keyId: row.keyId,
    signature: row.signature.toString('base64'),
  };
}

/** Reads a published head back, refusing anything that is not one (witness lines, API answers). */
export function parseTreeHead(value: unknown): SignedTreeHead | null {
  if (value === null || typeof value !== 'object') return null;
  const head = value as Record<string, unknown>;
  const { treeSize, timestamp, rootHash, keyId, signature } = head;
  if (typeof treeSize !== 'number' || typeof timestamp !== 'number') return null;
  if (typeof rootHash !== 'string' || typeof keyId !== 'string' || typeof signature !== 'string') return null;
  return { treeSize, timestamp, rootHash, keyId, signature };
}
