import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Insertable, Selectable, Transaction } from 'kysely';
import { prepareQuery } from '../platform/db/prepared.ts';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type {
  RegistryAddressTable,
  RegistryChangeTable,
  RegistryContactTable,
  RegistryDirectDepositTable,
  RegistryPersonStatusTable,
} from './person.tables.ts';
import type { PersonTable } from './person.tables.ts';

export type PersonRow = Selectable<PersonTable>;
export type StatusRow = Selectable<RegistryPersonStatusTable>;
export type AddressRow = Selectable<RegistryAddressTable>;
export type ContactRow = Selectable<RegistryContactTable>;
export type DirectDepositRow = Selectable<RegistryDirectDepositTable>;
export type ChangeRow = Selectable<RegistryChangeTable>;

export function findPerson(db: DbExecutor, personId: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
}

export function findPersonIdBySinLookup(db: DbExecutor, lookup: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('person').select('id').where('sin_lookup', '=', lookup).executeTakeFirst();
}

/** Locks the person's status row (creating it on first change) so versions are numbered without gaps. */
export async function lockStatus(trx: Transaction<DB>, personId: string): Promise<StatusRow> {
  await trx
    .insertInto('registry_person_status')
    .values({ person_id: personId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return trx
    .selectFrom('registry_person_status')
    .selectAll()
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function findStatus(db: DbExecutor, personId: string): Promise<StatusRow | undefined> {
  return db
    .selectFrom('registry_person_status')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function bumpVersion(
  trx: Transaction<DB>,
  personId: string,
  version: number,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('registry_person_status')
    .set({ version, last_administrative_use_at: at })
    .where('person_id', '=', personId)
    .execute();
}

export async function updateStatus(
  trx: Transaction<DB>,
  personId: string,
  values: Partial<
    Pick<Insertable<RegistryPersonStatusTable>, 'life_status' | 'date_of_death' | 'residence_status'>
  >,
): Promise<void> {
  await trx.updateTable('registry_person_status').set(values).where('person_id', '=', personId).execute();
}

export async function updatePerson(
  trx: Transaction<DB>,
  personId: string,
  values: Partial<Pick<PersonRow, 'marital_status' | 'preferred_language' | 'given_name' | 'family_name'>>,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('person')
    .set({ ...values, updated_at: at })
    .where('id', '=', personId)
    .execute();
}

function addressesQuery(db: DbExecutor, personId: string) {
  return db
    .selectFrom('registry_address')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc');
}

/** The province of the person's home address in effect on `today`, else their household's (no decryption). */
export async function findProvinceOfPerson(
  db: DbExecutor,
  personId: string,
  today: string,
): Promise<string | null> {
  const home = await db
    .selectFrom('registry_address')
    .select('province_code')
    .where('person_id', '=', personId)
    .where('kind', '=', 'residential')
    .where(
      sql<boolean>`effective_from <= ${today}::date and (effective_to is null or effective_to >= ${today}::date)`,
    )
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (home) return home.province_code;
  const household = await db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select('h.province_code')
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return household?.province_code ?? null;
}

export function listAddresses(db: DbExecutor, personId: string): Promise<AddressRow[]> {
  return addressesQuery(db, personId).execute();
}

/** The new address takes effect on its date; the previous current one of the same kind ends the day before. */
export async function insertAddress(
  trx: Transaction<DB>,
  row: Insertable<RegistryAddressTable>,
): Promise<void> {
  await trx
    .updateTable('registry_address')
    .set({ effective_to: sql<string>`${row.effective_from}::date - 1` })
    .where('person_id', '=', row.person_id)
    .where('kind', '=', row.kind)
    .where('effective_to', 'is', null)
    .where('effective_from', '<', sql<Date>`${row.effective_from}::date`)
    .execute();
  await trx.insertInto('registry_address').values(row).execute();
}

export function findContact(db: DbExecutor, personId: string): Promise<ContactRow | undefined> {
  return db.selectFrom('registry_contact').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function upsertContact(
  trx: Transaction<DB>,
  row: Insertable<RegistryContactTable>,
): Promise<void> {
  const { person_id: _personId, ...update } = row;
  await trx
    .insertInto('registry_contact')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(update))
    .execute();
}

export function findDirectDeposit(db: DbExecutor, personId: string): Promise<DirectDepositRow | undefined> {
  return db
    .selectFrom('registry_direct_deposit')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function upsertDirectDeposit(
  trx: Transaction<DB>,
  row: Insertable<RegistryDirectDepositTable>,
): Promise<void> {
  const { person_id: _personId, ...update } = row;
  await trx
    .insertInto('registry_direct_deposit')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(update))
    .execute();
}

export async function insertChange(
  trx: Transaction<DB>,
  row: Insertable<RegistryChangeTable>,
): Promise<string> {
  const inserted = await trx
    .insertInto('registry_change')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

const changesQuery = (q: DbExecutor, personId: string, limit: number) =>
  q
    .selectFrom('registry_change')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('version', 'desc')
    .limit(limit);

const changes = prepareQuery('person.changes', changesQuery);

export function listChanges(db: DbExecutor, personId: string, limit = 100): Promise<ChangeRow[]> {
  return changes.execute(db, personId, limit);
}

/** The person's latest change of this element that has a reference (their last confirmation page). */
export function findLatestReferencedChange(
  db: DbExecutor,
  personId: string,
  element: string,
): Promise<ChangeRow | undefined> {
  return db
    .selectFrom('registry_change')
    .selectAll()
    .where('person_id', '=', personId)
    .where('element', '=', element)
    .where('reference', 'is not', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findChange(
  db: DbExecutor,
  personId: string,
  changeId: string,
): Promise<ChangeRow | undefined> {
  return db
    .selectFrom('registry_change')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', changeId)
    .executeTakeFirst();
}

/** The SIN as stored: its ciphertext, look-up hash and the last three digits a masked SIN shows. */
export interface StoredSin {
  ciphertext: string;
  lookup: string;
  last3: string;
}

export async function updateSin(
  trx: Transaction<DB>,
  personId: string,
  sin: StoredSin,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('person')
    .set({ sin_ciphertext: sin.ciphertext, sin_lookup: sin.lookup, sin_last3: sin.last3, updated_at: at })
    .where('id', '=', personId)
    .execute();
}

/**
 * The person with status, contact and direct deposit in one row (left joins: each may be missing). Only the
 * columns the profile shows: every column costs row parsing on each page (issue #12), and the birth date comes
 * as text, so it is neither parsed into a Date nor shifted by the server's time zone.
 */
function recordQuery(db: DbExecutor, personId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('registry_person_status as s', 's.person_id', 'p.id')
    .leftJoin('registry_contact as c', 'c.person_id', 'p.id')
    .leftJoin('registry_direct_deposit as d', 'd.person_id', 'p.id')
    .select(['p.given_name', 'p.family_name', 'p.preferred_language', 'p.marital_status'])
    .select(['p.sin_ciphertext', 'p.sin_last3'])
    .select(sql<string>`to_char(p.birth_date, 'YYYY-MM-DD')`.as('birth_date'))
    .select(['s.life_status', 's.date_of_death', 's.residence_status', 's.version'])
    .select(['c.email', 'c.phone', 'c.preferred_channel', 'c.accessibility_needs', 'c.alternate_formats'])
    .select(['d.details_ciphertext', 'd.institution', 'd.transit', 'd.account_last3'])
    .where('p.id', '=', personId);
}

/**
 * A person's whole record (status, contact, deposit, addresses, relationships) in one round trip: "My
 * profile" and the staff view read it far more often than it changes. Dates inside the two JSON arrays
 * arrive as ISO strings, whatever their column types say.
 */
export function findRecordWithHistory(db: DbExecutor, personId: string) {
  return recordWithHistory.executeTakeFirst(db, personId);
}

// The profile's one statement, compiled once and prepared (ADR 0013).
const recordWithHistory = prepareQuery('person.record-with-history', (q, personId: string) =>
  recordQuery(q, personId).select([
    jsonArrayFrom(addressesQuery(q, personId)).as('addresses'),
    jsonArrayFrom(relationshipsQuery(q, personId)).as('relationships'),
  ]),
);

/**
 * The record as `findRecordWithHistory` reads it and its latest changes, newest first, in one round trip: My
 * profile and the staff record show both. `occurred_at` inside the changes arrives as an ISO string.
 */
export function findRecordWithChanges(db: DbExecutor, personId: string, limit: number) {
  return recordWithChanges.executeTakeFirst(db, personId, limit);
}

const recordWithChanges = prepareQuery('person.record-with-changes', (q, personId: string, limit: number) =>
  recordQuery(q, personId).select([
    jsonArrayFrom(addressesQuery(q, personId)).as('addresses'),
    jsonArrayFrom(relationshipsQuery(q, personId)).as('relationships'),
    jsonArrayFrom(changesQuery(q, personId, limit)).as('changes'),
  ]),
);

/** Relationships seen from either side, with the other person's name. */
function relationshipsQuery(db: DbExecutor, personId: string) {
  return db
    .selectFrom('person_relationship as r')
    .innerJoin('person as p', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('r.person_id', '=', personId), eb('p.id', '=', eb.ref('r.related_person_id'))]),
          eb.and([eb('r.related_person_id', '=', personId), eb('p.id', '=', eb.ref('r.person_id'))]),
        ]),
      ),
    )
    .leftJoin('registry_relationship_end as x', (join) =>
      join
        .onRef('x.person_id', '=', 'r.person_id')
        .onRef('x.related_person_id', '=', 'r.related_person_id')
        .onRef('x.kind', '=', 'r.kind'),
    )
    .select([
      'r.person_id',
      'r.kind',
      'r.since',
      // numeric as text, so 0.50 stays "0.50" inside JSON as it does from a plain query
      sql<string | null>`r.custody_share::text`.as('custody_share'),
      'p.id',
      'p.given_name',
      'p.family_name',
      'x.ended_on',
    ])
    .where((eb) => eb.or([eb('r.person_id', '=', personId), eb('r.related_person_id', '=', personId)]));
}

/** Ends a couple relationship stored from either side; returns false when there is none to end. */
export async function endRelationship(
  trx: Transaction<DB>,
  personId: string,
  partnerId: string,
  endedOn: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('person_relationship')
    .select(['person_id', 'related_person_id', 'kind'])
    .where('kind', 'in', ['spouse', 'common-law-partner'])
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', personId), eb('related_person_id', '=', partnerId)]),
        eb.and([eb('person_id', '=', partnerId), eb('related_person_id', '=', personId)]),
      ]),
    )
    .executeTakeFirst();
  if (!row) return false;
  await trx
    .insertInto('registry_relationship_end')
    .values({ ...row, ended_on: endedOn })
    .onConflict((oc) =>
      oc.columns(['person_id', 'related_person_id', 'kind']).doUpdateSet({ ended_on: endedOn }),
    )
    .execute();
  return true;
}
