import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { Lang } from '../platform/i18n/i18n.ts';

/** migrations/0031_security_notice.sql: a notice to the contact point a person had before a change. */
export interface SecurityNoticeTable {
  id: string;
  person_id: string;
  source_key: string;
  channel: 'email' | 'sms';
  /** The previous email or number, encrypted; null once the notice has left or was abandoned. */
  to_cipher: string | null;
  lang: Lang;
  status: 'queued' | 'sent' | 'abandoned';
  attempts: number;
  next_attempt_at: Date;
  notify_id: string | null;
  created_at: Date;
}

export interface SecurityNoticeTables {
  security_notice: SecurityNoticeTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends SecurityNoticeTables {}
}

export const securityNoticeEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'security_notice', column: 'to_cipher', key: ['id'] },
];
