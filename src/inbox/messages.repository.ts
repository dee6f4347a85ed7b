import type { Kysely, Selectable } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { MessageTable, MessageThreadTable } from './inbox.tables.ts';

export type ThreadRow = Selectable<MessageThreadTable>;
export type MessageRow = Selectable<MessageTable>;

export async function insertThread(executor: DbExecutor, thread: ThreadRow): Promise<void> {
  await executor.insertInto('message_thread').values(thread).execute();
}

export async function insertMessage(executor: DbExecutor, message: MessageRow): Promise<void> {
  await executor.insertInto('message').values(message).execute();
}

export async function threadsOfPerson(db: Kysely<DB>, personId: string): Promise<ThreadRow[]> {
  return db
    .selectFrom('message_thread')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('last_message_at', 'desc')
    .execute();
}

export async function findThread(db: DbExecutor, threadId: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('message_thread').selectAll().where('id', '=', threadId).executeTakeFirst();
}

export async function messagesOf(db: Kysely<DB>, threadId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('message')
    .selectAll()
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Threads waiting for an answer, the oldest due date first; by programme when asked. */
export async function waitingThreads(db: Kysely<DB>, programmeId: string | null): Promise<ThreadRow[]> {
  let query = db
    .selectFrom('message_thread')
    .selectAll()
    .where('status', '=', 'waiting-for-us')
    .orderBy('due_on')
    .orderBy('created_at')
    .limit(200);
  if (programmeId) query = query.where('programme_id', '=', programmeId);
  return query.execute();
}

export async function updateThread(
  executor: DbExecutor,
  threadId: string,
  change: Partial<Pick<ThreadRow, 'status' | 'assigned_to' | 'last_message_at' | 'due_on'>>,
): Promise<void> {
  await executor.updateTable('message_thread').set(change).where('id', '=', threadId).execute();
}

/** Takes the thread for `staffId` unless someone else already has it: true when it is now theirs. */
export async function takeThread(executor: DbExecutor, threadId: string, staffId: string): Promise<boolean> {
  const result = await executor
    .updateTable('message_thread')
    .set({ assigned_to: staffId })
    .where('id', '=', threadId)
    .where((eb) => eb.or([eb('assigned_to', 'is', null), eb('assigned_to', '=', staffId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
