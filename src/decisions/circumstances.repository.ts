import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { CircumstanceChangeTable } from './decisions.tables.ts';

/** Queues a change once (its source key is unique); false when it was already queued. */
export async function queueChange(
  db: DbExecutor,
  row: Insertable<CircumstanceChangeTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('circumstance_change')
    .values(row)
    .onConflict((oc) => oc.column('source_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function pendingChanges(db: DbExecutor, limit: number) {
  return db
    .selectFrom('circumstance_change')
    .select(['id', 'person_id', 'kind', 'details_cipher', sql<string>`occurred_on::text`.as('occurred')])
    .where('processed_at', 'is', null)
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

/** Claims a pending change inside the transaction that handles it: false when another process did. */
export async function claimChange(db: DbExecutor, id: string, at: Date, outcome: string): Promise<boolean> {
  const result = await db
    .updateTable('circumstance_change')
    .set({ processed_at: at, outcome })
    .where('id', '=', id)
    .where('processed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setChangeOutcome(db: DbExecutor, id: string, outcome: string): Promise<void> {
  await db.updateTable('circumstance_change').set({ outcome }).where('id', '=', id).execute();
}

export async function hasOpenEntitlement(db: DbExecutor, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolment_entitlement')
    .select('id')
    .where('person_id', '=', personId)
    .where('valid_to', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every open entitlement with the record of the decision behind it, a page at a time (the birthday sweep). */
export function openEntitlementsWithRecords(db: DbExecutor, afterId: string, limit: number) {
  return db
    .selectFrom('enrolment_entitlement as e')
    .innerJoin('decision as d', 'd.id', 'e.decision_id')
    .select([
      'e.id',
      'e.person_id',
      'e.programme_id',
      sql<string>`e.valid_from::text`.as('from'),
      'd.record_cipher',
    ])
    .where('e.valid_to', 'is', null)
    .where('e.id', '>', afterId)
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** The person's open entitlements with the record of the decision behind each. */
export function openEntitlementsOf(db: DbExecutor, personId: string) {
  return db
    .selectFrom('enrolment_entitlement as e')
    .innerJoin('decision as d', 'd.id', 'e.decision_id')
    .select([
      'e.id',
      'e.enrolment_id',
      'e.programme_id',
      'e.amount_cents',
      'e.decision_id',
      sql<string>`e.valid_from::text`.as('from'),
      'd.case_id',
      'd.record_cipher',
    ])
    .where('e.person_id', '=', personId)
    .where('e.valid_to', 'is', null)
    .execute();
}
