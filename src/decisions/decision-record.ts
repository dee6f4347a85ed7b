import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { ProgrammeResult } from '../rules/index.ts';

/**
 * What a decision rests on, kept as one Protected B ciphertext: the facts as submitted, the rules' result
 * with its trace, the hash of every parameter file read, and the adjudicator's reasons and words.
 */
export interface DecisionRecord {
  readonly facts: unknown;
  readonly applicantId: string;
  readonly result: ProgrammeResult | null;
  readonly parameterFiles: Readonly<Record<string, string>>;
  /** Reason codes: the rules' (`ccb.eligible`) or the adjudicator's (`decisions.reasons.<code>`). */
  readonly reasons: readonly string[];
  readonly note: string | null;
  /** Why an adjudicator departed from the automated recommendation. */
  readonly justification: string | null;
  /**
   * Present when the trace was not kept (a batch's decisions, ADR 0025): `result` holds everything but the
   * trace, which the rules recompute from `facts` as of `asOf` (`recordWithTrace`), checked against `result`.
   */
  readonly recompute?: { readonly asOf: string; readonly rules: string };
}

// The record is mostly the rules' trace (about 23 KB of JSON for a CCB decision): deflated before it is
// encrypted it is about 3 KB, so PostgreSQL stores, logs and TOASTs an eighth of the bytes (ciphertext does not
// compress afterwards). `z:` marks a deflated record; older records and records without their trace (about
// 1 KB, where deflate's set-up costs more than the bytes it saves) are plain JSON.
const DEFLATED = 'z:';
const DEFLATE_FROM = 4_096;

function packed(record: DecisionRecord): string {
  const json = JSON.stringify(record);
  if (json.length < DEFLATE_FROM) return json;
  return `${DEFLATED}${deflateRawSync(json, { level: 1 }).toString('base64')}`;
}

export function sealRecord(cipher: FieldCipher, record: DecisionRecord): string {
  return cipher.encrypt(packed(record));
}

/** `sealRecord` for many records: packed here, encrypted together (on the crypto worker threads when there are). */
export function sealRecords(cipher: FieldCipher, records: readonly DecisionRecord[]): Promise<string[]> {
  return cipher.encryptMany(records.map(packed));
}

export function openRecord(cipher: FieldCipher, ciphertext: string): DecisionRecord {
  const plain = cipher.decrypt(ciphertext);
  const json = plain.startsWith(DEFLATED)
    ? inflateRawSync(Buffer.from(plain.slice(DEFLATED.length), 'base64')).toString('utf8')
    : plain;
  return JSON.parse(json) as DecisionRecord;
}
