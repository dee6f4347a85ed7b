import { sql } from 'kysely';
import type { Selectable, Transaction } from 'kysely';
import type { DB, DbExecutor } from '../../platform/db/schema.ts';
import type { AgencyClientCopyTable } from './agency.tables.ts';

/** True the first time this agency sees this delivery; false on a redelivery. */
export async function recordReceipt(
  trx: Transaction<DB>,
  agencyId: string,
  deliveryId: string,
  at: Date,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('agency_receipt')
    .values({ recipient_agency_id: agencyId, delivery_id: deliveryId, applied_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('delivery_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Batch form of `recordReceipt`: the delivery ids this agency had not seen before. */
export async function recordReceipts(
  trx: Transaction<DB>,
  agencyId: string,
  deliveryIds: readonly string[],
  at: Date,
): Promise<Set<string>> {
  if (deliveryIds.length === 0) return new Set();
  const rows = await trx
    .insertInto('agency_receipt')
    .values(deliveryIds.map((id) => ({ recipient_agency_id: agencyId, delivery_id: id, applied_at: at })))
    .onConflict((oc) => oc.doNothing())
    .returning('delivery_id')
    .execute();
  return new Set(rows.map((row) => row.delivery_id));
}

export interface CopyRow {
  agencyId: string;
  personId: string;
  element: string;
  version: number;
  valueCiphertext: string;
  at: Date;
}

/** Keeps the newest version only: an older change arriving late never overwrites a newer one. */
export function applyCopy(trx: Transaction<DB>, row: CopyRow): Promise<void> {
  return applyCopies(trx, [row]);
}

/**
 * `applyCopy` for many rows in as few statements as possible. One upsert cannot touch the same row twice,
 * so rows are applied in rounds: the oldest version of each (agency, person, element) first, then the
 * next, and so on; almost every batch is a single round. Each version is applied exactly as if alone.
 */
export async function applyCopies(trx: Transaction<DB>, rows: readonly CopyRow[]): Promise<void> {
  for (const round of roundsByKey(rows)) {
    await trx
      .insertInto('agency_client_copy')
      .values(
        round.map((row) => ({
          recipient_agency_id: row.agencyId,
          person_id: row.personId,
          element: row.element,
          version: row.version,
          value_ciphertext: row.valueCiphertext,
          updated_at: row.at,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['recipient_agency_id', 'person_id', 'element'])
          .doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            value_ciphertext: eb.ref('excluded.value_ciphertext'),
            updated_at: eb.ref('excluded.updated_at'),
            applied_count: sql<number>`agency_client_copy.applied_count + 1`,
          }))
          .where('agency_client_copy.version', '<', (eb) => eb.ref('excluded.version')),
      )
      .execute();
  }
}

function roundsByKey(rows: readonly CopyRow[]): CopyRow[][] {
  const ordered = [...rows].sort((a, b) => a.version - b.version);
  const seen = new Map<string, number>();
  const rounds: CopyRow[][] = [];
  for (const row of ordered) {
    const key = `${row.agencyId}\u0000${row.personId}\u0000${row.element}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return rounds;
}

export function listCopies(db: DbExecutor, personId: string): Promise<Selectable<AgencyClientCopyTable>[]> {
  return db
    .selectFrom('agency_client_copy')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recipient_agency_id')
    .execute();
}
