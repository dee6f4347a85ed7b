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
  /** How many identical views this line stands for (the same office, action, purpose and channel that day). */
  count: number;
  /** The first of them (`at` is the last); equal to `at` when `count` is 1. */
  firstAt: Date;
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
      count: 1,
      firstAt: new Date(row.occurred_at),
    }))
    .reduce(groupRepeatedViews, []);
}

// Days are counted in Eastern time, where most offices are; the page shows times in Eastern time too.
const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' });

/**
 * Quiet records (issue #14): repeated views of the same thing by the same office on the same day, one after
 * the other in the log, are one line with a count. Changes are never grouped: each stays a line of its own.
 */
function groupRepeatedViews(lines: AccessLogEntry[], entry: AccessLogEntry): AccessLogEntry[] {
  const last = lines[lines.length - 1];
  const isView = /\.(read|open)$/.test(entry.action);
  if (
    last &&
    isView &&
    last.action === entry.action &&
    last.accessor === entry.accessor &&
    last.role === entry.role &&
    last.agencyId === entry.agencyId &&
    last.purpose === entry.purpose &&
    last.channel === entry.channel &&
    last.outcome === entry.outcome &&
    dayOf.format(last.at) === dayOf.format(entry.at)
  ) {
    const earlier = entry.at < last.firstAt ? entry.at : last.firstAt;
    const later = entry.at > last.at ? entry.at : last.at;
    lines[lines.length - 1] = { ...last, count: last.count + 1, firstAt: earlier, at: later };
    return lines;
  }
  lines.push(entry);
  return lines;
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
