import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { readPage } from './population-reader.ts';
import type { RegisterHousehold } from './population-reader.ts';
import { findHouseholdOfPerson, listPeopleBornOn } from './population-reader.repository.ts';
import type { PersonName } from './person-directory.ts';

/**
 * One person's household as the register holds it (people, relationships, incomes decrypted): what an
 * application prefills from. The caller audits the read with its purpose.
 */
export interface HouseholdReader {
  householdOf(personId: string): Promise<RegisterHousehold | null>;
  /** Everyone born on this date (at most 500), for a search by name that tolerates accents and typos. */
  bornOn(birthDate: string): Promise<PersonName[]>;
}

export function createHouseholdReader(db: Kysely<DB>, cipher: FieldCipher): HouseholdReader {
  return {
    async householdOf(personId) {
      const household = await findHouseholdOfPerson(db, personId);
      if (!household) return null;
      const [read] = await readPage(db, cipher, [household]);
      return read ?? null;
    },
    async bornOn(birthDate) {
      const rows = await listPeopleBornOn(db, birthDate);
      return rows.map((row) => ({
        personId: row.id,
        givenName: row.given_name,
        familyName: row.family_name,
      }));
    },
  };
}
