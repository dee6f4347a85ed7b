import { sql } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import './adjustments.tables.ts';

/** What a cancelled run gave back: to each debt, and in all. */
export interface GivenBack {
  readonly count: number;
  readonly cents: number;
}

/**
 * Gives each debt back what `rows` took from it. Called with the rows a reversal has just marked, so each
 * cent is given back once: a second cancel finds nothing left unmarked.
 */
async function giveBack(
  db: DbExecutor,
  rows: readonly { debt_id: string; cents: string | number }[],
): Promise<GivenBack> {
  const byDebt = new Map<string, number>();
  for (const row of rows) byDebt.set(row.debt_id, (byDebt.get(row.debt_id) ?? 0) + Number(row.cents));
  let cents = 0;
  for (const [debtId, back] of byDebt) {
    await db
      .updateTable('payment_debt')
      .set({ balance_cents: sql<number>`balance_cents + ${back}` })
      .where('id', '=', debtId)
      .execute();
    cents += back;
  }
  return { count: rows.length, cents };
}

/** Marks the run's set-offs reversed and gives their cents back to the debts (migration 0920). */
export async function reverseSetOffs(db: DbExecutor, runId: string, at: Date): Promise<GivenBack> {
  const rows = await db
    .updateTable('payment_debt_set_off')
    .set({ reversed_at: at })
    .where('run_id', '=', runId)
    .where('reversed_at', 'is', null)
    .returning(['debt_id', 'set_off_cents as cents'])
    .execute();
  return giveBack(db, rows);
}

/** Marks reversed what was kept from the run's payments for a debt, and gives it back to the debts. */
export async function reverseRecoveries(db: DbExecutor, runId: string, at: Date): Promise<GivenBack> {
  const rows = await db
    .updateTable('payment_debt_recovery')
    .set({ reversed_at: at })
    .where('reversed_at', 'is', null)
    .where('payment_id', 'in', (eb) => eb.selectFrom('payment').select('id').where('run_id', '=', runId))
    .returning(['debt_id', 'recovered_cents as cents'])
    .execute();
  return giveBack(db, rows);
}

/**
 * The arrears the run paid or set off are owed again: neither paid nor set off, so the next run pays them
 * (or sets them off again, under the rule in force then). Their lines stay: the difference is not found twice.
 */
export async function reopenArrears(db: DbExecutor, runId: string): Promise<number> {
  const rows = await db
    .updateTable('payment_adjustment')
    .set({ payment_id: null, set_off_cents: 0, settled_run_id: null })
    .where('settled_run_id', '=', runId)
    .returning('id')
    .execute();
  return rows.length;
}
