import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Database } from '../platform/db/database.ts';
import { checkSin } from '../person/index.ts';
import { generatePopulation } from './population-generator.ts';
import {
  countPeople,
  countPopulationRows,
  findPersonIdBySinLookup,
  hasPopulation,
} from './population.repository.ts';
import { PopulationNotEmptyError, seedPopulation } from './population-seeder.ts';

const crypto = createFieldCrypto(
  { encryptionKeys: [{ id: 'test1', key: randomBytes(32) }], lookupHashKey: randomBytes(32) },
  { threads: 1 },
);
after(() => crypto.close());

const JURISDICTIONS = ['CA', 'NL', 'PE', 'NS', 'NB', 'QC', 'ON', 'MB', 'SK', 'AB', 'BC', 'YT', 'NT', 'NU'];

// Reference data belongs to the catalogue; only the codes matter to the population's foreign key.
async function ensureJurisdictions(database: Database): Promise<void> {
  for (const code of JURISDICTIONS) {
    const kind = code === 'CA' ? 'federal' : ['YT', 'NT', 'NU'].includes(code) ? 'territory' : 'province';
    await sql`INSERT INTO jurisdiction (code, kind, name_en, name_fr, abbreviation_en, abbreviation_fr)
      VALUES (${code}, ${kind}, ${code}, ${code}, ${code}, ${code}) ON CONFLICT (code) DO NOTHING`.execute(
      database.db,
    );
  }
}

async function countPopulationForeignKeys(database: Database): Promise<number> {
  const keys = await sql<{ conname: string }>`SELECT conname FROM pg_constraint WHERE contype = 'f'
    AND conrelid IN (to_regclass('household'), to_regclass('person'), to_regclass('person_relationship'),
      to_regclass('person_income'))
    AND conname LIKE '%\\_fk'`.execute(database.db);
  return keys.rows.length;
}

// Every key, index and foreign key on the population tables or pointing into them, as PostgreSQL prints it.
async function describeKeysAndIndexes(database: Database): Promise<string[]> {
  const found = await sql<{ definition: string }>`WITH population AS (
      SELECT to_regclass(name) AS relid
      FROM unnest(ARRAY['household', 'person', 'person_relationship', 'person_income']) AS name
    )
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE conrelid IN (SELECT relid FROM population)
        OR confrelid IN (SELECT relid FROM population)
    UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid IN (SELECT relid FROM population)
    ORDER BY 1`.execute(database.db);
  return found.rows.map((row) => row.definition);
}

