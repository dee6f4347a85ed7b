import { sql } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';

/** Name, language and contact points of many people in one statement (no encrypted column among them). */
export function findContactRows(db: DbExecutor, personIds: readonly string[]) {
  return db
    .selectFrom('person as p')
    .leftJoin('registry_contact as c', 'c.person_id', 'p.id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_language'])
    .select(['c.email', 'c.phone', 'c.preferred_channel', 'c.accessibility_needs', 'c.alternate_formats'])
    .where('p.id', 'in', [...personIds])
    .execute();
}

/** Their addresses, each person's newest first (as the profile lists them). */
export function findAddressRows(db: DbExecutor, personIds: readonly string[]) {
  return db
    .selectFrom('registry_address')
    .select(['id', 'person_id', 'kind', 'line1', 'line2', 'city', 'province_code', 'postal_code'])
    .select(sql<string>`to_char(effective_from, 'YYYY-MM-DD')`.as('effective_from'))
    .select(sql<string | null>`to_char(effective_to, 'YYYY-MM-DD')`.as('effective_to'))
    .where('person_id', 'in', [...personIds])
    .orderBy('person_id')
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
