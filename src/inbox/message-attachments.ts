import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * The evidence upload rules of applications (ADR 0016), seen from the inbox: the root hands them over, so a
 * message's attachment is checked exactly as an application's evidence is (type read from the content, PDF,
 * JPEG or PNG only, metadata stripped, the same size limit).
 */
export interface AttachmentRules {
  readonly maxBytes: number;
  clean(
    bytes: Uint8Array,
  ): Promise<
    | { readonly ok: true; readonly mediaType: AttachmentMediaType; readonly bytes: Uint8Array }
    | { readonly ok: false; readonly code: 'wrongType' | 'unreadable' | 'empty' }
  >;
  tidyName(name: string, mediaType: string): string;
}

/** A file part as the multipart body carries it (applications' `registerMultipart`). */
export interface UploadedAttachment {
  readonly filename: string;
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

export interface ReadyAttachment {
  readonly name: string;
  readonly mediaType: AttachmentMediaType;
  readonly bytes: Uint8Array;
}

export interface AttachmentSummary {
  readonly id: string;
  readonly messageId: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

export type AttachmentRefusal = 'wrongType' | 'unreadable' | 'empty' | 'tooLarge';

/** What the form's file field holds: nothing chosen, a file fit to keep, or why it is refused. */
export async function checkAttachment(
  rules: AttachmentRules,
  upload: unknown,
): Promise<{ ok: true; value: ReadyAttachment | null } | { ok: false; code: AttachmentRefusal }> {
  const file = upload as Partial<UploadedAttachment> | undefined;
  if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.bytes)) return { ok: true, value: null };
  // A browser sends an empty, nameless part when no file was chosen.
  if (file.bytes.length === 0 && !file.filename) return { ok: true, value: null };
  if (file.truncated || file.bytes.length > rules.maxBytes) return { ok: false, code: 'tooLarge' };
  const clean = await rules.clean(file.bytes);
  if (!clean.ok) return { ok: false, code: clean.code };
  return {
    ok: true,
    value: {
      name: rules.tidyName(file.filename ?? '', clean.mediaType),
      mediaType: clean.mediaType,
      bytes: clean.bytes,
    },
  };
}

export async function insertAttachment(
  executor: DbExecutor,
  cipher: FieldCipher,
  attachment: ReadyAttachment,
  at: { messageId: string; threadId: string; createdAt: Date },
): Promise<string> {
  const id = randomUUID();
  await executor
    .insertInto('message_attachment')
    .values({
      id,
      message_id: at.messageId,
      thread_id: at.threadId,
      media_type: attachment.mediaType,
      size_bytes: attachment.bytes.length,
      name_cipher: cipher.encrypt(attachment.name),
      content_cipher: cipher.encrypt(Buffer.from(attachment.bytes).toString('base64')),
      created_at: at.createdAt,
    })
    .execute();
  return id;
}

export async function attachmentsOfThread(
  db: Kysely<DB>,
  cipher: FieldCipher,
  threadId: string,
): Promise<AttachmentSummary[]> {
  const rows = await db
    .selectFrom('message_attachment')
    .select(['id', 'message_id', 'name_cipher', 'media_type', 'size_bytes'])
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    messageId: row.message_id,
    name: cipher.decrypt(row.name_cipher),
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
  }));
}

export async function readAttachment(
  db: Kysely<DB>,
  cipher: FieldCipher,
  threadId: string,
  attachmentId: string,
): Promise<{ name: string; mediaType: string; bytes: Buffer } | null> {
  const row = await db
    .selectFrom('message_attachment')
    .select(['name_cipher', 'media_type', 'content_cipher'])
    .where('thread_id', '=', threadId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: cipher.decrypt(row.name_cipher),
    mediaType: row.media_type,
    bytes: Buffer.from(cipher.decrypt(row.content_cipher), 'base64'),
  };
}
