import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { FieldErrors } from '../platform/forms/form-memory.ts';
import { insertNotice } from './inbox.repository.ts';
import type { RecipientDirectory } from './inbox.service.ts';
import { answerNotices } from './message-notices.ts';
import type { ConversationReaders } from './message-notices.ts';
import {
  findThread,
  insertMessage,
  insertThread,
  messagesOf,
  takeThread,
  threadsOfPerson,
  updateThread,
  waitingThreads,
} from './messages.repository.ts';
import type { ThreadRow } from './messages.repository.ts';
import {
  attachmentsOfThread,
  checkAttachment,
  insertAttachment,
  readAttachment,
} from './message-attachments.ts';
import type {
  AttachmentRefusal,
  AttachmentRules,
  AttachmentSummary,
  ReadyAttachment,
} from './message-attachments.ts';

export const SUBJECT_MAX = 120;
export const BODY_MAX = 5_000;

/** A programme a person can write to, and how many business days its answer may take. */
export interface MessageProgramme {
  readonly id: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly answerWithinBusinessDays: number;
}

export interface MessageInput {
  readonly programmeId: string;
  readonly subject: string;
  readonly body: string;
}

export interface ThreadSummary {
  readonly id: string;
  readonly personId: string;
  readonly programmeId: string;
  readonly subject: string;
  readonly status: ThreadRow['status'];
  readonly assignedTo: string | null;
  readonly createdAt: Date;
  readonly dueOn: string;
  readonly lastMessageAt: Date;
}

export interface Thread extends ThreadSummary {
  readonly messages: readonly {
    readonly id: string;
    readonly author: 'person' | 'representative' | 'staff';
    readonly body: string;
    readonly at: Date;
    readonly attachments: readonly AttachmentSummary[];
  }[];
}

/** What comes with a person's message besides its text: a file, and who wrote it when it was not them. */
export interface MessageExtras {
  readonly attachment?: ReadyAttachment | null;
  /** A representative acting for the person (their authorisation checked by the caller). */
  readonly representativeId?: string;
}

export interface AttachmentFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export interface MessagesService {
  programmes(): Promise<readonly MessageProgramme[]>;
  check(values: Record<string, string>, withSubject: boolean): Promise<Checked<MessageInput>>;
  /** The form's file field under the evidence rules: nothing, a file fit to keep, or why it is refused. */
  checkAttachment(
    upload: unknown,
  ): Promise<{ ok: true; value: ReadyAttachment | null } | { ok: false; code: AttachmentRefusal }>;
  write(
    personId: string,
    input: MessageInput,
    context: AccessContext,
    extras?: MessageExtras,
  ): Promise<string>;
  reply(
    personId: string,
    threadId: string,
    body: string,
    context: AccessContext,
    extras?: MessageExtras,
  ): Promise<boolean>;
  /** A file of the person's own thread, or null (audited: denied). */
  attachmentFor(
    personId: string,
    threadId: string,
    attachmentId: string,
    context: AccessContext,
  ): Promise<AttachmentFile | null>;
  /** Staff download a file of a thread: an access to the person's information, audited. */
  staffAttachment(
    threadId: string,
    attachmentId: string,
    context: AccessContext,
  ): Promise<AttachmentFile | null>;
  threadsOf(personId: string): Promise<ThreadSummary[]>;
  /** The person's own thread, or null (audited: denied) when it is not theirs. */
  threadFor(personId: string, threadId: string, context: AccessContext): Promise<Thread | null>;
  queue(programmeId: string | null): Promise<ThreadSummary[]>;
  /** Staff open a thread: an access to the person's information, audited with its purpose. */
  open(threadId: string, context: AccessContext): Promise<Thread | null>;
  take(
    threadId: string,
    staffId: string,
    context: AccessContext,
  ): Promise<'taken' | 'taken-by-someone-else' | 'not-found'>;
  answer(
    threadId: string,
    staffId: string,
    body: string,
    context: AccessContext,
  ): Promise<'answered' | 'not-yours' | 'not-found'>;
}

export interface MessagesDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly recipients: RecipientDirectory;
  /** Representatives who see the person's conversations: each is told of a staff answer too. */
  readonly readers?: ConversationReaders;
  /** The evidence upload rules of applications, handed over by the root. */
  readonly attachments: AttachmentRules;
  readonly programmes: () => Promise<readonly MessageProgramme[]>;
  /** The date `businessDays` government business days after `from` (the service standard's due date). */
  readonly dueOn: (from: Date, businessDays: number) => string;
  readonly clock: () => Date;
}

