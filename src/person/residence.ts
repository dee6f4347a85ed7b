import type { Kysely } from 'kysely';
import { todayIso } from '../platform/clock.ts';
import type { DB } from '../platform/db/schema.ts';
import { findProvinceOfPerson } from './person.repository.ts';

/**
 * Where a person lives, as a province or territory code: what decides which provincial agencies are theirs
 * (consents are offered only for the person's own province, issue #14). A code, nothing personal decrypted.
 */
export interface ResidenceReader {
  provinceOf(personId: string): Promise<string | null>;
}

export function createResidenceReader(db: Kysely<DB>, clock: () => Date): ResidenceReader {
  return { provinceOf: (personId) => findProvinceOfPerson(db, personId, todayIso(clock)) };
}
