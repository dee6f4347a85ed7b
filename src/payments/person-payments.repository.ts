import type { DbExecutor } from '../platform/db/schema.ts';
import './payments.tables.ts';

/**
 * A person's live payments (cancelled ones left out), as a subquery to select from. They are found through the
 * person's enrolments: regular and arrears payments by `payment_once (enrolment_id, period, kind)`, reissues by
 * `payment_reissue_once_per_period (enrolment_id, period)`; each branch repeats its index's predicate so that the
 * planner can use it. The person's own id is checked as well, so an enrolment's payments are shown only to the
 * person they were paid to. `enrolmentIds` must not be empty.
 */
export function livePaymentsOf(db: DbExecutor, personId: string, enrolmentIds: readonly string[]) {
  const branch = (kind: '=' | '<>') =>
    db
      .selectFrom('payment')
      .selectAll()
      .where('enrolment_id', 'in', enrolmentIds)
      .where('kind', kind, 'reissue')
      .where('status', '<>', 'cancelled')
      .where('person_id', '=', personId);
  return branch('<>').unionAll(branch('='));
}
