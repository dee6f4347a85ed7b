import type { Generated } from 'kysely';

/** An open access or correction request (Privacy Act ss. 12–13) holds the record back from disposal. */
export interface PrivacyRequestTable {
  id: Generated<string>;
  person_id: string;
  kind: 'access' | 'correction';
  opened_at: Date;
  closed_at: Date | null;
}

export interface PrivacyTables {
  privacy_request: PrivacyRequestTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends PrivacyTables {}
}
