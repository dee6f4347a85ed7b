import type { DbExecutor } from '../../platform/db/schema.ts';

/** A return as the matching page needs it, with any match proposed for it. */
export function findReturnForMatch(db: DbExecutor, returnId: string) {
  return db
    .selectFrom('payment_return')
    .select([
      'id',
      'reference',
      'amount_cents',
      'reason',
      'bank_reason_code',
      'returned_on',
      'status',
      'match_payment_id',
      'match_proposed_by',
      'match_proposed_at',
      'match_reason',
    ])
    .where('id', '=', returnId)
    .executeTakeFirst();
}

export interface CandidateSearch {
  readonly amountCents: number;
  readonly from: string;
  readonly to: string;
  /** Part of the payment's reference, as the bank may have echoed it garbled. */
  readonly reference: string;
}

/** Issued deposits a held return could be: the same amount, paid in the window, the reference alike. */
export function candidatePayments(db: DbExecutor, search: CandidateSearch, limit: number) {
  let query = db
    .selectFrom('payment')
    .select(['id', 'reference', 'amount_cents', 'pay_date', 'programme_id', 'period', 'account_last3'])
    .where('status', '=', 'issued')
    .where('method', '=', 'deposit')
    .where('amount_cents', '=', search.amountCents)
    .where('pay_date', '>=', search.from)
    .where('pay_date', '<=', search.to);
  if (search.reference !== '')
    query = query.where('reference', 'like', `%${search.reference.replace(/[%_\\]/g, '')}%`);
  return query.orderBy('pay_date', 'desc').orderBy('reference').limit(limit).execute();
}

export function findPayment(db: DbExecutor, paymentId: string) {
  return db
    .selectFrom('payment')
    .select([
      'id',
      'reference',
      'amount_cents',
      'pay_date',
      'programme_id',
      'period',
      'account_last3',
      'status',
      'method',
      'person_id',
    ])
    .where('id', '=', paymentId)
    .executeTakeFirst();
}

/** Records the proposal on a held return without one; false when it is not held or already has one. */
export async function proposeMatch(
  db: DbExecutor,
  returnId: string,
  proposal: { paymentId: string; staffId: string; reason: string; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('payment_return')
    .set({
      match_payment_id: proposal.paymentId,
      match_proposed_by: proposal.staffId,
      match_proposed_at: proposal.at,
      match_reason: proposal.reason,
    })
    .where('id', '=', returnId)
    .where('status', '=', 'held')
    .where('match_payment_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Withdraws a proposal (a confirmer turned it down); false when there was none on a held return. */
export async function clearProposal(db: DbExecutor, returnId: string): Promise<boolean> {
  const row = await db
    .updateTable('payment_return')
    .set({ match_payment_id: null, match_proposed_by: null, match_proposed_at: null, match_reason: null })
    .where('id', '=', returnId)
    .where('status', '=', 'held')
    .where('match_payment_id', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Makes the held return a matched one, on the proposed payment, confirmed by someone else; marks the payment
 * returned. Both only if nothing changed since the proposal: false otherwise (the caller's transaction rolls back).
 */
export async function confirmMatch(
  db: DbExecutor,
  returnId: string,
  confirm: { paymentId: string; staffId: string; at: Date },
): Promise<boolean> {
  const matched = await db
    .updateTable('payment_return')
    .set({
      status: 'matched',
      payment_id: confirm.paymentId,
      matched_by: confirm.staffId,
      matched_at: confirm.at,
    })
    .where('id', '=', returnId)
    .where('status', '=', 'held')
    .where('match_payment_id', '=', confirm.paymentId)
    .where('match_proposed_by', '<>', confirm.staffId)
    .returning('id')
    .executeTakeFirst();
  if (!matched) return false;
  const returned = await db
    .updateTable('payment')
    .set({ status: 'returned', updated_at: confirm.at })
    .where('id', '=', confirm.paymentId)
    .where('status', '=', 'issued')
    .returning('id')
    .executeTakeFirst();
  return returned !== undefined;
}

/** Held returns with a match proposed, waiting for a second person, oldest first. */
export async function proposedMatchIds(db: DbExecutor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('payment_return')
    .select('id')
    .where('status', '=', 'held')
    .where('match_payment_id', 'is not', null)
    .orderBy('match_proposed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
