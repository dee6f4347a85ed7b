import type { Insertable, Selectable, Transaction } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { AgencyTable, JurisdictionTable, ProgrammeTable } from './catalogue.tables.ts';

export type ProgrammeRow = Selectable<ProgrammeTable> & {
  agency_name_en: string;
  agency_name_fr: string;
  jurisdiction_name_en: string;
  jurisdiction_name_fr: string;
};

function programmeQuery(db: DbExecutor) {
  return db
    .selectFrom('programme')
    .innerJoin('agency', 'agency.id', 'programme.owner_agency_id')
    .innerJoin('jurisdiction', 'jurisdiction.code', 'programme.jurisdiction_code')
    .selectAll('programme')
    .select([
      'agency.name_en as agency_name_en',
      'agency.name_fr as agency_name_fr',
      'jurisdiction.name_en as jurisdiction_name_en',
      'jurisdiction.name_fr as jurisdiction_name_fr',
    ]);
}

export function listProgrammes(db: DbExecutor): Promise<ProgrammeRow[]> {
  return programmeQuery(db).orderBy('programme.sort_order').execute();
}

export function findProgrammeBySlug(
  db: DbExecutor,
  column: 'slug_en' | 'slug_fr',
  slug: string,
): Promise<ProgrammeRow | undefined> {
  return programmeQuery(db).where(`programme.${column}`, '=', slug).executeTakeFirst();
}

export function listJurisdictions(db: DbExecutor): Promise<Selectable<JurisdictionTable>[]> {
  return db.selectFrom('jurisdiction').selectAll().orderBy('sort_order').execute();
}

export function listAgencies(db: DbExecutor): Promise<Selectable<AgencyTable>[]> {
  return db.selectFrom('agency').selectAll().orderBy('jurisdiction_code').orderBy('id').execute();
}

export async function upsertJurisdictions(
  trx: Transaction<DB>,
  rows: Insertable<JurisdictionTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('jurisdiction')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        name_en: eb.ref('excluded.name_en'),
        name_fr: eb.ref('excluded.name_fr'),
        abbreviation_en: eb.ref('excluded.abbreviation_en'),
        abbreviation_fr: eb.ref('excluded.abbreviation_fr'),
        sort_order: eb.ref('excluded.sort_order'),
      })),
    )
    .execute();
}

export async function upsertAgencies(trx: Transaction<DB>, rows: Insertable<AgencyTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('agency')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => excludedColumns(eb, Object.keys(rows[0] ?? {}), 'id')),
    )
    .execute();
}

export async function upsertProgrammes(
  trx: Transaction<DB>,
  rows: Insertable<ProgrammeTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('programme')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => excludedColumns(eb, Object.keys(rows[0] ?? {}), 'id')),
    )
    .execute();
}

// Builds `{ column: excluded.column }` for every column but the key, for an idempotent re-seed.
function excludedColumns(eb: { ref(ref: string): unknown }, columns: string[], key: string): never {
  return Object.fromEntries(
    columns.filter((c) => c !== key).map((c) => [c, eb.ref(`excluded.${c}`)]),
  ) as never;
}
