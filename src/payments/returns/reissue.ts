import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '../../platform/db/schema.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PayeeDirectory } from '../run/run-ports.ts';
import type { RunRow } from '../run/payment-run.repository.ts';
import { isoDay, newReference } from '../run/run-parts.ts';

const BATCH = 500;

/** Returned payments of a programme still waiting for new banking details, after a given return id. */
function waitingReissue(db: DbExecutor, programmeId: string, runId: string, after: string | null) {
  return db
    .selectFrom('payment_return as r')
    .innerJoin('payment as p', 'p.id', 'r.payment_id')
    .select([
      'r.id as return_id',
      'r.loaded_at',
      'p.id',
      'p.enrolment_id',
      'p.person_id',
      'p.programme_id',
      'p.period',
      'p.amount_cents',
      'p.arrears',
      'p.decision_id',
    ])
    .where('r.status', '=', 'matched')
    .where('p.status', '=', 'returned')
    .where('p.kind', '=', 'regular')
    .where('p.programme_id', '=', programmeId)
    .where('p.run_id', '<>', runId)
    .$if(after !== null, (query) => query.where('r.id', '>', after ?? ''))
    .orderBy('r.id')
    .limit(BATCH)
    .execute();
}

type Waiting = Awaited<ReturnType<typeof waitingReissue>>[number];

/**
 * Pays again, in this run, every returned payment of its programme whose person changed their direct deposit
 * after the return was loaded. Once by construction: the reissue is the payment's (enrolment, period,
 * 'reissue') and `reissue_of` is unique, both inserted ON CONFLICT DO NOTHING, so a resumed or repeated
 * preparation adds nothing; the original becomes `reissued` and its return `reissued` in the same
 * transaction. A reissue that comes back too is held for an agent: it is never paid a third time.
 */
export async function addReissues(
  db: Kysely<DB>,
  run: RunRow,
  payees: PayeeDirectory,
  clock: () => Date,
): Promise<number> {
  let added = 0;
  let after: string | null = null;
  for (;;) {
    const waiting = await waitingReissue(db, run.programme_id, run.id, after);
    if (waiting.length === 0) return added;
    after = waiting.at(-1)?.return_id ?? after;
    const details = await payees.payees([...new Set(waiting.map((w) => w.person_id))]);
    const changed = waiting.filter((w) => {
      const payee = details.get(w.person_id);
      return payee?.account && payee.accountChangedAt && payee.accountChangedAt > new Date(w.loaded_at);
    });
    if (changed.length > 0)
      added += await db.transaction().execute((trx) => reissueAll(trx, run, changed, clock()));
  }
}

async function reissueAll(trx: DbExecutor, run: RunRow, changed: readonly Waiting[], at: Date) {
  let added = 0;
  for (const original of changed) {
    const id = randomUUID();
    const inserted = await trx
      .insertInto('payment')
      .values({
        id,
        reference: newReference(),
        run_id: run.id,
        enrolment_id: original.enrolment_id,
        person_id: original.person_id,
        programme_id: original.programme_id,
        period: original.period,
        kind: 'reissue',
        amount_cents: Number(original.amount_cents),
        arrears: original.arrears,
        decision_id: original.decision_id,
        pay_date: isoDay(run.pay_date),
        reissue_of: original.id,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    added++;
    await trx
      .updateTable('payment')
      .set({ status: 'reissued', updated_at: at })
      .where('id', '=', original.id)
      .execute();
    await trx
      .updateTable('payment_return')
      .set({ status: 'reissued', reissue_payment_id: id })
      .where('id', '=', original.return_id)
      .execute();
  }
  return added;
}
