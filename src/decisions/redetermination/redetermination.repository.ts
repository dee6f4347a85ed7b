import { sql } from 'kysely';
import type { DbExecutor } from '../../platform/db/schema.ts';
import './redetermination.tables.ts';

export function findRun(db: DbExecutor, year: number) {
  return db.selectFrom('redetermination_run').selectAll().where('benefit_year', '=', year).executeTakeFirst();
}

/** Creates the year's run unless it exists; true when created. */
export async function createRun(db: DbExecutor, year: number, total: number): Promise<boolean> {
  const inserted = await db
    .insertInto('redetermination_run')
    .values({ benefit_year: year, resume_after: null, persons_total: total })
    .onConflict((conflict) => conflict.column('benefit_year').doNothing())
    .returning('benefit_year')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Everyone with an income-tested entitlement in force on the first day of the benefit year. One that starts
 * later was decided on newer facts already (re-rating it from July would erase it).
 */
function peopleQuery(db: DbExecutor, programmes: readonly string[], from: string) {
  return db
    .selectFrom('enrolment_entitlement')
    .where('programme_id', 'in', [...programmes])
    .where('valid_from', '<=', from)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
}

export async function countPeople(
  db: DbExecutor,
  programmes: readonly string[],
  from: string,
): Promise<number> {
  const row = await peopleQuery(db, programmes, from)
    .select((eb) => eb.fn.count<string>('person_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function nextPeople(
  db: DbExecutor,
  programmes: readonly string[],
  from: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  let query = peopleQuery(db, programmes, from)
    .select('person_id')
    .distinct()
    .orderBy('person_id')
    .limit(limit);
  if (after !== null) query = query.where('person_id', '>', after);
  return (await query.execute()).map((row) => row.person_id);
}

/** A person's income-tested schedule rows around the first day of the benefit year. */
export function scheduleAround(
  db: DbExecutor,
  personId: string,
  programmes: readonly string[],
  from: string,
) {
  return db
    .selectFrom('enrolment_entitlement')
    .select(['programme_id', 'valid_from', 'valid_to', 'amount_cents', 'period_kind'])
    .where('person_id', '=', personId)
    .where('programme_id', 'in', [...programmes])
    .where((eb) =>
      eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', sql<string>`(${from}::date - 1)`)]),
    )
    .orderBy('programme_id')
    .orderBy('valid_from')
    .execute();
}

/** Moves the cursor after a batch, unless another process moved it first; true when moved. */
export async function advance(
  db: DbExecutor,
  year: number,
  previous: string | null,
  step: { last: string; done: number; changed: number; unchanged: number; review: number },
): Promise<boolean> {
  const result = await db
    .updateTable('redetermination_run')
    .set((eb) => ({
      resume_after: step.last,
      persons_done: eb('persons_done', '+', step.done),
      changed: eb('changed', '+', step.changed),
      unchanged: eb('unchanged', '+', step.unchanged),
      needs_review: eb('needs_review', '+', step.review),
    }))
    .where('benefit_year', '=', year)
    .where('status', '=', 'running')
    .where(sql<boolean>`resume_after IS NOT DISTINCT FROM ${previous}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finish(db: DbExecutor, year: number, at: Date): Promise<void> {
  await db
    .updateTable('redetermination_run')
    .set({ status: 'done', finished_at: at })
    .where('benefit_year', '=', year)
    .execute();
}
