import type { AuditService } from '../platform/audit/audit.service.ts';
import type { ActorKind } from '../platform/audit/audit-lines.repository.ts';

export type AccessorKind = ActorKind;

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

/**
 * What the log leaves out and what it groups, as regular expressions the database runs (the same syntax in
 * PostgreSQL and JavaScript). Security plumbing about the session rather than the person's information is left
 * out. Quiet records (issue #14): repeated views (reading, opening or listing, such as
 * `payments.statements.list`) of the same thing by the same office, for the same purpose and channel, on the same
 * day in the reader's zone, are one line with a count, wherever they fall in the log; changes are never grouped.
 */
export const ACCESS_LOG_GROUPING = {
  hiddenActions: '^(session\\.|identity\\.|authorization\\.denied$)',
  viewActions: '\\.(read|open|list)$',
} as const;

/** The person's log, most recent line first: the page reads the last 500 entries, the download 1,000. */
export async function readAccessLog(
  audit: Pick<AuditService, 'accessLines'>,
  personId: string,
  options: { limit: number; timeZone: string },
): Promise<AccessLogEntry[]> {
  const lines = await audit.accessLines(personId, { ...ACCESS_LOG_GROUPING, ...options });
  return lines.map((line) => ({
    at: line.at,
    accessor: line.actor_kind,
    role: line.role,
    agencyId: line.actor_agency_id,
    action: line.action,
    purpose: line.purpose,
    channel: line.channel,
    outcome: line.outcome,
    count: line.count,
    firstAt: line.first_at,
  }));
}
