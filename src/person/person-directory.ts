import type { Kysely } from 'kysely';
import type { LookupHasher } from '../platform/crypto/lookup-hash.ts';
import type { DB } from '../platform/db/schema.ts';
import {
  findPeopleByNameAndBirth,
  findPersonBySinLookup,
  findPersonName,
  personExists,
} from './person-directory.repository.ts';
import { normaliseSin } from './sin.ts';

export interface PersonName {
  readonly personId: string;
  readonly givenName: string;
  readonly familyName: string;
}

/**
 * The narrow ways other modules find a person of the register without reading the person tables: a name
 * for a page header, whether someone exists, and the matches that prove an identity when a sign-in is linked.
 */
export interface PersonDirectory {
  exists(personId: string): Promise<boolean>;
  nameOf(personId: string): Promise<PersonName | undefined>;
  /** The person with this SIN and their birth date ('YYYY-MM-DD'), for proving identity by a mailed code. */
  findBySin(sin: string): Promise<{ personId: string; birthDate: string } | undefined>;
  /** Everyone with exactly this name and birth date (case-insensitive), at most two: a match must be unique. */
  findByNameAndBirthDate(given: string, family: string, birthDate: string): Promise<PersonName[]>;
}

export function createPersonDirectory(db: Kysely<DB>, hasher: LookupHasher): PersonDirectory {
  const toName = (row: { id: string; given_name: string; family_name: string }): PersonName => ({
    personId: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
  });
  return {
    exists: (personId) => personExists(db, personId),
    nameOf: async (personId) => {
      const row = await findPersonName(db, personId);
      return row ? toName(row) : undefined;
    },
    async findBySin(sin) {
      const normal = normaliseSin(sin);
      const row = normal === null ? undefined : await findPersonBySinLookup(db, hasher.hash(normal));
      return row ? { personId: row.id, birthDate: row.birth_date } : undefined;
    },
    findByNameAndBirthDate: async (given, family, birthDate) =>
      (await findPeopleByNameAndBirth(db, given, family, birthDate)).map(toName),
  };
}
