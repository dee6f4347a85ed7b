/**
 * A staff member's stated reason for opening a client's file in one session (phone call, visit, assigned
 * case): the workspace opens a file only under one, and the audit log records it with every read.
 */
export interface FileAccessTable {
  id: string;
  session_id_hash: string;
  staff_id: string;
  person_id: string;
  purpose: 'phone-call' | 'in-person-visit' | 'assigned-case';
  channel: 'phone' | 'in-person' | 'system';
  client_consent: boolean;
  created_at: Date;
}

export interface WorkspaceTables {
  identity_file_access: FileAccessTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends WorkspaceTables {}
}
