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
