import { prepareQuery } from '../platform/db/prepared.ts';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { DbExecutor } from '../platform/db/schema.ts';
import type {
  ApplicationEvidenceTable,
  ApplicationTable,
  RecordOfEmploymentTable,
  RepresentativeAuthorisationTable,
} from './applications.tables.ts';
import type { StatusChange } from './submitted-application.ts';

export type ApplicationRow = ApplicationTable;

export function insertApplication(db: DbExecutor, row: Insertable<ApplicationTable>) {
  return db.insertInto('application').values(row).execute();
}

export function findApplication(db: DbExecutor, id: string) {
  return db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findApplicationByReference(db: DbExecutor, reference: string) {
  return db.selectFrom('application').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function findDraft(db: DbExecutor, personId: string, programmeId: string) {
  return db
    .selectFrom('application')
    .selectAll()
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export function listApplicationsOf(db: DbExecutor, personId: string) {
  return db
    .selectFrom('application')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** Saves a draft's answers; a submitted application is never changed this way (0 rows). */
export async function saveDraft(
  db: DbExecutor,
  id: string,
  answersCipher: string,
  at: Date,
  expiresAt: Date,
) {
  const result = await db
    .updateTable('application')
    .set({ answers_cipher: answersCipher, updated_at: at, expires_at: expiresAt })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A draft being submitted: when, by whom, with its final answers. */
export interface Submission {
  readonly id: string;
  readonly at: Date;
  readonly byKind: NonNullable<ApplicationTable['submitted_by_kind']>;
  readonly byId: string;
  readonly answersCipher: string;
}

/**
 * Draft → submitted, once, for many drafts in one statement; the ids of those marked. Each row is locked by the
 * update, so a second submission (a double click, a replay, another channel) waiting on it finds it no longer a
 * draft, changes nothing and is absent. The ids must be distinct.
 */
export async function markSubmitted(
  db: DbExecutor,
  submissions: readonly Submission[],
): Promise<Set<string>> {
  if (submissions.length === 0) return new Set();
  const rows = await submitDrafts.execute(
    db,
    submissions.map((s) => s.id),
    submissions.map((s) => s.at.toISOString()),
    submissions.map((s) => s.byKind),
    submissions.map((s) => s.byId),
    submissions.map((s) => s.answersCipher),
  );
  return new Set(rows.map((row) => row.id));
}

// Every submission runs this (issue #15 item 10): prepared, one round trip for a batch (ADR 0017 addenda).
const submitDrafts = prepareQuery(
  'applications.submit-drafts',
  (
    _q,
    ids: readonly string[],
    at: readonly string[],
    byKind: readonly string[],
    byId: readonly string[],
    answers: readonly string[],
  ) => sql<{ id: string }>`
    UPDATE application AS a
    SET status = 'submitted', submitted_at = s.at, updated_at = s.at, expires_at = NULL,
      submitted_by_kind = s.by_kind, submitted_by_id = s.by_id, answers_cipher = s.answers
    FROM unnest(${ids}::uuid[], ${at}::timestamptz[], ${byKind}::text[], ${byId}::text[], ${answers}::text[])
      AS s(id, at, by_kind, by_id, answers)
    WHERE a.id = s.id AND a.status = 'draft'
    RETURNING a.id`,
);

/** Moves submitted applications' statuses in one statement; how many moved (a draft never moves). */
export async function updateStatuses(
  db: DbExecutor,
  changes: readonly StatusChange[],
  at: Date,
): Promise<number> {
  if (changes.length === 0) return 0;
  const rows = await moveStatuses.execute(
    db,
    changes.map((c) => c.applicationId),
    changes.map((c) => c.status),
    at,
  );
  return rows.length;
}

// Decisions move every submitted application's status (issue #15 item 10): prepared (ADR 0013), one round trip for
// a batch of submissions.
const moveStatuses = prepareQuery(
  'applications.statuses',
  (_q, ids: readonly string[], statuses: readonly string[], at: Date) => sql<{ id: string }>`
    UPDATE application AS a SET status = c.status, updated_at = ${at}
    FROM unnest(${ids}::uuid[], ${statuses}::text[]) AS c(id, status)
    WHERE a.id = c.id AND a.status <> 'draft'
    RETURNING a.id`,
);

/** Deletes the drafts past their date (their evidence goes with them); returns what was deleted. */
export function deleteExpiredDrafts(db: DbExecutor, now: Date) {
  return db
    .deleteFrom('application')
    .where('status', '=', 'draft')
    .where('expires_at', '<', now)
    .returning(['id', 'person_id', 'programme_id'])
    .execute();
}

/** Drafts that expire after `from` and no later than `to`, for the reminder before they go. */
export async function listDraftsExpiring(db: DbExecutor, from: Date, to: Date) {
  const rows = await db
    .selectFrom('application')
    .select(['id', 'person_id', 'programme_id', 'reference', 'expires_at'])
    .where('status', '=', 'draft')
    .where('expires_at', '>', from)
    .where('expires_at', '<=', to)
    .orderBy('expires_at')
    .execute();
  return rows.map((row) => ({ ...row, expires: row.expires_at ?? to }));
}

export function insertEvidence(db: DbExecutor, row: Insertable<ApplicationEvidenceTable>) {
  return db.insertInto('application_evidence').values(row).execute();
}

/** The evidence of an application, without the files themselves. */
export function listEvidence(db: DbExecutor, applicationId: string) {
  return db
    .selectFrom('application_evidence')
    .select(['id', 'kind', 'media_type', 'size_bytes', 'name_cipher', 'uploaded_at', 'uploaded_by_kind'])
    .where('application_id', '=', applicationId)
    .orderBy('uploaded_at')
    .execute();
}

export function findEvidence(db: DbExecutor, applicationId: string, evidenceId: string) {
  return db
    .selectFrom('application_evidence')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

export function insertAuthorisation(db: DbExecutor, row: Insertable<RepresentativeAuthorisationTable>) {
  return db.insertInto('representative_authorisation').values(row).execute();
}

const authorisationColumns = [
  'id',
  'person_id',
  'representative_id',
  'kind',
  'scope',
  'recorded_by_kind',
  'created_at',
  'revoked_at',
] as const;

export function listAuthorisationsGiven(db: DbExecutor, personId: string) {
  return db
    .selectFrom('representative_authorisation')
    .select(authorisationColumns)
    .select([sql<string>`starts_on::text`.as('starts'), sql<string>`ends_on::text`.as('ends')])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Who may see each of these people's files on `onDate`: authorisations in force then (started, not ended, not
 * revoked) whose scope shows the file, in one statement for a batch's people, newest first per person.
 */
export function listViewersOf(db: DbExecutor, personIds: readonly string[], onDate: string) {
  return db
    .selectFrom('representative_authorisation')
    .select(['person_id', 'representative_id', sql<string>`ends_on::text`.as('ends')])
    .where('person_id', '=', sql<string>`ANY(${[...new Set(personIds)]}::uuid[])`)
    .where('revoked_at', 'is', null)
    .where('scope', '=', 'apply-and-view')
    .where(sql<boolean>`starts_on <= ${onDate}::date AND ends_on >= ${onDate}::date`)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Authorisations in force on `today` that `representativeId` holds. */
export function listAuthorisationsHeld(db: DbExecutor, representativeId: string, today: string) {
  return db
    .selectFrom('representative_authorisation')
    .select(authorisationColumns)
    .select([sql<string>`starts_on::text`.as('starts'), sql<string>`ends_on::text`.as('ends')])
    .where('representative_id', '=', representativeId)
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`starts_on <= ${today}::date AND ends_on >= ${today}::date`)
    .execute();
}

export async function revokeAuthorisation(db: DbExecutor, id: string, personId: string, at: Date) {
  const result = await db
    .updateTable('representative_authorisation')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a record; false when this employer already sent that serial (a resubmission is kept once). */
export async function insertRecordOfEmployment(db: DbExecutor, row: Insertable<RecordOfEmploymentTable>) {
  const result = await db
    .insertInto('record_of_employment')
    .values(row)
    .onConflict((oc) => oc.columns(['employer_id', 'serial']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function listRecordsOfEmployment(db: DbExecutor, personId: string) {
  return db
    .selectFrom('record_of_employment')
    .select(['id', 'employer_name', 'periods_cipher', sql<string>`last_day::text`.as('last')])
    .where('person_id', '=', personId)
    .orderBy('last_day', 'desc')
    .execute();
}
