import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export interface SinHintRow {
  id: string;
  ciphertext: string;
}

/** People with a SIN but no hint yet (written before migration 0950), in id order after `after`. */
export function listSinsWithoutHint(db: Kysely<DB>, after: string, limit: number): Promise<SinHintRow[]> {
  return db
    .selectFrom('person')
    .select(['id', 'sin_ciphertext as ciphertext'])
    .where('sin_ciphertext', 'is not', null)
    .where('sin_last3', 'is', null)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .$narrowType<{ ciphertext: string }>()
    .execute();
}

/** Sets each hint only where the row still holds the ciphertext it was read from (a concurrent change wins). */
export async function setSinHints(
  db: Kysely<DB>,
  rows: readonly SinHintRow[],
  hints: readonly string[],
): Promise<void> {
  await sql`UPDATE person AS p SET sin_last3 = v.last3
    FROM unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.ciphertext)}::text[],
      ${hints}::text[]) AS v(id, ciphertext, last3)
    WHERE p.id = v.id AND p.sin_ciphertext = v.ciphertext`.execute(db);
}

/** Deposits without their institution and transit in clear (written before migration 0950). */
export function listDepositsWithoutHint(db: Kysely<DB>, after: string, limit: number): Promise<SinHintRow[]> {
  return db
    .selectFrom('registry_direct_deposit')
    .select(['person_id as id', 'details_ciphertext as ciphertext'])
    .where((eb) => eb.or([eb('institution', 'is', null), eb('transit', 'is', null)]))
    .where('person_id', '>', after)
    .orderBy('person_id')
    .limit(limit)
    .execute();
}

export async function setDepositHints(
  db: Kysely<DB>,
  rows: readonly SinHintRow[],
  hints: readonly { institution: string; transit: string }[],
): Promise<void> {
  await sql`UPDATE registry_direct_deposit AS d SET institution = v.institution, transit = v.transit
    FROM unnest(${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.ciphertext)}::text[],
      ${hints.map((hint) => hint.institution)}::text[], ${hints.map((hint) => hint.transit)}::text[])
      AS v(id, ciphertext, institution, transit)
    WHERE d.person_id = v.id AND d.details_ciphertext = v.ciphertext`.execute(db);
}
