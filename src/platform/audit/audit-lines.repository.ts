import { sql } from 'kysely';
import { prepareQuery } from '../db/prepared.ts';
import type { DbExecutor } from '../db/schema.ts';

/** Who acted, as a person reading their own log is told it: themselves, a public servant, an agency, or Guichet. */
export type ActorKind = 'you' | 'staff' | 'agency' | 'system';

/**
 * One line of a person's access log, grouped by the database: a change is a line of its own; views of the same
 * thing by the same kind of actor, role and agency, for the same purpose, channel and outcome, on the same day in
 * the reader's time zone, are one line with their count, first and last time.
 */
export interface AccessLineRow {
  at: Date;
  first_at: Date;
  count: number;
  actor_kind: ActorKind;
  /** A public servant's first role; null for anyone else. */
  role: string | null;
  actor_agency_id: string | null;
  action: string;
  purpose: string;
  channel: string;
  outcome: string;
}

export interface AccessLineOptions {
  /** The most recent entries read (hidden ones aside) before grouping. */
  readonly limit: number;
  /** IANA zone whose days split views, e.g. `America/Edmonton`. */
  readonly timeZone: string;
  /** PostgreSQL regular expressions (the same in JavaScript) on the action code. */
  readonly hiddenActions: string;
  readonly viewActions: string;
}

// Grouped in the database: a page used to read 500 whole entries (details and all) and group them in Node on
// every view (issue #12: the access log was the slowest signed-in page). Ties on time keep log order.
const accessLines = prepareQuery(
  'audit.access-lines',
  (
    _q,
    personId: string,
    hiddenActions: string,
    limit: number,
    viewActions: string,
    timeZone: string,
  ) => sql<AccessLineRow>`WITH recent AS (
      SELECT e.seq, e.occurred_at, e.actor_type, e.actor_role, e.actor_agency_id, e.action, e.purpose,
        e.channel, e.outcome
      FROM audit_event e
      WHERE e.subject_person_id = ${personId} AND e.action !~ ${hiddenActions}
      ORDER BY e.seq DESC LIMIT ${limit}
    ), lined AS (
      SELECT r.*,
        CASE r.actor_type WHEN 'person' THEN 'you' WHEN 'staff' THEN 'staff' WHEN 'agency' THEN 'agency'
          ELSE 'system' END AS actor_kind,
        CASE WHEN r.actor_type = 'staff' THEN split_part(r.actor_role, ',', 1) END AS role,
        CASE WHEN r.action ~ ${viewActions} THEN NULL ELSE r.seq END AS change_seq,
        (r.occurred_at AT TIME ZONE ${timeZone})::date AS day
      FROM recent r
    )
    SELECT max(occurred_at) AS at, min(occurred_at) AS first_at, count(*)::int AS count, actor_kind, role,
      actor_agency_id, action, purpose, channel, outcome
    FROM lined
    GROUP BY change_seq, day, actor_kind, role, actor_agency_id, action, purpose, channel, outcome
    ORDER BY max(occurred_at) DESC, max(seq) DESC`,
);

export async function findAccessLines(
  db: DbExecutor,
  personId: string,
  options: AccessLineOptions,
): Promise<AccessLineRow[]> {
  const { hiddenActions, limit, viewActions, timeZone } = options;
  const rows = await accessLines.execute(db, personId, hiddenActions, limit, viewActions, timeZone);
  // Both drivers: timestamps may come back as strings (PGlite) or dates (pg), counts as numbers.
  return rows.map((row) => ({
    ...row,
    at: new Date(row.at),
    first_at: new Date(row.first_at),
    count: Number(row.count),
  }));
}
