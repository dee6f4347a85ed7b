import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { lockRun } from '../run/payment-run.repository.ts';
import type { RunRow } from '../run/payment-run.repository.ts';
import type { PayeeDetails, PayeeDirectory } from '../run/run-ports.ts';
import * as repo from './release.repository.ts';

/** Dated, cited policy of the release, from configuration. */
export interface ReleasePolicy {
  /** A run whose total is above this needs a second approver as well as the releasing supervisor. */
  readonly secondApprovalAboveCents: number;
  /** A deposit changed fewer than this many days before release holds its payment for review. */
  readonly accountChangeReviewDays: number;
}

export const DEFAULT_RELEASE_POLICY: ReleasePolicy = {
  secondApprovalAboveCents: 100_000_000, // $1,000,000
  accountChangeReviewDays: 10,
};

export type ReleaseOutcome =
  | {
      readonly outcome: 'released';
      readonly issued: number;
      readonly review: number;
      readonly cheques: number;
    }
  | { readonly outcome: 'approved-needs-second' }
  | { readonly outcome: 'refused'; readonly reason: ReleaseRefusal };

export type ReleaseRefusal = 'not-found' | 'not-ready' | 'own-run' | 'already-approved-by-you';

export interface ReleaseService {
  /** A supervisor releases (or, above the threshold, first approves) a prepared run: never its preparer. */
  release(runId: string, staffId: string, context: AccessContext): Promise<ReleaseOutcome>;
}

export interface ReleaseDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly payees: PayeeDirectory;
  readonly policy: ReleasePolicy;
  readonly clock: () => Date;
  /** Once a run is released: the letters that wait for money to move (arrears set off against a debt). */
  readonly afterReleased?: (runId: string) => Promise<void>;
  /** Payments per settling statement (5,000; tests take small pages to cross page boundaries). */
  readonly pageSize?: number;
}

export function createReleaseService(deps: ReleaseDependencies): ReleaseService {
  const { db, policy, clock } = deps;
  const pageSize = deps.pageSize ?? 5_000;

  function refusalOf(run: RunRow | undefined, staffId: string): ReleaseRefusal | null {
    if (!run) return 'not-found';
    if (run.status !== 'prepared' && run.status !== 'approved') return 'not-ready';
    if (run.prepared_by === staffId) return 'own-run';
    if (run.approved_by === staffId) return 'already-approved-by-you';
    return null;
  }

  /** What release makes of a page: payees read once for the page, encrypted in bulk (on the workers if any). */
  async function settlementsOf(page: readonly repo.PendingPayment[]): Promise<repo.Settlement[]> {
    const since = clock().getTime() - policy.accountChangeReviewDays * 86_400_000;
    const payees = await deps.payees.payees([...new Set(page.map((p) => p.person_id))]);
    const settled = page.map((payment) => settlement(payees.get(payment.person_id), since));
    const ciphertexts = await deps.cipher.encryptMany(settled.map((s) => s.payee));
    return page.map((payment, i) => {
      const { payee: _payee, ...values } = settled[i] as ReturnType<typeof settlement>;
      return { id: payment.id, ...values, payee_ciphertext: ciphertexts[i] ?? '' };
    });
  }

  /**
   * Settles the run page by page, each page one statement; the next page is read and encrypted while the one
   * before is written. A stopped release resumes here and passes over what is settled already.
   */
  async function settle(runId: string): Promise<repo.SettledCounts> {
    const counts = { issued: 0, review: 0, cheques: 0 };
    let after = '';
    let writing: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const page = await repo.pendingPaymentsPage(db, runId, after, pageSize);
        if (page.length === 0) break;
        after = page.at(-1)?.reference ?? after;
        const settlements = await settlementsOf(page);
        await writing;
        writing = repo.settlePayments(db, settlements, clock()).then((done) => {
          counts.issued += done.issued;
          counts.review += done.review;
          counts.cheques += done.cheques;
        });
        writing.catch(() => undefined);
      }
    } catch (error) {
      await writing.catch(() => undefined); // the page in flight lands (or not) before the error is told
      throw error;
    }
    await writing;
    return counts;
  }

  return {
    async release(runId, staffId, context) {
      const decided = await db.transaction().execute(async (trx) => {
        const run = await lockRun(trx, runId);
        const refusal = refusalOf(run, staffId);
        if (run?.status === 'releasing') return { outcome: 'released' } as const; // a stopped release resumes
        if (refusal || !run) return { outcome: 'refused', reason: refusal ?? 'not-found' } as const;
        const needsSecond =
          Number(run.total_cents) > policy.secondApprovalAboveCents && run.approved_by === null;
        if (needsSecond) {
          await repo.recordApproval(trx, runId, staffId, clock());
          return { outcome: 'approved-needs-second' } as const;
        }
        await repo.recordRelease(trx, runId, staffId, clock());
        return { outcome: 'released' } as const;
      });
      const outcome = decided.outcome === 'refused' ? 'denied' : 'success';
      await deps.audit.record(
        auditEntry(context, null, `payments.run.${decided.outcome}`, outcome, { runId, ...decided }),
      );
      if (decided.outcome !== 'released') return decided;
      const counts = await settle(runId);
      await repo.finishRelease(db, runId);
      await deps.afterReleased?.(runId);
      await deps.audit.record(
        auditEntry(context, null, 'payments.run.payees-read', 'success', { runId, ...counts }),
      );
      return { outcome: 'released', ...counts };
    },
  };
}

/** What release makes of one payment: paid to the deposit, by cheque, or held for review. */
function settlement(payee: PayeeDetails | undefined, recentSince: number) {
  const account = payee?.account ?? null;
  const recent = account !== null && (payee?.accountChangedAt?.getTime() ?? 0) > recentSince;
  return {
    status: recent || !payee ? ('review' as const) : ('issued' as const),
    method: account ? ('deposit' as const) : ('cheque' as const),
    review_reason: !payee ? 'no-payee' : recent ? 'recent-account-change' : null,
    payee: JSON.stringify({ name: payee?.name ?? '', ...account }),
    account_last3: account ? account.account.slice(-3) : null,
  };
}
