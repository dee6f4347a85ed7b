import { sql } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import '../adjustments/adjustments.tables.ts';
import { livePaymentsOf } from '../person-payments.repository.ts';

/** The person's payments with a pay date in the year, with what was kept from each for a debt. */
export async function paymentsInYear(
  db: DbExecutor,
  personId: string,
  enrolmentIds: readonly string[],
  year: number,
) {
  if (enrolmentIds.length === 0) return [];
  return db
    .selectFrom(livePaymentsOf(db, personId, enrolmentIds).as('p'))
    .select([
      'p.programme_id',
      'p.period',
      'p.kind',
      'p.pay_date',
      'p.status',
      'p.amount_cents',
      sql<string | number>`coalesce((SELECT sum(r.recovered_cents) FROM payment_debt_recovery r
        WHERE r.payment_id = p.id), 0)`.as('recovered_cents'),
    ])
    .where('p.pay_date', '>=', `${year}-01-01`)
    .where('p.pay_date', '<=', `${year}-12-31`)
    .orderBy('p.pay_date')
    .orderBy('p.programme_id')
    .orderBy('p.period')
    .execute();
}

/** The years the person was paid in, newest first. */
export async function yearsPaid(
  db: DbExecutor,
  personId: string,
  enrolmentIds: readonly string[],
): Promise<number[]> {
  if (enrolmentIds.length === 0) return [];
  const rows = await db
    .selectFrom(livePaymentsOf(db, personId, enrolmentIds).as('p'))
    .select(sql<number>`DISTINCT extract(year FROM pay_date)::int`.as('year'))
    .execute();
  return rows.map((row) => Number(row.year)).sort((a, b) => b - a);
}

/**
 * Arrears set off against the person's debts in released runs paying in the year: income of the year that
 * went to repay an overpayment instead of being paid (migration 0830).
 */
export function setOffsInYear(db: DbExecutor, personId: string, year: number) {
  return db
    .selectFrom('payment_debt_set_off as s')
    .innerJoin('payment_debt as d', 'd.id', 's.debt_id')
    .innerJoin('payment_run as r', 'r.id', 's.run_id')
    .select(['d.programme_id', 'r.period', 'r.pay_date', 's.set_off_cents'])
    .where('d.person_id', '=', personId)
    .where('r.status', '=', 'released')
    .where('r.pay_date', '>=', `${year}-01-01`)
    .where('r.pay_date', '<=', `${year}-12-31`)
    .orderBy('r.pay_date')
    .execute();
}
