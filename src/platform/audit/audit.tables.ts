import type { Generated } from 'kysely';

export interface AuditEventTable {
  seq: string; // bigint arrives as a string from both drivers
  id: Generated<string>;
  occurred_at: Date;
  actor_type: 'person' | 'staff' | 'agency' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  subject_person_id: string | null;
  action: string;
  purpose: string;
  channel: 'online' | 'phone' | 'in-person' | 'mail' | 'system' | 'partner';
  outcome: 'success' | 'denied' | 'failure';
  correlation_id: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: string;
  hash: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
}
