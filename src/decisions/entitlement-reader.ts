import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** One row of an enrolment's entitlement schedule, as payment runs read it. */
export interface EntitlementScheduleRow {
  readonly enrolmentId: string;
  readonly personId: string;
  readonly programmeId: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly amountCents: number;
  readonly periodKind: 'month' | 'biweekly';
  readonly decisionId: string;
}

const ENROLMENTS_PER_PAGE = 500;

const day = (value: Date | string): string =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/**
 * The entitlement schedules decisions wrote, for the payment run (ADR 0020's `EntitlementSource`): a
 * programme's rows by enrolment id then start date, every row of an enrolment in the same page. Pages by key
 * (`enrolment_id > last`) and holds no cursor, so the run can write between pages on one connection.
 */
export function createEntitlementReader(db: Kysely<DB>) {
  return {
    async *stream(query: { programmeId: string; afterEnrolmentId: string | null }) {
      let after = query.afterEnrolmentId;
      for (;;) {
        let ids = db
          .selectFrom('enrolment_entitlement')
          .where('programme_id', '=', query.programmeId)
          .select('enrolment_id')
          .distinct()
          .orderBy('enrolment_id')
          .limit(ENROLMENTS_PER_PAGE);
        if (after !== null) ids = ids.where('enrolment_id', '>', after);
        const page = (await ids.execute()).map((row) => row.enrolment_id);
        if (page.length === 0) return;
        const rows = await db
          .selectFrom('enrolment_entitlement')
          .where('programme_id', '=', query.programmeId)
          .where('enrolment_id', 'in', page)
          .selectAll()
          .orderBy('enrolment_id')
          .orderBy('valid_from')
          .execute();
        for (const row of rows)
          yield {
            enrolmentId: row.enrolment_id,
            personId: row.person_id,
            programmeId: row.programme_id,
            validFrom: day(row.valid_from),
            validTo: row.valid_to === null ? null : day(row.valid_to),
            amountCents: Number(row.amount_cents),
            periodKind: row.period_kind,
            decisionId: row.decision_id,
          } satisfies EntitlementScheduleRow;
        after = page[page.length - 1] ?? null;
      }
    },
    async countEnrolments(programmeId: string): Promise<number> {
      const row = await db
        .selectFrom('enrolment_entitlement')
        .where('programme_id', '=', programmeId)
        .select((eb) => eb.fn.count<string>('enrolment_id').distinct().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
