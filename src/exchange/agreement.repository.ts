import type { Insertable, Selectable } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { SharingAgreementTable } from './exchange.tables.ts';

export type AgreementRow = Selectable<SharingAgreementTable>;

export function listAgreements(db: DbExecutor): Promise<AgreementRow[]> {
  return db.selectFrom('sharing_agreement').selectAll().orderBy('id').execute();
}

export async function upsertAgreements(
  db: DbExecutor,
  rows: Insertable<SharingAgreementTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('sharing_agreement')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        elements: eb.ref('excluded.elements'),
        scope: eb.ref('excluded.scope'),
        purpose_en: eb.ref('excluded.purpose_en'),
        purpose_fr: eb.ref('excluded.purpose_fr'),
        legal_authority_en: eb.ref('excluded.legal_authority_en'),
        legal_authority_fr: eb.ref('excluded.legal_authority_fr'),
        consent_required: eb.ref('excluded.consent_required'),
        retention_years: eb.ref('excluded.retention_years'),
        expires_on: eb.ref('excluded.expires_on'),
      })),
    )
    .execute();
}

export async function replaceProgrammeElements(
  db: DbExecutor,
  rows: { programme_id: string; element: string }[],
): Promise<void> {
  await db.deleteFrom('programme_element_use').execute();
  if (rows.length > 0) await db.insertInto('programme_element_use').values(rows).execute();
}

/** The programmes that use an element, with the agency that runs each (catalogue reference data). */
export function listProgrammesUsing(db: DbExecutor, element: string) {
  return db
    .selectFrom('programme_element_use as u')
    .innerJoin('programme as p', 'p.id', 'u.programme_id')
    .select(['u.programme_id', 'p.owner_agency_id'])
    .where('u.element', '=', element)
    .execute();
}
