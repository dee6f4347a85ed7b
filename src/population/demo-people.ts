import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Config } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Database } from '../platform/db/database.ts';
import { sinLast3 } from '../person/index.ts';

/**
 * Registry people the demonstration logins link to. Fixed ids so a restarted development server finds
 * them again; SINs start with 0, so they can never belong to anyone (see src/person/sin.ts). Their home
 * addresses are fictitious (`seedDemoAddresses` records them; cheques and letters are mailed there).
 */
export const DEMO_PEOPLE = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    given: 'Amélie',
    family: 'Tremblay',
    birth: '1958-03-14',
    sin: '046454286',
    province: 'QC',
    lang: 'fr',
    address: { line1: '1215, rue Saint-Jean', city: 'Québec', provinceCode: 'QC', postalCode: 'G1R 1S4' },
  },
  {
    id: '00000000-0000-4000-8000-00000000a002',
    given: 'Jordan',
    family: 'Lee',
    birth: '1990-07-02',
    sin: '012345674',
    province: 'AB',
    lang: 'en',
    address: { line1: '808 4 Avenue SW', city: 'Calgary', provinceCode: 'AB', postalCode: 'T2P 3E8' },
  },
  {
    id: '00000000-0000-4000-8000-00000000a003',
    given: 'Harpreet',
    family: 'Singh',
    birth: '1975-11-30',
    sin: '023456783',
    province: 'BC',
    lang: 'en',
    address: { line1: '4410 Fraser Street', city: 'Vancouver', provinceCode: 'BC', postalCode: 'V5V 4G8' },
  },
  {
    id: '00000000-0000-4000-8000-00000000a004',
    given: 'Sam',
    family: 'Nguyen',
    birth: '1984-01-21',
    sin: '034567891',
    province: 'ON',
    lang: 'en',
    address: { line1: '77 Bank Street', city: 'Ottawa', provinceCode: 'ON', postalCode: 'K1P 5N2' },
  },
] as const;

/** Inserts the demonstration people if missing (development and tests; needs the jurisdictions loaded). */
export async function ensureDemoPeople(
  db: Kysely<DB>,
  crypto: Pick<FieldCrypto, 'cipher' | 'hasher'>,
): Promise<void> {
  for (const person of DEMO_PEOPLE) {
    const householdId = person.id.replace('-8000-', '-9000-');
    await db
      .insertInto('household')
      .values({ id: householdId, province_code: person.province, is_demo: true })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('person')
      .values({
        id: person.id,
        household_id: householdId,
        given_name: person.given,
        family_name: person.family,
        birth_date: person.birth,
        preferred_language: person.lang,
        marital_status: 'single',
        sin_ciphertext: crypto.cipher.encrypt(person.sin),
        sin_lookup: crypto.hasher.hash(person.sin),
        sin_last3: sinLast3(person.sin),
        is_demo: true,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The people the demonstration logins link to, when the demonstration providers run (never in production). */
export async function seedIdentityDemo(database: Database, config: Config): Promise<void> {
  if (!config.identity.builtInProviders) return;
  const crypto = createFieldCrypto(config);
  try {
    await ensureDemoPeople(database.db, crypto);
  } finally {
    await crypto.close();
  }
}
