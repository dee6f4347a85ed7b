import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { ColumnType } from 'kysely';
import type { ApplicationChannel, ApplicationStatus } from './submitted-application.ts';

// PostgreSQL `date` arrives as a Date from pg and PGlite; written as 'YYYY-MM-DD'.
type DateColumn = ColumnType<Date, string, string>;

export type ActorKind = 'person' | 'staff' | 'representative';
export type IdentityCheck = 'questions' | 'document' | 'in-person-id' | 'paper-signature';

export interface ApplicationTable {
  id: string;
  reference: string;
  person_id: string;
  programme_id: string;
  status: ApplicationStatus;
  channel: ApplicationChannel;
  lang: 'en' | 'fr';
  started_by_kind: ActorKind;
  started_by_id: string;
  client_consent: boolean;
  identity_check: IdentityCheck | null;
  /** The answers (and the confirmation of what the record holds) as JSON, encrypted: Protected B. */
  answers_cipher: string;
  created_at: Date;
  updated_at: Date;
  expires_at: Date | null;
  submitted_at: Date | null;
  submitted_by_kind: ActorKind | null;
  submitted_by_id: string | null;
}

export interface ApplicationEvidenceTable {
  id: string;
  application_id: string;
  person_id: string;
  kind: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  name_cipher: string;
  content_cipher: string;
  uploaded_by_kind: ActorKind;
  uploaded_by_id: string;
  uploaded_at: Date;
}

export interface RepresentativeAuthorisationTable {
  id: string;
  person_id: string;
  representative_id: string;
  kind: 'family' | 'trustee' | 'power-of-attorney';
  scope: 'apply' | 'apply-and-view';
  starts_on: DateColumn;
  ends_on: DateColumn;
  recorded_by_kind: 'person' | 'staff';
  recorded_by_id: string;
  evidence_note: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

export interface RecordOfEmploymentTable {
  id: string;
  person_id: string;
  /** The employer whose payroll system sent it (its API credential); a serial is unique per employer. */
  employer_id: string;
  employer_name: string;
  serial: string;
  first_day: DateColumn;
  last_day: DateColumn;
  reason_code: string;
  periods_cipher: string;
  received_at: Date;
}

export interface ApplicationTables {
  application: ApplicationTable;
  application_evidence: ApplicationEvidenceTable;
  representative_authorisation: RepresentativeAuthorisationTable;
  record_of_employment: RecordOfEmploymentTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends ApplicationTables {}
}

/** Applications' Protected B columns: answers, evidence files and names, Records of Employment (`guichet keys rotate`, ADR 0012). */
export const applicationsEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'application', column: 'answers_cipher', key: ['id'] },
  { table: 'application_evidence', column: 'name_cipher', key: ['id'] },
  { table: 'application_evidence', column: 'content_cipher', key: ['id'] },
  { table: 'record_of_employment', column: 'periods_cipher', key: ['id'] },
];
