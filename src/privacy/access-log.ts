import type { AuditRow } from '../platform/audit/audit.repository.ts';

export type AccessorKind = 'you' | 'staff' | 'agency' | 'system';

/**
 * One line of "who looked at my file", in plain language: the role and agency, never a staff member's
 * name or id (their identity stays in the audit log for investigations), the stated purpose and channel.
 */
export interface AccessLogEntry {
  at: Date;
  accessor: AccessorKind;
  role: string | null;
  agencyId: string | null;
  /** An action code such as `registry.profile.read`; the page translates it. */
  action: string;
  purpose: string;
  channel: string;
  outcome: string;
}

// Security plumbing that is about the session rather than the person's information.
const HIDDEN_ACTIONS = /^(session\.|identity\.|authorization\.denied$)/;

export function toAccessLog(rows: readonly AuditRow[], personId: string): AccessLogEntry[] {
  return rows
    .filter((row) => !HIDDEN_ACTIONS.test(row.action))
    .map((row) => ({
      at: new Date(row.occurred_at),
      accessor: accessorOf(row, personId),
      role: row.actor_type === 'staff' ? firstRole(row.actor_role) : null,
      agencyId: row.actor_agency_id,
      action: row.action,
      purpose: row.purpose,
      channel: row.channel,
      outcome: row.outcome,
    }));
}

function accessorOf(row: AuditRow, personId: string): AccessorKind {
  if (row.actor_type === 'person' && (row.actor_id === personId || row.actor_id === null)) return 'you';
  if (row.actor_type === 'staff') return 'staff';
  if (row.actor_type === 'agency') return 'agency';
  return row.actor_type === 'person' ? 'you' : 'system';
}

function firstRole(roles: string | null): string | null {
  return roles?.split(',')[0] ?? null;
}
