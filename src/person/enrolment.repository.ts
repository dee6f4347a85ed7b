import { sql } from 'kysely';
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

/** Who is enrolled in what, from when: one row of `insertEnrolments`. */
export interface EnrolmentRequest {
  readonly personId: string;
  readonly programmeId: string;
  readonly since: string;
}

/**
 * Enrols each person in each programme (an ended enrolment becomes active again) in one statement; the enrolments'
 * ids in the order asked. The (person, programme) pairs must be distinct: one statement cannot change a row twice.
 */
export async function insertEnrolments(
  db: DbExecutor,
  requests: readonly EnrolmentRequest[],
): Promise<string[]> {
  if (requests.length === 0) return [];
  const rows = await upsertEnrolments.execute(
    db,
    requests.map((r) => r.personId),
    requests.map((r) => r.programmeId),
    requests.map((r) => r.since),
  );
  const ids = new Map(rows.map((row) => [`${row.person_id} ${row.programme_id}`, row.id]));
  return requests.map((r) => {
    const id = ids.get(`${r.personId} ${r.programmeId}`);
    if (!id) throw new Error(`enrolment of ${r.personId} in ${r.programmeId} not written`);
    return id;
  });
}

// Every automated approval enrols the person (issue #15 item 10): compiled once, prepared (ADR 0013), one round
// trip for a whole batch of submissions.
const upsertEnrolments = prepareQuery(
  'person.enrol-many',
  (_q, people: readonly string[], programmes: readonly string[], since: readonly string[]) =>
    sql<{ id: string; person_id: string; programme_id: string }>`
    INSERT INTO enrolment (person_id, programme_id, status, since)
    SELECT person_id, programme_id, 'active', since
    FROM unnest(${people}::uuid[], ${programmes}::text[], ${since}::date[]) AS t(person_id, programme_id, since)
    -- A later approval makes an ended enrolment active again (migration 0910).
    ON CONFLICT (person_id, programme_id) DO UPDATE SET status = 'active', ended_on = NULL
    RETURNING id, person_id, programme_id`,
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
