import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import { prepareQuery } from '../platform/db/prepared.ts';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { DecisionCaseTable, DecisionTable, EnrolmentEntitlementTable } from './decisions.tables.ts';

export function findCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('decision_case').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/** The case, locked for a change (PostgreSQL; PGlite has one connection). */
export function lockCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('decision_case').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export async function insertCase(db: DbExecutor, row: Insertable<DecisionCaseTable>): Promise<void> {
  await db.insertInto('decision_case').values(row).execute();
}

/**
 * Opens the cases of submissions and records their first decisions in one statement, once per application: the
 * ids of the cases written; an application that already has its case (a replayed submission) writes nothing and
 * is absent. Each row goes as one JSON value that PostgreSQL reads into the table's own row type: a key left out is
 * NULL (not the column's default), so every column is given. The applications must be distinct.
 */
export async function insertCasesWithDecisions(
  db: DbExecutor,
  cases: readonly Insertable<DecisionCaseTable>[],
  decisions: readonly Insertable<DecisionTable>[],
): Promise<Set<string>> {
  const rows = await casesWithDecisions.execute(db, JSON.stringify(cases), JSON.stringify(decisions));
  return new Set(rows.map((row) => row.case_id));
}

// Every submission runs this (issue #15 item 10): prepared once, one round trip for a whole batch of
// submissions (ADR 0017 addenda).
const casesWithDecisions = prepareQuery(
  'decisions.cases-with-decisions',
  (_q, cases: string, decisions: string) =>
    sql<{ case_id: string }>`
    WITH opened AS (
      INSERT INTO decision_case SELECT * FROM json_populate_recordset(NULL::decision_case, ${cases}::json)
      ON CONFLICT (application_id) DO NOTHING
      RETURNING id
    )
    INSERT INTO decision
    SELECT d.* FROM json_populate_recordset(NULL::decision, ${decisions}::json) AS d JOIN opened ON opened.id = d.case_id
    RETURNING case_id`,
);

/** The cases of these applications (replayed submissions), with their status. */
export function casesByApplications(db: DbExecutor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('decision_case')
    .select(['application_id', 'status'])
    .where('application_id', 'in', applicationIds)
    .execute();
}

export async function updateCase(
  db: DbExecutor,
  caseId: string,
  changes: Updateable<DecisionCaseTable>,
): Promise<void> {
  await db.updateTable('decision_case').set(changes).where('id', '=', caseId).execute();
}

export async function insertDecision(db: DbExecutor, row: Insertable<DecisionTable>): Promise<void> {
  await db.insertInto('decision').values(row).execute();
}

export async function updateDecision(
  db: DbExecutor,
  decisionId: string,
  changes: Updateable<DecisionTable>,
): Promise<void> {
  await db.updateTable('decision').set(changes).where('id', '=', decisionId).execute();
}

export function findDecision(db: DbExecutor, decisionId: string) {
  return db.selectFrom('decision').selectAll().where('id', '=', decisionId).executeTakeFirst();
}

export function decisionsOfCase(db: DbExecutor, caseId: string) {
  return db.selectFrom('decision').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
}

/** The final decisions of a person, newest first. */
export function finalDecisionsOf(db: DbExecutor, personId: string) {
  return db
    .selectFrom('decision as d')
    .innerJoin('decision_case as c', 'c.id', 'd.case_id')
    .selectAll('d')
    .select(['c.reference', 'c.submitted_at', 'c.review_kind', 'c.effective_on'])
    .where('d.person_id', '=', personId)
    .where('d.final', '=', true)
    .orderBy('d.created_at', 'desc')
    .execute();
}

export function casesOf(db: DbExecutor, personId: string) {
  return db
    .selectFrom('decision_case')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('submitted_at', 'desc')
    .execute();
}

export function openCases(db: DbExecutor, programmeId: string | null) {
  let query = db.selectFrom('decision_case').selectAll().where('status', '<>', 'decided');
  if (programmeId) query = query.where('programme_id', '=', programmeId);
  return query.orderBy('submitted_at').limit(500).execute();
}

