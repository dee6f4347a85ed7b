import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { ColumnType, Generated } from 'kysely';

// PostgreSQL `date` arrives as a Date from pg and PGlite; written as 'YYYY-MM-DD'.
type DateColumn = ColumnType<Date, string, string>;
// jsonb arrays are written as JSON text: pg would otherwise send a JS array as a PostgreSQL array.
type JsonList = ColumnType<string[], string, string>;

export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'withheld';

export interface SharingAgreementTable {
  id: string;
  provider_agency_id: string;
  recipient_agency_id: string;
  elements: JsonList;
  scope: 'enrolled' | 'all';
  purpose_en: string;
  purpose_fr: string;
  legal_authority_en: string;
  legal_authority_fr: string;
  consent_required: boolean;
  retention_years: number;
  effective_from: DateColumn;
  expires_on: DateColumn | null;
}

export interface ProgrammeElementUseTable {
  programme_id: string;
  element: string;
}

export interface ConsentTable {
  id: Generated<string>;
  person_id: string;
  agreement_id: string;
  granted_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface OutboxDeliveryTable {
  id: Generated<string>;
  change_id: string;
  person_id: string;
  element: string;
  version: number;
  agreement_id: string;
  recipient_agency_id: string;
  enrolment_id: string | null;
  payload_ciphertext: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

export interface ExchangeTables {
  sharing_agreement: SharingAgreementTable;
  programme_element_use: ProgrammeElementUseTable;
  consent: ConsentTable;
  outbox_delivery: OutboxDeliveryTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends ExchangeTables {}
}

/** The outbox's encrypted payloads, for key rotation (platform/crypto/encrypted-columns.ts). */
export const exchangeEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'outbox_delivery', column: 'payload_ciphertext', key: ['id'] },
];
