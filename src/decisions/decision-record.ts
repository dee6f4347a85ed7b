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
}

export function sealRecord(cipher: FieldCipher, record: DecisionRecord): string {
  return cipher.encrypt(JSON.stringify(record));
}

export function openRecord(cipher: FieldCipher, ciphertext: string): DecisionRecord {
  return JSON.parse(cipher.decrypt(ciphertext)) as DecisionRecord;
}
