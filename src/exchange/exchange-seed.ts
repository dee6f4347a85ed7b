import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { replaceProgrammeElements, upsertAgreements } from './agreement.repository.ts';
import type { Insertable } from 'kysely';
import type { SharingAgreementTable } from './exchange.tables.ts';

type AgreementData = Omit<Insertable<SharingAgreementTable>, 'elements'> & { elements: string[] };

const DATA_DIR = new URL('./data/', import.meta.url);

/** Agreements and the elements each programme uses are data, loaded like reference data. */
export async function seedAgreements(
  db: Kysely<DB>,
  dir: URL = DATA_DIR,
): Promise<{ agreements: number; programmeElements: number }> {
  const agencies = new Set((await db.selectFrom('agency').select('id').execute()).map((a) => a.id));
  const agreements = (
    JSON.parse(readFileSync(new URL('agreements.json', dir), 'utf8')) as AgreementData[]
  ).filter((g) => agencies.has(g.provider_agency_id) && agencies.has(g.recipient_agency_id));
  const uses = JSON.parse(readFileSync(new URL('programme-elements.json', dir), 'utf8')) as Record<
    string,
    string[]
  >;
  const known = new Set((await db.selectFrom('programme').select('id').execute()).map((p) => p.id));
  const rows = Object.entries(uses)
    .filter(([programme]) => known.has(programme))
    .flatMap(([programme_id, elements]) => elements.map((element) => ({ programme_id, element })));
  await db.transaction().execute(async (trx) => {
    await upsertAgreements(
      trx,
      agreements.map((g) => ({ ...g, elements: JSON.stringify(g.elements) })),
    );
    await replaceProgrammeElements(trx, rows);
  });
  return { agreements: agreements.length, programmeElements: rows.length };
}
