import type { DbExecutor } from '../../platform/db/schema.ts';
import '../payments.tables.ts';
import './adjustments.tables.ts';

/** One enrolment's arrears set off in one run: what one letter tells. */
export interface SetOffGroup {
  readonly runId: string;
  readonly enrolmentId: string;
}

/**
 * Enrolments whose set-offs in a released run no letter has told yet (a cancelled run's are reversed and
 * never told; a run only prepared may still be cancelled, so it waits), oldest run first.
 */
export async function untoldGroups(db: DbExecutor, limit: number): Promise<SetOffGroup[]> {
  const rows = await db
    .selectFrom('payment_debt_set_off as s')
    .innerJoin('payment_debt as d', 'd.id', 's.debt_id')
    .innerJoin('payment_run as r', 'r.id', 's.run_id')
    .select(['s.run_id', 'd.enrolment_id'])
    .distinct()
    .where('s.letter_sent_at', 'is', null)
    .where('s.reversed_at', 'is', null)
    .where('r.status', '=', 'released')
    .orderBy('s.run_id')
    .orderBy('d.enrolment_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ runId: row.run_id, enrolmentId: row.enrolment_id }));
}

/** The group's set-offs with their debts as they stand now, oldest debt first. */
export function setOffsOf(db: DbExecutor, group: SetOffGroup) {
  return db
    .selectFrom('payment_debt_set_off as s')
    .innerJoin('payment_debt as d', 'd.id', 's.debt_id')
    .innerJoin('payment_run as r', 'r.id', 's.run_id')
    .select([
      'd.id as debt_id',
      'd.person_id',
      'd.programme_id',
      'd.balance_cents',
      's.set_off_cents',
      's.rate_basis_points',
      's.rule_reference',
      'r.pay_date',
    ])
    .where('s.run_id', '=', group.runId)
    .where('d.enrolment_id', '=', group.enrolmentId)
    .where('s.reversed_at', 'is', null)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

/** What the run pays of the enrolment's arrears once the debts took their share (none when all went). */
export async function arrearsPaidIn(db: DbExecutor, group: SetOffGroup): Promise<number> {
  const row = await db
    .selectFrom('payment')
    .select('amount_cents')
    .where('run_id', '=', group.runId)
    .where('enrolment_id', '=', group.enrolmentId)
    .where('kind', '=', 'arrears')
    .executeTakeFirst();
  return row ? Number(row.amount_cents) : 0;
}

export async function markSetOffsTold(db: DbExecutor, group: SetOffGroup, at: Date): Promise<void> {
  await db
    .updateTable('payment_debt_set_off')
    .set({ letter_sent_at: at })
    .where('run_id', '=', group.runId)
    .where('letter_sent_at', 'is', null)
    .where('debt_id', 'in', (eb) =>
      eb.selectFrom('payment_debt').select('id').where('enrolment_id', '=', group.enrolmentId),
    )
    .execute();
}
