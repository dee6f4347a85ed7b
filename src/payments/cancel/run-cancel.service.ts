import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import { lockRun } from '../run/payment-run.repository.ts';
import type { RunRow } from '../run/payment-run.repository.ts';
import { reopenArrears, reverseRecoveries, reverseSetOffs } from '../adjustments/reversal.repository.ts';
import * as repo from './run-cancel.repository.ts';

export type CancelRefusal = 'not-found' | 'not-cancellable' | 'already-cancelled';

export type CancelOutcome =
  | {
      readonly outcome: 'cancelled';
      readonly payments: number;
      /** Arrears set off against debts in the run, given back to the debts. */
      readonly setOffsReversed: { readonly count: number; readonly cents: number };
      /** Shares of the run's payments kept for debts, given back to the debts. */
      readonly recoveriesReversed: { readonly count: number; readonly cents: number };
      /** Arrears adjustments the run paid or set off, owed again (the next run settles them). */
      readonly arrearsReopened: number;
      /** Returned payments the run was paying again (its reissues), waiting again for the next run. */
      readonly reissuesUndone: number;
    }
  | { readonly outcome: 'refused'; readonly reason: CancelRefusal };

export interface RunCancelService {
  /**
   * Cancels a run that is prepared (or approved) but not released: its payments are cancelled, what it took
   * from debts (set-offs and recoveries) is given back, the arrears it settled are owed again, and the
   * returned payments it was reissuing wait to be reissued by the next run. One
   * transaction with the run locked, so a kill leaves all of it or none, and a second cancel changes nothing.
   * Cancelling stops money, so whoever may release may cancel, the preparer included (who acts is audited).
   */
  cancel(runId: string, context: AccessContext): Promise<CancelOutcome>;
}

export interface RunCancelDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly clock: () => Date;
}

function refusalOf(run: RunRow | undefined): CancelRefusal | null {
  if (!run) return 'not-found';
  if (run.status === 'cancelled') return 'already-cancelled';
  if (run.status !== 'prepared' && run.status !== 'approved') return 'not-cancellable';
  return null;
}

export function createRunCancelService(deps: RunCancelDependencies): RunCancelService {
  const { db, clock } = deps;
  return {
    async cancel(runId, context) {
      const decided = await db.transaction().execute(async (trx): Promise<CancelOutcome> => {
        const run = await lockRun(trx, runId);
        const refusal = refusalOf(run);
        if (refusal) return { outcome: 'refused', reason: refusal };
        const at = clock();
        const setOffsReversed = await reverseSetOffs(trx, runId, at);
        const recoveriesReversed = await reverseRecoveries(trx, runId, at);
        const arrearsReopened = await reopenArrears(trx, runId);
        const reissuesUndone = await repo.reopenReissuedReturns(trx, runId, at);
        const payments = await repo.cancelPayments(trx, runId, at);
        await repo.markRunCancelled(trx, runId);
        return {
          outcome: 'cancelled',
          payments,
          setOffsReversed,
          recoveriesReversed,
          arrearsReopened,
          reissuesUndone,
        };
      });
      await deps.audit.record(
        auditEntry(
          context,
          null,
          'payments.run.cancel',
          decided.outcome === 'refused' ? 'denied' : 'success',
          {
            runId,
            ...(decided.outcome === 'refused'
              ? { reason: decided.reason }
              : {
                  payments: decided.payments,
                  setOffs: decided.setOffsReversed.count,
                  recoveries: decided.recoveriesReversed.count,
                  reissues: decided.reissuesUndone,
                }),
          },
        ),
      );
      return decided;
    },
  };
}
