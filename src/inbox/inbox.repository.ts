import { prepareQuery } from '../platform/db/prepared.ts';
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type {
  DocumentNoticeTable,
  NoticeStatus,
  PersonDocumentTable,
  PrintFormat,
  PrintReason,
} from './inbox.tables.ts';

export type DocumentRow = Selectable<PersonDocumentTable>;
export type NoticeRow = Selectable<DocumentNoticeTable>;

export type NewDocument = Omit<DocumentRow, 'read_at'>;

/** Inserts the document unless its source already delivered one; returns the id of the one stored. */
export async function insertDocument(
  executor: DbExecutor,
  document: NewDocument,
): Promise<{ id: string; created: boolean }> {
  const inserted = await executor
    .insertInto('person_document')
    .values({ ...document, read_at: null })
    .onConflict((conflict) => conflict.column('source_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await executor
    .selectFrom('person_document')
    .select('id')
    .where('source_key', '=', document.source_key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * `insertDocument` for a batch, in one statement: returns the id stored for each source key, and whether this
 * statement stored it (a source that already delivered keeps its document). Source keys must be distinct.
 */
export async function insertDocuments(
  executor: DbExecutor,
  documents: readonly NewDocument[],
): Promise<Map<string, { id: string; created: boolean }>> {
  const stored = new Map<string, { id: string; created: boolean }>();
  if (documents.length === 0) return stored;
  const inserted = await executor
    .insertInto('person_document')
    .values(documents.map((document) => ({ ...document, read_at: null })))
    .onConflict((conflict) => conflict.column('source_key').doNothing())
    .returning(['id', 'source_key'])
    .execute();
  for (const row of inserted) stored.set(row.source_key, { id: row.id, created: true });
  const missing = documents.map((d) => d.source_key).filter((key) => !stored.has(key));
  if (missing.length > 0)
    for (const row of await executor
      .selectFrom('person_document')
      .select(['id', 'source_key'])
      .where('source_key', 'in', missing)
      .execute())
      stored.set(row.source_key, { id: row.id, created: false });
  return stored;
}

/** New-document notices for a batch, due at once, in one statement. */
export async function insertDocumentNotices(
  executor: DbExecutor,
  notices: readonly {
    id: string;
    personId: string;
    documentId: string;
    channel: 'email' | 'sms';
    at: Date;
  }[],
): Promise<void> {
  if (notices.length === 0) return;
  await executor
    .insertInto('document_notice')
    .values(
      notices.map((notice) => ({
        id: notice.id,
        person_id: notice.personId,
        kind: 'new-document' as const,
        document_id: notice.documentId,
        message_id: null,
        channel: notice.channel,
        status: 'queued' as const,
        attempts: 0,
        next_attempt_at: notice.at,
        notify_id: null,
        updated_at: notice.at,
      })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** A letter to print; `held` when its recipient has no postal address on file (migration 1000). */
export interface PrintQueueItem {
  readonly documentId: string;
  readonly format: PrintFormat;
  readonly reason: PrintReason;
  readonly at: Date;
  readonly held?: boolean;
}

/** `queueForPrint` for a batch, in one statement. */
export async function queueManyForPrint(
  executor: DbExecutor,
  items: readonly PrintQueueItem[],
): Promise<void> {
  if (items.length === 0) return;
  await executor
    .insertInto('print_item')
    .values(
      items.map((item) => ({
        document_id: item.documentId,
        format: item.format,
        reason: item.reason,
        queued_at: item.at,
        print_file_id: null,
        held_at: item.held ? item.at : null,
      })),
    )
    .onConflict((conflict) => conflict.column('document_id').doNothing())
    .execute();
}

export async function insertNotice(
  executor: DbExecutor,
  notice: {
    id: string;
    personId: string;
    about: { documentId: string } | { messageId: string };
    channel: 'email' | 'sms';
    at: Date;
    /** When the notice may leave; `at` unless a rate limit defers it. */
    due?: Date;
  },
): Promise<void> {
  const about = notice.about;
  await executor
    .insertInto('document_notice')
    .values({
      id: notice.id,
      person_id: notice.personId,
      kind: 'documentId' in about ? 'new-document' : 'new-message',
      document_id: 'documentId' in about ? about.documentId : null,
      message_id: 'messageId' in about ? about.messageId : null,
      channel: notice.channel,
      status: 'queued',
      attempts: 0,
      next_attempt_at: notice.due ?? notice.at,
      notify_id: null,
      updated_at: notice.at,
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** When the person's latest reminder notice was (or is) due to leave: the daily limit counts from it. */
export async function latestReminderNoticeDue(executor: DbExecutor, personId: string): Promise<Date | null> {
  const row = await executor
    .selectFrom('document_notice')
    .innerJoin('person_document', 'person_document.id', 'document_notice.document_id')
    .where('document_notice.person_id', '=', personId)
    .where('person_document.kind', '=', 'reminder')
    .select((eb) => eb.fn.max('document_notice.next_attempt_at').as('due'))
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : null;
}

export async function queueForPrint(executor: DbExecutor, item: PrintQueueItem): Promise<void> {
  await queueManyForPrint(executor, [item]);
}

/** The person's documents, unread first, then newest first. */
export async function listDocuments(db: Kysely<DB>, personId: string): Promise<DocumentRow[]> {
  return documentsOf.execute(db, personId);
}

// The inbox list: compiled once, prepared (ADR 0013).
const documentsOf = prepareQuery('inbox.documents', (q, personId: string) =>
  q
    .selectFrom('person_document')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy(sql`read_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id'),
);

export async function findDocument(
  db: Kysely<DB>,
  personId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('person_document')
    .selectAll()
    .where('id', '=', documentId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** The first opening is the read receipt; later openings leave it as it was. */
export async function markRead(executor: DbExecutor, documentId: string, at: Date): Promise<boolean> {
  const result = await executor
    .updateTable('person_document')
    .set({ read_at: at })
    .where('id', '=', documentId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Leases due notices to this worker: each is pushed `leaseUntil` into the future and its attempt counted in
 * the same statement, so two workers never hold the same notice, and a worker killed mid-send leaves it to be
 * tried again (with `previouslyAttempted`, so GC Notify is asked before anything is sent twice).
 */
export async function leaseDueNotices(
  executor: DbExecutor,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<NoticeRow[]> {
  return executor
    .updateTable('document_notice')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('document_notice')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'queued')
    .returningAll()
    .execute();
}

export async function updateNotice(
  executor: DbExecutor,
  id: string,
  change: Partial<Pick<NoticeRow, 'status' | 'attempts' | 'next_attempt_at' | 'notify_id'>> & {
    updated_at: Date;
  },
): Promise<void> {
  await executor.updateTable('document_notice').set(change).where('id', '=', id).execute();
}

export async function findNoticeByNotifyId(db: DbExecutor, notifyId: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('document_notice').selectAll().where('notify_id', '=', notifyId).executeTakeFirst();
}

export async function noticesOf(db: Kysely<DB>, personId: string): Promise<NoticeRow[]> {
  return db.selectFrom('document_notice').selectAll().where('person_id', '=', personId).execute();
}

export type WaitingPrintItem = Selectable<DB['print_item']> & { letter_cipher: string; person_id: string };

/** Letters for the next print file: never one printed already, nor one held for want of an address. */
export async function waitingPrintItems(executor: DbExecutor, limit: number): Promise<WaitingPrintItem[]> {
  return executor
    .selectFrom('print_item as p')
    .innerJoin('person_document as d', 'd.id', 'p.document_id')
    .selectAll('p')
    .select(['d.letter_cipher', 'd.person_id'])
    .where('p.print_file_id', 'is', null)
    .where((eb) => eb.or([eb('p.held_at', 'is', null), eb('p.released_at', 'is not', null)]))
    .orderBy('p.queued_at')
    .orderBy('p.document_id')
    .limit(limit)
    .forUpdate('p')
    .skipLocked()
    .execute();
}

export async function nextPrintSequence(executor: DbExecutor, printDate: string): Promise<number> {
  const row = await executor
    .selectFrom('print_file')
    .select((eb) => eb.fn.max('sequence').as('last'))
    .where('print_date', '=', printDate)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertPrintFile(
  executor: DbExecutor,
  file: { id: string; printDate: string; sequence: number; letters: number; at: Date },
  documentIds: readonly string[],
): Promise<void> {
  await executor
    .insertInto('print_file')
    .values({
      id: file.id,
      print_date: file.printDate,
      sequence: file.sequence,
      letters: file.letters,
      created_at: file.at,
    })
    .execute();
  if (documentIds.length > 0)
    await executor
      .updateTable('print_item')
      .set({ print_file_id: file.id })
      .where('document_id', 'in', documentIds)
      .execute();
}

export async function printStatusOf(
  db: Kysely<DB>,
  documentIds: readonly string[],
): Promise<Map<string, { format: PrintFormat; printed: boolean; held: boolean }>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('print_item')
    .select(['document_id', 'format', 'print_file_id', 'held_at', 'released_at'])
    .where('document_id', 'in', documentIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.document_id,
      {
        format: row.format,
        printed: row.print_file_id !== null,
        // Held for want of a postal address and not yet released (migration 1000).
        held: row.print_file_id === null && row.held_at !== null && row.released_at === null,
      },
    ]),
  );
}

export type { NoticeStatus };
