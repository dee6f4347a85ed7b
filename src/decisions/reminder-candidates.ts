import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { addDays, isoDateOf } from './dates.ts';
import { loadDecisionPolicy } from './programme-policy.ts';

const DAY_MS = 86_400_000;
const startOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/**
 * The deadlines decisions knows, for whoever reminds people of them (the root hands them to the inbox):
 * information asked for and not received, and the last day to ask for a reconsideration of a decision.
 * Read-only; nothing here decides or writes.
 */
export function createDecisionDeadlines(db: Kysely<DB>, reviewDays = loadDecisionPolicy().reviewDays) {
  return {
    /** Cases still waiting for the person's information, asked for at or before `requestedBefore`. */
    async informationOutstanding(requestedBefore: Date) {
      const rows = await db
        .selectFrom('decision_case')
        .select(['id', 'person_id', 'reference', 'programme_id', 'clock_stopped_at'])
        .where('status', '=', 'information-requested')
        .where('clock_stopped_at', '<=', requestedBefore)
        .orderBy('clock_stopped_at')
        .execute();
      return rows.flatMap((row) =>
        row.clock_stopped_at
          ? [
              {
                personId: row.person_id,
                caseId: row.id,
                caseReference: row.reference,
                programmeId: row.programme_id,
                requestedAt: new Date(row.clock_stopped_at),
              },
            ]
          : [],
      );
    },

    /**
     * Final decisions whose letter went out and whose reconsideration deadline (decision day + review days, as
     * the letter says) falls between `from` and `to` inclusive, for the outcomes asked.
     */
    async reviewDeadlinesBetween(from: string, to: string, outcomes: readonly string[]) {
      if (outcomes.length === 0) return [];
      const rows = await db
        .selectFrom('decision as d')
        .innerJoin('decision_case as c', 'c.id', 'd.case_id')
        .select(['d.id', 'd.person_id', 'd.programme_id', 'd.created_at', 'c.reference'])
        .where('d.final', '=', true)
        .where('d.letter_sent_at', 'is not', null)
        .where('d.outcome', 'in', outcomes as ('approved' | 'refused')[])
        .where('d.created_at', '>=', new Date(startOf(from).getTime() - reviewDays * DAY_MS))
        .where('d.created_at', '<', new Date(startOf(to).getTime() - (reviewDays - 1) * DAY_MS))
        .orderBy('d.created_at')
        .execute();
      return rows.map((row) => ({
        personId: row.person_id,
        decisionId: row.id,
        caseReference: row.reference,
        programmeId: row.programme_id,
        reviewBy: addDays(isoDateOf(new Date(row.created_at).toISOString()), reviewDays),
      }));
    },
  };
}

export type DecisionDeadlines = ReturnType<typeof createDecisionDeadlines>;
