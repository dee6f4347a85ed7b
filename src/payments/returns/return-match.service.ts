import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import { isoDay } from '../run/run-parts.ts';
import * as repo from './return-match.repository.ts';
import type { CandidateSearch } from './return-match.repository.ts';

/** A payment a held return could be: what staff need to tell, and nothing more (the account's last 3 digits). */
export interface CandidatePayment {
  readonly id: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly payDate: string;
  readonly programmeId: string;
  readonly period: string;
  readonly accountLast3: string | null;
}

export interface HeldReturn {
  readonly id: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly reason: string;
  readonly bankReasonCode: string;
  readonly returnedOn: string;
  readonly status: string;
  readonly proposal: {
    readonly payment: CandidatePayment;
    readonly proposedBy: string;
    readonly reason: string;
  } | null;
}

export type ProposeOutcome = 'proposed' | 'not-held' | 'not-a-candidate';
export type ConfirmOutcome = 'matched' | 'own-proposal' | 'no-proposal' | 'payment-changed';

export interface ReturnMatchService {
  heldReturn(returnId: string): Promise<HeldReturn | null>;
  /** Matches proposed and waiting for a second person to confirm them, oldest first. */
  proposed(): Promise<HeldReturn[]>;
  /** Issued deposits of the return's amount paid in the window (by default the 45 days up to its return). */
  search(held: HeldReturn, criteria: Partial<CandidateSearch>): Promise<CandidatePayment[]>;
  propose(
    returnId: string,
    paymentId: string,
    reason: string,
    staffId: string,
    context: AccessContext,
  ): Promise<ProposeOutcome>;
  /** Another person confirms: the return is matched and treated as any matched return (letter, follow-up). */
  confirm(returnId: string, staffId: string, context: AccessContext): Promise<ConfirmOutcome>;
  reject(returnId: string, staffId: string, context: AccessContext): Promise<boolean>;
}

export interface ReturnMatchDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly clock: () => Date;
  /** Sends the letters of matched returns not told yet (the returns service's `tellUntold`). */
  readonly tellUntold: () => Promise<number>;
}

// A return comes back within days of the payment; 45 leaves room for a bank's slow month-end.
const WINDOW_DAYS = 45;
const LIMIT = 25;

const candidateOf = (row: NonNullable<Awaited<ReturnType<typeof repo.findPayment>>>): CandidatePayment => ({
  id: row.id,
  reference: row.reference,
  amountCents: Number(row.amount_cents),
  payDate: isoDay(row.pay_date),
  programmeId: row.programme_id,
  period: row.period,
  accountLast3: row.account_last3,
});

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function createReturnMatchService(deps: ReturnMatchDependencies): ReturnMatchService {
  const { db } = deps;
  const audit = (
    context: AccessContext,
    personId: string | null,
    action: string,
    ok: boolean,
    details: object,
  ) => deps.audit.record(auditEntry(context, personId, action, ok ? 'success' : 'failure', { ...details }));

  async function heldReturn(returnId: string): Promise<HeldReturn | null> {
    const row = await repo.findReturnForMatch(db, returnId);
    if (!row) return null;
    const payment = row.match_payment_id ? await repo.findPayment(db, row.match_payment_id) : undefined;
    return {
      id: row.id,
      reference: row.reference,
      amountCents: Number(row.amount_cents),
      reason: row.reason,
      bankReasonCode: row.bank_reason_code,
      returnedOn: isoDay(row.returned_on),
      status: row.status,
      proposal:
        payment && row.match_proposed_by && row.match_reason
          ? { payment: candidateOf(payment), proposedBy: row.match_proposed_by, reason: row.match_reason }
          : null,
    };
  }

  return {
    heldReturn,
    async proposed() {
      const found = await Promise.all((await repo.proposedMatchIds(db, LIMIT * 4)).map(heldReturn));
      return found.filter((held): held is HeldReturn => held !== null);
    },
    async search(held, criteria) {
      const search: CandidateSearch = {
        amountCents: criteria.amountCents ?? held.amountCents,
        from: criteria.from ?? daysBefore(held.returnedOn, WINDOW_DAYS),
        to: criteria.to ?? held.returnedOn,
        reference: criteria.reference ?? '',
      };
      const rows = await repo.candidatePayments(db, search, LIMIT);
      return rows.map((row) => candidateOf({ ...row, status: 'issued', method: 'deposit', person_id: '' }));
    },
    async propose(returnId, paymentId, reason, staffId, context) {
      const held = await heldReturn(returnId);
      const payment = await repo.findPayment(db, paymentId);
      const fits =
        payment?.status === 'issued' &&
        payment.method === 'deposit' &&
        held !== null &&
        Number(payment.amount_cents) === held.amountCents;
      const outcome: ProposeOutcome =
        !held || held.status !== 'held' || held.proposal
          ? 'not-held'
          : !fits
            ? 'not-a-candidate'
            : (await repo.proposeMatch(db, returnId, { paymentId, staffId, reason, at: deps.clock() }))
              ? 'proposed'
              : 'not-held';
      await audit(
        context,
        payment?.person_id ?? null,
        'payments.returns.match.propose',
        outcome === 'proposed',
        {
          returnId,
          paymentId,
          outcome,
          reason,
        },
      );
      return outcome;
    },
    async confirm(returnId, staffId, context) {
      const held = await heldReturn(returnId);
      const proposal = held?.status === 'held' ? held.proposal : null;
      let outcome: ConfirmOutcome;
      if (!proposal) outcome = 'no-proposal';
      else if (proposal.proposedBy === staffId) outcome = 'own-proposal';
      else {
        const done = await db
          .transaction()
          .execute(async (trx) => {
            const ok = await repo.confirmMatch(trx, returnId, {
              paymentId: proposal.payment.id,
              staffId,
              at: deps.clock(),
            });
            if (!ok) throw new PaymentChangedError();
            return true;
          })
          .catch((error: unknown) => {
            if (error instanceof PaymentChangedError) return false;
            throw error;
          });
        outcome = done ? 'matched' : 'payment-changed';
      }
      const payment = proposal ? await repo.findPayment(db, proposal.payment.id) : undefined;
      await audit(
        context,
        payment?.person_id ?? null,
        'payments.returns.match.confirm',
        outcome === 'matched',
        {
          returnId,
          paymentId: proposal?.payment.id ?? null,
          proposedBy: proposal?.proposedBy ?? null,
          outcome,
        },
      );
      if (outcome === 'matched') await deps.tellUntold();
      return outcome;
    },
    async reject(returnId, staffId, context) {
      const held = await heldReturn(returnId);
      const cleared = await repo.clearProposal(db, returnId);
      await audit(context, null, 'payments.returns.match.reject', cleared, {
        returnId,
        paymentId: held?.proposal?.payment.id ?? null,
        proposedBy: held?.proposal?.proposedBy ?? null,
        rejectedBy: staffId,
      });
      return cleared;
    },
  };
}

/** The payment or the return changed between the proposal and its confirmation: nothing is matched. */
class PaymentChangedError extends Error {
  constructor() {
    super('The return or the payment changed since the match was proposed');
    this.name = 'PaymentChangedError';
  }
}
