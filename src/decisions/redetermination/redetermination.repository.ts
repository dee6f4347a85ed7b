import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { DecisionTable, EnrolmentEntitlementTable } from '../decisions.tables.ts';
import './redetermination.tables.ts';

export function findRun(db: DbExecutor, year: number) {
  return db.selectFrom('redetermination_run').selectAll().where('benefit_year', '=', year).executeTakeFirst();
}

/** Creates the year's run unless it exists; true when created. */
export async function createRun(db: DbExecutor, year: number, total: number): Promise<boolean> {
  const inserted = await db
    .insertInto('redetermination_run')
    .values({ benefit_year: year, resume_after: null, persons_total: total })
    .onConflict((conflict) => conflict.column('benefit_year').doNothing())
    .returning('benefit_year')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Everyone with an income-tested entitlement in force on the first day of the benefit year. One that starts
 * later was decided on newer facts already (re-rating it from July would erase it).
 */
function peopleQuery(db: DbExecutor, programmes: readonly string[], from: string) {
  return db
    .selectFrom('enrolment_entitlement')
    .where('programme_id', 'in', [...programmes])
    .where('valid_from', '<=', from)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
}

export async function countPeople(
  db: DbExecutor,
  programmes: readonly string[],
  from: string,
): Promise<number> {
  const row = await peopleQuery(db, programmes, from)
    .select((eb) => eb.fn.count<string>('person_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A schedule row of a page of people, with the case its decision belongs to (a new decision joins it). */
export interface PageRow {
  readonly id: string;
  readonly enrolment_id: string;
  readonly person_id: string;
  readonly programme_id: string;
  readonly valid_from: string;
  readonly valid_to: string | null;
  readonly amount_cents: string | number;
  readonly period_kind: 'month' | 'biweekly';
  readonly decision_id: string;
  readonly case_id: string | null;
}

/**
 * The next `limit` people after `after` (person-id order) who have an income-tested entitlement in force on
 * `from`, with every income-tested schedule row of theirs still in force the day before: one statement per
 * page; what is open is re-evaluated, and the rest says what the letter compares.
 */
export async function pageOf(
  db: DbExecutor,
  programmes: readonly string[],
  from: string,
  after: string | null,
  limit: number,
): Promise<PageRow[]> {
  const result = await sql<PageRow>`WITH people AS (
      SELECT DISTINCT person_id FROM enrolment_entitlement
      WHERE programme_id = ANY(${programmes}::text[]) AND valid_from <= ${from}::date
        AND (valid_to IS NULL OR valid_to >= ${from}::date)
        AND (${after}::uuid IS NULL OR person_id > ${after}::uuid)
      ORDER BY person_id LIMIT ${limit})
    SELECT e.id, e.enrolment_id, e.person_id, e.programme_id, e.valid_from::text AS valid_from,
      e.valid_to::text AS valid_to, e.amount_cents, e.period_kind, e.decision_id, d.case_id
    FROM people p JOIN enrolment_entitlement e ON e.person_id = p.person_id
    LEFT JOIN decision d ON d.id = e.decision_id
    WHERE e.programme_id = ANY(${programmes}::text[])
      AND (e.valid_to IS NULL OR e.valid_to >= ${from}::date - 1)
    ORDER BY e.person_id, e.programme_id, e.valid_from`.execute(db);
  return result.rows;
}

/** An open period ended the day before `from` (and anything from `from` on removed): a new amount starts. */
export interface Closing {
  readonly enrolmentId: string;
  readonly from: string;
}

/** `closeEntitlementsFrom` for a whole page: two statements whatever the number of enrolments. */
export async function closeFrom(db: DbExecutor, closings: readonly Closing[]): Promise<void> {
  if (closings.length === 0) return;
  const ids = closings.map((c) => c.enrolmentId);
  const froms = closings.map((c) => c.from);
  await sql`DELETE FROM enrolment_entitlement e USING unnest(${ids}::uuid[], ${froms}::date[]) AS c(id, day)
    WHERE e.enrolment_id = c.id AND e.valid_from >= c.day`.execute(db);
  await sql`UPDATE enrolment_entitlement e SET valid_to = c.day - 1
    FROM unnest(${ids}::uuid[], ${froms}::date[]) AS c(id, day)
    WHERE e.enrolment_id = c.id AND (e.valid_to IS NULL OR e.valid_to >= c.day)`.execute(db);
}

/** Rows per multi-row insert: well under PostgreSQL's 65,535 parameters for the widest table here. */
const CHUNK = 1_000;

export async function insertDecisions(
  db: DbExecutor,
  rows: readonly Insertable<DecisionTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('decision')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function insertEntitlements(
  db: DbExecutor,
  rows: readonly Insertable<EnrolmentEntitlementTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('enrolment_entitlement')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export interface QueuedLetter {
  readonly personId: string;
  readonly changes: readonly unknown[];
  readonly review: boolean;
}

/** The page's letters, in its transaction; a person already queued this year keeps their first letter. */
export async function queueLetters(
  db: DbExecutor,
  year: number,
  letters: readonly QueuedLetter[],
): Promise<void> {
  if (letters.length === 0) return;
  const people = letters.map((l) => l.personId);
  const changes = letters.map((l) => JSON.stringify(l.changes));
  const review = letters.map((l) => l.review);
  await sql`INSERT INTO redetermination_letter (benefit_year, person_id, changes, review)
    SELECT ${year}::integer, * FROM unnest(${people}::uuid[], ${changes}::jsonb[], ${review}::boolean[])
    ON CONFLICT (benefit_year, person_id) DO NOTHING`.execute(db);
}

/** Letters written and not yet delivered, in person order after `after`. */
export function lettersDue(db: DbExecutor, year: number, after: string | null, limit: number) {
  let query = db
    .selectFrom('redetermination_letter')
    .select(['person_id', 'changes', 'review'])
    .where('benefit_year', '=', year)
    .where('sent_at', 'is', null)
    .orderBy('person_id')
    .limit(limit);
  if (after !== null) query = query.where('person_id', '>', after);
  return query.execute();
}

export async function markLettersSent(
  db: DbExecutor,
  year: number,
  personIds: readonly string[],
  at: Date,
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .updateTable('redetermination_letter')
    .set({ sent_at: at })
    .where('benefit_year', '=', year)
    .where('person_id', '=', sql<string>`ANY(${personIds}::uuid[])`)
    .execute();
}

/** Moves the cursor after a batch, unless another process moved it first; true when moved. */
export async function advance(
  db: DbExecutor,
  year: number,
  previous: string | null,
  step: { last: string; done: number; changed: number; unchanged: number; review: number },
): Promise<boolean> {
  const result = await db
    .updateTable('redetermination_run')
    .set((eb) => ({
      resume_after: step.last,
      persons_done: eb('persons_done', '+', step.done),
      changed: eb('changed', '+', step.changed),
      unchanged: eb('unchanged', '+', step.unchanged),
      needs_review: eb('needs_review', '+', step.review),
    }))
    .where('benefit_year', '=', year)
    .where('status', '=', 'running')
    .where(sql<boolean>`resume_after IS NOT DISTINCT FROM ${previous}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finish(db: DbExecutor, year: number, at: Date): Promise<void> {
  await db
    .updateTable('redetermination_run')
    .set({ status: 'done', finished_at: at })
    .where('benefit_year', '=', year)
    .execute();
}