export function lettersDue(db: DbExecutor, limit: number) {
  return db
    .selectFrom('decision')
    .select(['id'])
    .where('final', '=', true)
    .where('letter_sent_at', 'is', null)
    .where('outcome', '<>', 'cannot-tell')
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export function decisionIdsSince(db: DbExecutor, since: string) {
  return db
    .selectFrom('decision')
    .select(['id'])
    .where('created_at', '>=', new Date(`${since}T00:00:00Z`))
    .orderBy('created_at')
    .execute();
}

export async function insertEntitlement(
  db: DbExecutor,
  row: Insertable<EnrolmentEntitlementTable>,
): Promise<void> {
  await db.insertInto('enrolment_entitlement').values(row).execute();
}

/**
 * Each enrolment's schedule from its row's `valid_from` on: periods from that day removed, the period running then
 * ended the day before, and the new period written, in one statement for many enrolments (on a new enrolment the
 * first two find nothing). The statement's parts all see the schedules as they were before it, so a new period is
 * neither removed nor ended. The enrolments must be distinct.
 */
export async function replaceEntitlementsFrom(
  db: DbExecutor,
  rows: readonly Insertable<EnrolmentEntitlementTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await replaceSchedules.execute(
    db,
    JSON.stringify(rows),
    rows.map((row) => row.enrolment_id),
  );
}

// The enrolments are also given as an array: the planner takes a JSON record set for 100 rows and would join it
// against the whole table by hashing; `= ANY` of the ids reads only their periods, through the index.
const replaceSchedules = prepareQuery(
  'decisions.replace-schedules',
  (_q, rows: string, enrolments: readonly string[]) => sql`
    WITH given AS (
      SELECT * FROM json_populate_recordset(NULL::enrolment_entitlement, ${rows}::json)
    ), removed AS (
      DELETE FROM enrolment_entitlement e USING given g
      WHERE e.enrolment_id = ANY (${enrolments}::uuid[])
        AND e.enrolment_id = g.enrolment_id AND e.valid_from >= g.valid_from
    ), ended AS (
      UPDATE enrolment_entitlement e SET valid_to = g.valid_from - 1 FROM given g
      WHERE e.enrolment_id = ANY (${enrolments}::uuid[])
        AND e.enrolment_id = g.enrolment_id AND e.valid_from < g.valid_from
        AND (e.valid_to IS NULL OR e.valid_to >= g.valid_from)
    )
    INSERT INTO enrolment_entitlement SELECT * FROM given`,
);

/** Ends the open period of a schedule the day before a new one starts (a change of circumstance). */
export async function closeEntitlementsFrom(
  db: DbExecutor,
  enrolmentId: string,
  from: string,
): Promise<void> {
  await db
    .deleteFrom('enrolment_entitlement')
    .where('enrolment_id', '=', enrolmentId)
    .where('valid_from', '>=', from)
    .execute();
  await db
    .updateTable('enrolment_entitlement')
    .set({ valid_to: sql<string>`(${from}::date - 1)` })
    .where('enrolment_id', '=', enrolmentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
    .execute();
}

/** The open period of a person's schedule in a programme, if any. */
export function openEntitlementOf(db: DbExecutor, personId: string, programmeId: string) {
  return db
    .selectFrom('enrolment_entitlement')
    .select(['id', 'enrolment_id'])
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The case each decision belongs to, by decision id: one statement for a page of review cases. */
export async function casesOfDecisions(
  db: DbExecutor,
  decisionIds: readonly string[],
): Promise<Map<string, CaseRow>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('decision as d')
    .innerJoin('decision_case as c', 'c.id', 'd.case_id')
    .selectAll('c')
    .select('d.id as decision_id')
    .where('d.id', '=', sql<string>`ANY(${[...new Set(decisionIds)]}::uuid[])`)
    .execute();
  return new Map(rows.map(({ decision_id, ...kase }) => [decision_id, kase]));
}

/**
 * Opens review cases once per cause (the review key is unique), each with its recommendation, in one statement
 * whatever their number: a case whose cause already has one is skipped, and so is its decision. Returns the ids
 * of the cases opened. Rows go as one JSON array read into the tables' own row types (`insertCaseWithDecision`).
 */
export async function insertReviewCases(
  db: DbExecutor,
  cases: readonly Insertable<DecisionCaseTable>[],
  decisions: readonly Insertable<DecisionTable>[],
): Promise<Set<string>> {
  if (cases.length === 0) return new Set();
  const result = await sql<{ case_id: string }>`
    WITH opened AS (
      INSERT INTO decision_case
      SELECT * FROM json_populate_recordset(NULL::decision_case, ${JSON.stringify(cases)}::json)
      ON CONFLICT (review_key) DO NOTHING
      RETURNING id
    )
    INSERT INTO decision
    SELECT d.* FROM json_populate_recordset(NULL::decision, ${JSON.stringify(decisions)}::json) AS d
    JOIN opened ON opened.id = d.case_id
    RETURNING case_id`.execute(db);
  return new Set(result.rows.map((row) => row.case_id));
}

export function entitlementsOf(db: DbExecutor, personId: string) {
  return db
    .selectFrom('enrolment_entitlement')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('programme_id')
    .orderBy('valid_from')
    .execute();
}

export type EntitlementRow = Awaited<ReturnType<typeof entitlementsOf>>[number];

/**
 * Decided applications for outcomes monitoring: coarse groups only, no identifiers. A review after a change of
 * circumstance has no submission to measure processing time from, so it is left out.
 */
export function decidedCases(db: DbExecutor, since: Date) {
  return db
    .selectFrom('decision_case')
    .select([
      'programme_id',
      'channel',
      'province',
      'age_band',
      'lang',
      'outcome',
      'submitted_at',
      'decided_at',
      'paused_seconds',
    ])
    .where('review_key', 'is', null)
    .where('status', '=', 'decided')
    .where('decided_at', '>=', since)
    .execute();
}

/** Enrolments that already have an entitlement schedule (one row each). */
export async function enrolmentsWithEntitlement(db: DbExecutor): Promise<string[]> {
  const rows = await db.selectFrom('enrolment_entitlement').select('enrolment_id').distinct().execute();
  return rows.map((row) => row.enrolment_id);
}
