/** A partner agency's message the register acted on, by the agency's own reference (idempotency). */
export interface PartnerEventReceiptTable {
  agency_id: string;
  kind: PartnerEventKind;
  external_id: string;
  person_id: string;
  received_at: Date;
}

export type PartnerEventKind = 'birth' | 'death' | 'tax-assessment';

declare module '../platform/db/schema.ts' {
  interface DB {
    partner_event_receipt: PartnerEventReceiptTable;
  }
}
