import type { EncryptedColumn } from '../../platform/crypto/encrypted-columns.ts';
import type { Generated } from 'kysely';

/** What the demonstration partner agencies record of each delivery they applied (exactly once). */
export interface AgencyReceiptTable {
  recipient_agency_id: string;
  delivery_id: string;
  applied_at: Date;
}

export interface AgencyClientCopyTable {
  recipient_agency_id: string;
  person_id: string;
  element: string;
  version: number;
  value_ciphertext: string;
  applied_count: Generated<number>;
  updated_at: Date;
}

export interface PartnerAgencyTables {
  agency_receipt: AgencyReceiptTable;
  agency_client_copy: AgencyClientCopyTable;
}

declare module '../../platform/db/schema.ts' {
  interface DB extends PartnerAgencyTables {}
}

/** What the demonstration agencies keep, encrypted like ours, for key rotation. */
export const agencyEncryptedColumns: readonly EncryptedColumn[] = [
  {
    table: 'agency_client_copy',
    column: 'value_ciphertext',
    key: ['recipient_agency_id', 'person_id', 'element'],
  },
];