// Text a person can type: letters, marks, numbers, punctuation, spaces, tabs and line breaks; no other control
// character (a NUL would be refused by PostgreSQL, and none of them is ever typed).
const ALLOWED_CONTROLS = new Set(['\t', '\n', '\r']);
const hasControlCharacter = (text: string) =>
  [...text].some((char) => /\p{Cc}/u.test(char) && !ALLOWED_CONTROLS.has(char));

function checkText(
  value: string | undefined,
  max: number,
): 'required' | 'tooLong' | 'invalidCharacters' | null {
  const text = (value ?? '').trim();
  if (text === '') return 'required';
  if (text.length > max) return 'tooLong';
  if (hasControlCharacter(text)) return 'invalidCharacters';
  return null;
}

export function createMessagesService(deps: MessagesDependencies): MessagesService {
  const { db, audit, cipher, clock } = deps;
  const summary = (row: ThreadRow): ThreadSummary => ({
    id: row.id,
    personId: row.person_id,
    programmeId: row.programme_id,
    subject: cipher.decrypt(row.subject_cipher),
    status: row.status,
    assignedTo: row.assigned_to,
    createdAt: row.created_at,
    dueOn: row.due_on,
    lastMessageAt: row.last_message_at,
  });
  const withMessages = async (row: ThreadRow): Promise<Thread> => {
    const files = await attachmentsOfThread(db, cipher, row.id);
    return {
      ...summary(row),
      messages: (await messagesOf(db, row.id)).map((message) => ({
        id: message.id,
        author: message.author,
        body: cipher.decrypt(message.body_cipher),
        at: message.created_at,
        attachments: files.filter((file) => file.messageId === message.id),
      })),
    };
  };
  /** The person's (or their representative's) message, its file and its audit entry, in the caller's transaction. */
  const addMessage = async (
    trx: Transaction<DB>,
    thread: { personId: string; threadId: string; at: Date },
    body: string,
    extras: MessageExtras,
  ) => {
    const messageId = randomUUID();
    await insertMessage(trx, {
      id: messageId,
      thread_id: thread.threadId,
      author: extras.representativeId ? 'representative' : 'person',
      author_id: extras.representativeId ?? thread.personId,
      body_cipher: cipher.encrypt(body),
      created_at: thread.at,
    });
    const attachmentId = extras.attachment
      ? await insertAttachment(trx, cipher, extras.attachment, {
          messageId,
          threadId: thread.threadId,
          createdAt: thread.at,
        })
      : null;
    return { messageId, attachmentId };
  };
  const fileOf = async (
    row: ThreadRow | undefined,
    attachmentId: string,
    context: AccessContext,
    personId: string,
  ) => {
    const file = row ? await readAttachment(db, cipher, row.id, attachmentId) : null;
    await audit.record(
      auditEntry(context, personId, 'inbox.message.attachment.read', file ? 'success' : 'denied', {
        threadId: row?.id ?? null,
        attachmentId,
      }),
    );
    return file;
  };

  const service: MessagesService = {
    programmes: deps.programmes,

    async check(values, withSubject) {
      const errors: Record<string, string> = {};
      if (withSubject) {
        const programmes = await deps.programmes();
        if (!programmes.some((programme) => programme.id === values.programmeId))
          errors.programmeId = 'chooseProgramme';
        const subject = checkText(values.subject, SUBJECT_MAX);
        if (subject) errors.subject = `inbox.errors.subject.${subject}`;
      }
      const body = checkText(values.body, BODY_MAX);
      if (body) errors.body = `inbox.errors.body.${body}`;
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return {
        ok: true,
        value: {
          programmeId: values.programmeId ?? '',
          subject: (values.subject ?? '').trim(),
          body: (values.body ?? '').trim(),
        },
      };
    },

    checkAttachment: (upload) => checkAttachment(deps.attachments, upload),

    async write(personId, input, context, extras = {}) {
      const programme = (await deps.programmes()).find((entry) => entry.id === input.programmeId);
      if (!programme) throw new Error('unknown programme: check() first');
      const at = clock();
      const threadId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertThread(trx, {
          id: threadId,
          person_id: personId,
          programme_id: programme.id,
          case_reference: null,
          subject_cipher: cipher.encrypt(input.subject),
          status: 'waiting-for-us',
          assigned_to: null,
          created_at: at,
          due_on: deps.dueOn(at, programme.answerWithinBusinessDays),
          last_message_at: at,
        });
        const added = await addMessage(trx, { personId, threadId, at }, input.body, extras);
        await audit.record(
          auditEntry(context, personId, 'inbox.message.written', 'success', {
            threadId,
            programme: programme.id,
            attachmentId: added.attachmentId,
            onBehalf: extras.representativeId !== undefined,
          }),
          trx,
        );
      });
      return threadId;
    },

    async reply(personId, threadId, body, context, extras = {}) {
      const thread = await findThread(db, threadId);
      if (!thread || thread.person_id !== personId) {
        await audit.record(auditEntry(context, personId, 'inbox.message.written', 'denied', { threadId }));
        return false;
      }
      const at = clock();
      const programme = (await deps.programmes()).find((entry) => entry.id === thread.programme_id);
      await db.transaction().execute(async (trx) => {
        const added = await addMessage(trx, { personId, threadId, at }, body, extras);
        // A new question restarts the clock of the service standard.
        await updateThread(trx, threadId, {
          status: 'waiting-for-us',
          last_message_at: at,
          due_on: deps.dueOn(at, programme?.answerWithinBusinessDays ?? 5),
        });
        await audit.record(
          auditEntry(context, personId, 'inbox.message.written', 'success', {
            threadId,
            attachmentId: added.attachmentId,
            onBehalf: extras.representativeId !== undefined,
          }),
          trx,
        );
      });
      return true;
    },

    threadsOf: async (personId) => (await threadsOfPerson(db, personId)).map(summary),

    async threadFor(personId, threadId, context) {
      const row = await findThread(db, threadId);
      if (!row || row.person_id !== personId) {
        await audit.record(auditEntry(context, personId, 'inbox.message.read', 'denied', { threadId }));
        return null;
      }
      await audit.record(auditEntry(context, personId, 'inbox.message.read', 'success', { threadId }));
      return withMessages(row);
    },

    async attachmentFor(personId, threadId, attachmentId, context) {
      const row = await findThread(db, threadId);
      return fileOf(row?.person_id === personId ? row : undefined, attachmentId, context, personId);
    },

    async staffAttachment(threadId, attachmentId, context) {
      const row = await findThread(db, threadId);
      return row ? fileOf(row, attachmentId, context, row.person_id) : null;
    },

    queue: async (programmeId) => (await waitingThreads(db, programmeId)).map(summary),

    async open(threadId, context) {
      const row = await findThread(db, threadId);
      if (!row) return null;
      await audit.record(auditEntry(context, row.person_id, 'inbox.message.read', 'success', { threadId }));
      return withMessages(row);
    },

    async take(threadId, staffId, context) {
      const row = await findThread(db, threadId);
      if (!row) return 'not-found';
      const taken = await takeThread(db, threadId, staffId);
      await audit.record(
        auditEntry(context, row.person_id, 'inbox.message.taken', taken ? 'success' : 'denied', { threadId }),
      );
      return taken ? 'taken' : 'taken-by-someone-else';
    },

    async answer(threadId, staffId, body, context) {
      const row = await findThread(db, threadId);
      if (!row) return 'not-found';
      if (row.assigned_to !== staffId) {
        await audit.record(
          auditEntry(context, row.person_id, 'inbox.message.answered', 'denied', { threadId }),
        );
        return 'not-yours';
      }
      const at = clock();
      const notices = await answerNotices(
        deps.recipients,
        deps.readers,
        row.person_id,
        at.toISOString().slice(0, 10),
        context,
      );
      const messageId = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertMessage(trx, {
          id: messageId,
          thread_id: threadId,
          author: 'staff',
          author_id: staffId,
          body_cipher: cipher.encrypt(body),
          created_at: at,
        });
        await updateThread(trx, threadId, { status: 'answered', last_message_at: at });
        // The notices say only that there is a new message; the message itself never leaves Guichet.
        for (const notice of notices)
          await insertNotice(trx, {
            id: randomUUID(),
            personId: notice.personId,
            about: { messageId },
            channel: notice.channel,
            at,
          });
        await audit.record(
          auditEntry(context, row.person_id, 'inbox.message.answered', 'success', {
            threadId,
            notice: notices.find((notice) => !notice.representative)?.channel ?? null,
            representativesTold: notices.filter((notice) => notice.representative).length,
          }),
          trx,
        );
      });
      return 'answered';
    },
  };
  return service;
}
