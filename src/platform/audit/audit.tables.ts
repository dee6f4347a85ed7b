import type { Generated } from 'kysely';

export interface AuditEventTable {
  /** Insertion order, from a sequence; its position in the log is given by the sealer (`audit_leaf`). */
  seq: Generated<string>; // bigint arrives as a string from both drivers
  id: Generated<string>;
  /** The writing transaction's id: sealing takes only entries of finished transactions (ADR 0002). */
  xid: Generated<string>;
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
}

/** An entry's position in the Merkle tree and its leaf hash. */
export interface AuditLeafTable {
  leaf_index: string;
  entry_seq: string;
  leaf_hash: Uint8Array;
}

/** Inner nodes at levels 8, 16, 24…: any subtree hash is then a fold of at most 256 stored hashes. */
export interface AuditTreeNodeTable {
  level: number;
  node_index: string;
  hash: Uint8Array;
}

/** A signed tree head and the last entry it covers, in sealing order (xid, seq). */
export interface AuditTreeHeadTable {
  tree_size: string;
  root_hash: Uint8Array;
  signed_at: Date;
  key_id: string;
  signature: Uint8Array;
  last_xid: string;
  last_seq: string;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_leaf: AuditLeafTable;
  audit_tree_node: AuditTreeNodeTable;
  audit_tree_head: AuditTreeHeadTable;
}
