import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';

/** A person's enrolments with each programme's names (catalogue reference data) in its display order. */
export function listEnrolmentsForPerson(db: DbExecutor, personId: string) {
  return enrolmentsForPerson.execute(db, personId);
}

// Read by My Guichet's cards: compiled once, prepared (ADR 0013).
const enrolmentsForPerson = prepareQuery('person.enrolments', (q, personId: string) =>
  q
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select([
      'e.id',
      'e.programme_id',
      'e.status',
      'e.since',
      'e.ended_on',
      'p.name_en',
      'p.name_fr',
      'p.owner_agency_id',
    ])
    .where('e.person_id', '=', personId)
    .orderBy('p.sort_order'),
);

/** Active enrolments of the person in any of these programmes. */
export function listActiveEnrolmentsIn(
  db: DbExecutor,
  personId: string,
  programmeIds: readonly string[],
): Promise<{ id: string; programme_id: string }[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolment')
    .select(['id', 'programme_id'])
    .where('person_id', '=', personId)
    .where('status', '=', 'active')
    .where('programme_id', 'in', programmeIds)
    .execute();
}

export async function insertEnrolment(
  db: DbExecutor,
  personId: string,
  programmeId: string,
  since: string,
): Promise<string> {
  const row = await upsertEnrolment.executeTakeFirst(db, personId, programmeId, since);
  if (!row) throw new Error(`enrolment of ${personId} in ${programmeId} not written`);
  return row.id;
}

// Every automated approval enrols the person (issue #15 item 10): compiled once, prepared (ADR 0013).
const upsertEnrolment = prepareQuery(
  'person.enrol',
  (q, personId: string, programmeId: string, since: string) =>
    q
      .insertInto('enrolment')
      .values({ person_id: personId, programme_id: programmeId, status: 'active', since })
      .onConflict((oc) =>
        // A later approval makes an ended enrolment active again (migration 0910).
        oc.columns(['person_id', 'programme_id']).doUpdateSet({ status: 'active', ended_on: null }),
      )
      .returning('id'),
);

/** The demonstration's active enrolments in these programmes (seeded, `is_demo`), by person. */
export function listActiveDemoEnrolments(
  db: DbExecutor,
  programmeIds: readonly string[],
): Promise<{ id: string; person_id: string; programme_id: string }[]> {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolment')
    .select(['id', 'person_id', 'programme_id'])
    .where('is_demo', '=', true)
    .where('status', '=', 'active')
    .where('programme_id', 'in', programmeIds)
    .orderBy('person_id')
    .orderBy('programme_id')
    .execute();
}

/** Ends the enrolment: `endedOn` is the last day its benefit is paid for. Returns its id, or null if none. */
export async function endEnrolment(
  db: DbExecutor,
  personId: string,
  programmeId: string,
  endedOn: string,
): Promise<string | null> {
  const row = await db
    .updateTable('enrolment')
    .set({ status: 'ended', ended_on: endedOn })
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
