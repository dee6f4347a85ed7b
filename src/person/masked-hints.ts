import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { BankAccount } from './person.schemas.ts';
import { sinLast3 } from './sin.ts';
import * as repo from './masked-hints.repository.ts';

export interface MaskedHintsReport {
  sins: number;
  deposits: number;
}

// Below every uuid, so the first batch starts at the beginning.
const FIRST = '00000000-0000-0000-0000-000000000000';

/**
 * Fills what a masked SIN or deposit shows (migration 0950, ADR 0013) for rows written before the hints were
 * kept: it needs the field key, which the migration does not have. Every writer keeps the hints since, so
 * this finds work once; run at start-up and by `guichet keys rotate`, in batches, and again if interrupted.
 */
export async function fillMaskedHints(
  db: Kysely<DB>,
  cipher: FieldCipher,
  batchSize = 500,
): Promise<MaskedHintsReport> {
  let sins = 0;
  for (let after = FIRST; ;) {
    const rows = await repo.listSinsWithoutHint(db, after, batchSize);
    if (rows.length === 0) break;
    await repo.setSinHints(
      db,
      rows,
      rows.map((row) => sinLast3(cipher.decrypt(row.ciphertext))),
    );
    sins += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
  }
  let deposits = 0;
  for (let after = FIRST; ;) {
    const rows = await repo.listDepositsWithoutHint(db, after, batchSize);
    if (rows.length === 0) break;
    const accounts = rows.map((row) => JSON.parse(cipher.decrypt(row.ciphertext)) as BankAccount);
    await repo.setDepositHints(db, rows, accounts);
    deposits += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
  }
  return { sins, deposits };
}
