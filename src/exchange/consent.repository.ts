import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Agreements that rest on the person's consent, with the recipient agency's names. */
export function listConsentAgreements(db: Executor) {
  return db
    .selectFrom('sharing_agreement as g')
    .innerJoin('agency as a', 'a.id', 'g.recipient_agency_id')
    .selectAll('g')
    .select(['a.name_en as agency_en', 'a.name_fr as agency_fr'])
    .where('g.consent_required', '=', true)
    .orderBy('a.name_en')
    .orderBy('g.id')
    .execute();
}
