import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';
import type { DecisionCaseTable, DecisionTable, EnrolmentEntitlementTable } from './decisions.tables.ts';

export function findCaseByApplication(db: DbExecutor, applicationId: string) {
  return db
    .selectFrom('decision_case')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

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

/** Opens a case once per cause (its review key is unique); false when that cause already has one. */
export async function insertReviewCase(db: DbExecutor, row: Insertable<DecisionCaseTable>): Promise<boolean> {
  const result = await db
    .insertInto('decision_case')
    .values(row)
    .onConflict((oc) => oc.column('review_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
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
