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
  const entries = rows
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
    }));
  return groupRepeatedViews(entries);
}

// Days are counted in Eastern time, where most offices are.
const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' });
// Eastern time is always a whole number of hours from UTC, so every instant of one UTC hour falls on the same
// Eastern day: formatting once per hour instead of once per entry (a log of 500 entries formatted 500 dates on
// every view of the page, issue #12).
const dayOfHour = new Map<number, string>();

function easternDay(at: Date): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= 10_000) dayOfHour.clear();
    day = dayOf.format(at);
    dayOfHour.set(hour, day);
  }
  return day;
}

/**
 * Quiet records (issue #14): repeated views of the same thing by the same office, for the same purpose and
 * channel on the same day, are one line with a count, wherever they fall in the log; the line stands where the
 * most recent of them would. Changes are never grouped: each stays a line of its own.
 */
/** Actions that only look: reading, opening or listing (`payments.statements.list`). */
const VIEW = /\.(read|open|list)$/;

function groupRepeatedViews(entries: readonly AccessLogEntry[]): AccessLogEntry[] {
  const lines: AccessLogEntry[] = [];
  const lineOfView = new Map<string, number>();
  for (const entry of entries) {
    const key = VIEW.test(entry.action) ? viewKey(entry) : null;
    const index = key === null ? undefined : lineOfView.get(key);
    const line = index === undefined ? undefined : lines[index];
    if (index !== undefined && line) {
      lines[index] = mergeViews(line, entry);
      continue;
    }
    if (key !== null) lineOfView.set(key, lines.length);
    lines.push(entry);
  }
  // Most recent first, whatever order the rows came in (the sort is stable for equal times).
  return lines.sort((a, b) => b.at.getTime() - a.at.getTime());
}

function viewKey(entry: AccessLogEntry): string {
  const { action, accessor, role, agencyId, purpose, channel, outcome, at } = entry;
  return JSON.stringify([action, accessor, role, agencyId, purpose, channel, outcome, easternDay(at)]);
}

function mergeViews(line: AccessLogEntry, entry: AccessLogEntry): AccessLogEntry {
  const firstAt = entry.firstAt < line.firstAt ? entry.firstAt : line.firstAt;
  const at = entry.at > line.at ? entry.at : line.at;
  return { ...line, count: line.count + entry.count, firstAt, at };
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
