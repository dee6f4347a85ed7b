import { sql } from 'kysely';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AgencyClientCopyTable } from './exchange.tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

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

/** Keeps the newest version only: an older change arriving late never overwrites a newer one. */
export async function applyCopy(
  trx: Transaction<DB>,
  row: {
    agencyId: string;
    personId: string;
    element: string;
    version: number;
    valueCiphertext: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('agency_client_copy')
    .values({
      recipient_agency_id: row.agencyId,
      person_id: row.personId,
      element: row.element,
      version: row.version,
      value_ciphertext: row.valueCiphertext,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['recipient_agency_id', 'person_id', 'element'])
        .doUpdateSet({
          version: row.version,
          value_ciphertext: row.valueCiphertext,
          updated_at: row.at,
          applied_count: sql<number>`agency_client_copy.applied_count + 1`,
        })
        .where('agency_client_copy.version', '<', row.version),
    )
    .execute();
}

export function listCopies(db: Executor, personId: string): Promise<Selectable<AgencyClientCopyTable>[]> {
  return db
    .selectFrom('agency_client_copy')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('recipient_agency_id')
    .execute();
}
