import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
export interface HelpRequestTable {
  id: string;
  /** What the person quotes (`HR-XXXX-XXXX`); says nothing about them. */
  reference: string;
  kind: 'appointment' | 'callback';
  person_id: string | null;
  programme_id: string | null;
  office_id: string | null;
  /** The language the person wants to be called or served in. */
  lang: 'en' | 'fr';
  /** Name, telephone, accommodations and what it is about, as JSON, encrypted: Protected B. */
  request_cipher: string;
  status: 'open' | 'done';
  created_at: Date;
  handled_by: string | null;
  handled_at: Date | null;
}

export interface HelpTables {
  help_request: HelpRequestTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends HelpTables {}
}

/** What a person wrote in a call-back or appointment request (`guichet keys rotate`, ADR 0012). */
export const helpEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'help_request', column: 'request_cipher', key: ['id'] },
];
