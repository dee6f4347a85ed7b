import type { DbExecutor } from '../platform/db/schema.ts';
import type { PartnerEventKind } from './partner-events.tables.ts';

export interface Receipt {
  readonly agencyId: string;
  readonly kind: PartnerEventKind;
  readonly externalId: string;
}

/** Claims the agency's reference for this person; false when it was already received (kept once). */
export async function claimReceipt(
  db: DbExecutor,
  receipt: Receipt,
  personId: string,
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('partner_event_receipt')
    .values({
      agency_id: receipt.agencyId,
      kind: receipt.kind,
      external_id: receipt.externalId,
      person_id: personId,
      received_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('external_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The person an agency's reference was recorded against, if it was. */
export async function findReceipt(db: DbExecutor, receipt: Receipt): Promise<string | undefined> {
  const row = await db
    .selectFrom('partner_event_receipt')
    .select('person_id')
    .where('agency_id', '=', receipt.agencyId)
    .where('kind', '=', receipt.kind)
    .where('external_id', '=', receipt.externalId)
    .executeTakeFirst();
  return row?.person_id;
}
