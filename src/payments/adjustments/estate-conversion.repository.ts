import { sql } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import './adjustments.tables.ts';

/** A debt of these enrolments still being recovered from a share of payments, with something left to recover. */
export function debtsRecoveredFromPayments(db: DbExecutor, enrolmentIds: readonly string[]) {
  return db
    .selectFrom('payment_debt')
    .select(['id', 'person_id', 'enrolment_id', 'programme_id'])
    .where('enrolment_id', 'in', [...enrolmentIds])
    .where('recover_from', '=', 'payments')
    .where('balance_cents', '>', 0)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Asks the debt's balance of the estate: records what the debt was (its rate and rule, what was recovered and
 * what is left), then changes how it is recovered. The conversion's primary key lets this happen once per
 * debt: a second call, or a call for a debt already recovered in full or already the estate's, changes
 * nothing and returns false.
 */
export async function convertToEstate(
  db: DbExecutor,
  step: { debtId: string; runId: string; diedOn: string; ruleReference: string },
): Promise<boolean> {
  const recorded = await db
    .insertInto('payment_debt_estate_conversion')
    .columns([
      'debt_id',
      'run_id',
      'died_on',
      'recovered_cents',
      'balance_cents',
      'previous_rate_basis_points',
      'previous_rule_reference',
    ])
    .expression((eb) =>
      eb
        .selectFrom('payment_debt')
        .select([
          'id',
          sql<string>`${step.runId}::uuid`.as('run_id'),
          sql<string>`${step.diedOn}::text`.as('died_on'),
          sql<number>`original_cents - balance_cents`.as('recovered_cents'),
          'balance_cents',
          'rate_basis_points',
          'rule_reference',
        ])
        .where('id', '=', step.debtId)
        .where('recover_from', '=', 'payments')
        .where('balance_cents', '>', 0),
    )
    .onConflict((oc) => oc.column('debt_id').doNothing())
    .returning('debt_id')
    .executeTakeFirst();
  if (!recorded) return false;
  await db
    .updateTable('payment_debt')
    .set({
      recover_from: 'estate',
      rate_basis_points: 0,
      died_on: step.diedOn,
      rule_reference: step.ruleReference,
    })
    .where('id', '=', step.debtId)
    .where('recover_from', '=', 'payments')
    .execute();
  return true;
}