describeOnBothDatabases('seedPopulation', (database) => {
  const options = { people: 2_000, seed: 11 };
  const expected = generatePopulation(options);
  let keysAndIndexes: string[] = [];

  it('starts empty', async () => {
    keysAndIndexes = await describeKeysAndIndexes(database());
    assert.ok(keysAndIndexes.some((definition) => definition.includes('sin_lookup')));
    await ensureJurisdictions(database());
    assert.equal(await hasPopulation(database().db), false);
    assert.equal(await countPeople(database().db), 0);
  });

  it('loads every household, person, relationship and income', async () => {
    const result = await seedPopulation(database(), crypto, options);
    const counts = {
      household: expected.households.length,
      person: 2_000,
      person_relationship: expected.relationships.length,
      person_income: expected.incomes.length,
    };
    assert.deepEqual(await countPopulationRows(database().db), counts);
    assert.deepEqual(
      { ...result, milliseconds: 0 },
      {
        households: counts.household,
        people: 2_000,
        relationships: counts.person_relationship,
        incomes: counts.person_income,
        milliseconds: 0,
      },
    );
    assert.equal(await hasPopulation(database().db), true);
  });

  it('loads exactly the people, relationships and incomes the generator gives for the seed', async () => {
    const { rows: people } = await sql<{ row: string }>`SELECT concat_ws('|', id, household_id, given_name,
      family_name, birth_date, preferred_language, marital_status, (sin_lookup IS NOT NULL)::text,
      years_in_canada_after_18, disability::text, is_demo::text) AS row FROM person ORDER BY id`.execute(
      database().db,
    );
    assert.deepEqual(
      people.map(({ row }) => row),
      [...expected.people]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((person) =>
          [
            person.id,
            person.householdId,
            person.givenName,
            person.familyName,
            person.birthDate,
            person.preferredLanguage,
            person.maritalStatus,
            person.sin !== null,
            person.yearsInCanadaAfter18,
            person.disability,
            true,
          ].join('|'),
        ),
    );
    const { rows: relationships } = await sql<{ row: string }>`SELECT concat_ws('|', person_id,
      related_person_id, kind, coalesce(since::text, '-'), coalesce(custody_share::text, '-')) AS row
      FROM person_relationship ORDER BY 1`.execute(database().db);
    assert.deepEqual(
      relationships.map(({ row }) => row),
      expected.relationships
        .map((relation) =>
          [
            relation.personId,
            relation.relatedPersonId,
            relation.kind,
            relation.since ?? '-',
            relation.custodyShare?.toFixed(2) ?? '-',
          ].join('|'),
        )
        .sort(),
    );
    const { rows: incomes } = await sql<{ row: string }>`SELECT concat_ws('|', person_id, tax_year,
      income_type) AS row FROM person_income ORDER BY 1`.execute(database().db);
    assert.deepEqual(
      incomes.map(({ row }) => row),
      expected.incomes.map((income) => [income.personId, income.taxYear, income.incomeType].join('|')).sort(),
    );
  });

  it('stores SINs and incomes encrypted, readable with the key and found by look-up hash', async () => {
    const sample = expected.people.find((person) => person.sin !== null && person.givenName.includes('é'));
    assert.ok(sample?.sin);
    const row = await database()
      .db.selectFrom('person')
      .selectAll()
      .where('id', '=', sample.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.given_name, sample.givenName);
    const ciphertext = row.sin_ciphertext ?? '';
    assert.match(ciphertext, /^v1\.test1\./);
    assert.ok(!ciphertext.includes(sample.sin));
    assert.equal(crypto.cipher.decrypt(ciphertext), sample.sin);
    assert.ok(checkSin(crypto.cipher.decrypt(ciphertext)).ok);
    assert.equal(await findPersonIdBySinLookup(database().db, crypto.hasher.hash(sample.sin)), sample.id);
    const income = await database()
      .db.selectFrom('person_income')
      .selectAll()
      .limit(1)
      .executeTakeFirstOrThrow();
    const original = expected.incomes.find(
      (item) => item.personId === income.person_id && item.incomeType === income.income_type,
    );
    assert.equal(crypto.cipher.decrypt(income.amount_ciphertext), String(original?.amountCents));
  });

  it('restores every key, index and foreign key it lifted for the load', async () => {
    assert.deepEqual(await describeKeysAndIndexes(database()), keysAndIndexes);
    assert.equal(await countPopulationForeignKeys(database()), 5);
    await assert.rejects(
      database()
        .db.insertInto('person_income')
        .values({
          person_id: '00000000-0000-4000-8000-000000000000',
          tax_year: 2025,
          income_type: 'gis',
          amount_ciphertext: 'x',
        })
        .execute(),
    );
  });

  it('refuses a register that already has people', async () => {
    await assert.rejects(
      seedPopulation(database(), crypto, { people: 300, seed: 12 }),
      PopulationNotEmptyError,
    );
    assert.equal(await countPeople(database().db), 2_000);
  });
});

describeOnBothDatabases('seedPopulation started twice at once', (database) => {
  it('lets the first fill the register and refuses the second', async () => {
    await ensureJurisdictions(database());
    const outcomes = await Promise.allSettled([
      seedPopulation(database(), crypto, { people: 200, seed: 21 }),
      seedPopulation(database(), crypto, { people: 300, seed: 22 }),
    ]);
    const [first, second] = outcomes;
    assert.equal(first?.status, 'fulfilled');
    assert.ok(second?.status === 'rejected' && second.reason instanceof PopulationNotEmptyError);
    assert.equal(await countPeople(database().db), 200);
    assert.equal(await countPopulationForeignKeys(database()), 5);
  });
});

describeOnBothDatabases('seedPopulation after a failed load', (database) => {
  it('removes what it loaded and restores the keys and indexes', async () => {
    await ensureJurisdictions(database());
    const failingIncomes: Database = {
      ...database(),
      withCopySession: (work) =>
        database().withCopySession((session) =>
          work({
            ...session,
            copyIn: (copy) =>
              copy.table === 'person_income' ? Promise.reject(new Error('disk full')) : session.copyIn(copy),
          }),
        ),
    };
    const keysAndIndexes = await describeKeysAndIndexes(database());
    await assert.rejects(seedPopulation(failingIncomes, crypto, { people: 500, seed: 3 }), /disk full/);
    assert.deepEqual(await describeKeysAndIndexes(database()), keysAndIndexes);
    assert.deepEqual(await countPopulationRows(database().db), {
      household: 0,
      person: 0,
      person_relationship: 0,
      person_income: 0,
    });
    assert.equal(await countPopulationForeignKeys(database()), 5);
    const result = await seedPopulation(database(), crypto, { people: 500, seed: 3 });
    assert.equal(result.people, 500);
  });
});
