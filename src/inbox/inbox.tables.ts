import type { ColumnType } from 'kysely';
import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { DocumentKind } from './document-kinds.ts';

export type DocumentDelivery = 'online' | 'paper';
export type NoticeStatus =
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'permanent-failure'
  | 'temporary-failure'
  | 'technical-failure'
  | 'abandoned';
export type PrintFormat = 'standard' | 'large-print' | 'braille';
/** `to-estate`: a letter to the estate of a person who died goes by post only (migration 0981). */
export type PrintReason = 'prefers-paper' | 'notice-failed' | 'no-contact-point' | 'to-estate';

export interface PersonDocumentTable {
  id: string;
  person_id: string;
  case_id: string | null;
  kind: DocumentKind;
  lang: 'en' | 'fr';
  /** The whole letter (title included) as JSON, encrypted with the field cipher: Protected B. */
  letter_cipher: string;
  source_key: string;
  delivery: DocumentDelivery;
  created_at: Date;
  read_at: Date | null;
  retain_until: string;
}

export interface DocumentNoticeTable {
  id: string;
  person_id: string;
  kind: 'new-document' | 'new-message';
  document_id: string | null;
  message_id: string | null;
  channel: 'email' | 'sms';
  status: NoticeStatus;
  attempts: number;
  next_attempt_at: Date;
  notify_id: string | null;
  updated_at: Date;
}

export interface PrintFileTable {
  id: string;
  print_date: string;
  sequence: number;
  letters: number;
  created_at: Date;
  /** Migration 0841: when the mail house confirmed the file went to the post. */
  mailed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PrintItemTable {
  document_id: string;
  format: PrintFormat;
  reason: PrintReason;
  queued_at: Date;
  print_file_id: string | null;
  /** Migration 1000: queued with no postal address on file, so held out of every print file until released. */
  held_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When an address was found for a held letter and it went to the next print file (once). */
  released_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface MessageThreadTable {
  id: string;
  person_id: string;
  programme_id: string;
  case_reference: string | null;
  subject_cipher: string;
  status: 'waiting-for-us' | 'answered' | 'closed';
  /** The staff member who took the thread. */
  assigned_to: string | null;
  created_at: Date;
  /** The service standard's date: answered by then. */
  due_on: string;
  last_message_at: Date;
}

export interface MessageTable {
  id: string;
  thread_id: string;
  /** `representative`: someone authorised to act for the person wrote it (`author_id` is theirs). */
  author: 'person' | 'representative' | 'staff';
  author_id: string;
  body_cipher: string;
  created_at: Date;
}

export interface MessageAttachmentTable {
  id: string;
  message_id: string;
  thread_id: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  name_cipher: string;
  /** The file, base64, encrypted with the field cipher: Protected B. */
  content_cipher: string;
  created_at: Date;
}

export interface InboxTables {
  person_document: PersonDocumentTable;
  document_notice: DocumentNoticeTable;
  print_file: PrintFileTable;
  print_item: PrintItemTable;
  message_thread: MessageThreadTable;
  message: MessageTable;
  message_attachment: MessageAttachmentTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends InboxTables {}
}

/** The inbox's encrypted columns, for key rotation (platform/crypto/encrypted-columns.ts). */
export const inboxEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'person_document', column: 'letter_cipher', key: ['id'] },
  { table: 'message_thread', column: 'subject_cipher', key: ['id'] },
  { table: 'message', column: 'body_cipher', key: ['id'] },
  { table: 'message_attachment', column: 'name_cipher', key: ['id'] },
  { table: 'message_attachment', column: 'content_cipher', key: ['id'] },
];
