import { leafHash } from './merkle.ts';
import type { Hash } from './merkle.ts';

/** An audit entry as stored (and as `listForSubject` returns it). */
export interface AuditRow {
  seq: string;
  id: string;
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

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The bytes a leaf hashes: every column of the entry as canonical JSON (keys sorted, `occurredAt` as ISO 8601 UTC
 * with milliseconds, `seq` as a decimal string), UTF-8. Documented in ADR 0002 so anyone can recompute it.
 */
export function canonicalEntry(row: AuditRow): string {
  return canonicalJson({
    seq: row.seq,
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorAgencyId: row.actor_agency_id,
    subjectPersonId: row.subject_person_id,
    action: row.action,
    purpose: row.purpose,
    channel: row.channel,
    outcome: row.outcome,
    correlationId: row.correlation_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as unknown) : row.details,
  });
}

export function entryLeafHash(row: AuditRow): Hash {
  return leafHash(Buffer.from(canonicalEntry(row), 'utf8'));
}
