import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';

/** Of these people, those with an access or correction request still open: their records are held. */
export async function findPeopleWithOpenRequests(
  db: DbExecutor,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('privacy_request')
    .select('person_id')
    .where('person_id', 'in', personIds)
    .where('closed_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

export async function openPrivacyRequest(
  db: DbExecutor,
  personId: string,
  kind: 'access' | 'correction',
  at: Date,
): Promise<string> {
  return (
    await db
      .insertInto('privacy_request')
      .values({ person_id: personId, kind, opened_at: at, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function closePrivacyRequest(db: DbExecutor, requestId: string, at: Date): Promise<void> {
  await db.updateTable('privacy_request').set({ closed_at: at }).where('id', '=', requestId).execute();
}

const agencyNames = prepareQuery('privacy.agency-names', (q) =>
  q.selectFrom('agency').select(['id', 'name_en', 'name_fr']),
);

export function listAgencyNames(db: DbExecutor) {
  return agencyNames.execute(db);
}
