import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { readHouseholdsById, readPage } from './population-reader.ts';
import type { RegisterHousehold } from './population-reader.ts';
import {
  findHouseholdOfPerson,
  findHouseholdsOfPeople,
  listPeopleBornOn,
} from './population-reader.repository.ts';
import type { PersonName } from './person-directory.ts';

/**
 * One person's household as the register holds it (people, relationships, incomes decrypted): what an
 * application prefills from. The caller audits the read with its purpose.
 */
export interface HouseholdReader {
  householdOf(personId: string): Promise<RegisterHousehold | null>;
  /** The households of many people in four statements, by person id (people without one are absent). */
  householdsOf(personIds: readonly string[]): Promise<Map<string, RegisterHousehold>>;
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
    async householdsOf(personIds) {
      const found = personIds.length === 0 ? [] : await findHouseholdsOfPeople(db, personIds);
      const unique = [...new Map(found.map((row) => [row.id, row])).values()];
      const byId = new Map((await readHouseholdsById(db, cipher, unique)).map((h) => [h.id, h]));
      return new Map(
        found.flatMap((row) => {
          const household = byId.get(row.id);
          return household ? [[row.person_id, household] as const] : [];
        }),
      );
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
