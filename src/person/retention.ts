import type { Kysely, Transaction } from 'kysely';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DB } from '../platform/db/schema.ts';
import { disposePersonRecord, findDispositionCandidates, listIncomes } from './retention.repository.ts';

export interface DispositionCandidate {
  readonly personId: string;
  readonly lastUse: Date;
  readonly activeEnrolments: number;
}

export interface PersonIncome {
  readonly taxYear: number;
  readonly type: string;
  readonly amountCents: number;
}

/** What the privacy capability needs of the person record to give it back and to dispose of it on schedule. */
export interface PersonRetention {
  /** Records last used before `cutoff`, oldest first. */
  candidates(cutoff: Date, limit: number): Promise<DispositionCandidate[]>;
  /** Inside the caller's transaction: removes the personal information and keeps a tombstone. */
  dispose(trx: Transaction<DB>, personId: string, at: Date): Promise<void>;
  /** Decrypted, for the person's own download. */
  incomes(personId: string): Promise<PersonIncome[]>;
}

export function createPersonRetention(db: Kysely<DB>, cipher: FieldCipher): PersonRetention {
  return {
    candidates: async (cutoff, limit) =>
      (await findDispositionCandidates(db, cutoff, limit)).map((row) => ({
        personId: row.person_id,
        lastUse: row.last_use,
        activeEnrolments: row.active_enrolments,
      })),
    dispose: (trx, personId, at) => disposePersonRecord(trx, personId, at),
    incomes: async (personId) =>
      (await listIncomes(db, personId)).map((row) => ({
        taxYear: row.tax_year,
        type: row.income_type,
        amountCents: Number(cipher.decrypt(row.amount_ciphertext)),
      })),
  };
}
