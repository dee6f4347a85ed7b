import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { newReference } from '../platform/reference/reference.ts';
import { assess } from './assess.ts';
import { addDays } from './dates.ts';
import type { DecisionCore } from './decisions.service.ts';
import { recordOf } from './decisions.service.ts';
import * as repo from './decisions.repository.ts';
import type { ReviewReason } from './decisions.tables.ts';

const OUTCOME = { approve: 'approved', refuse: 'refused', 'cannot-tell': 'cannot-tell' } as const;

/** What a re-evaluation the rules could not settle hands to a person. */
export interface ReviewRequest {
  readonly personId: string;
  /** The entitlement's decision: its case gives the programme, channel, language and province. */
  readonly decisionId: string;
  /** The household with the change applied, or as it was when the change cannot be applied without a person. */
  readonly facts: unknown;
  /** The day a new decision would take effect. */
  readonly from: string;
  /** What caused it, unique per cause and programme: the same change handled twice opens one case. */
  readonly key: string;
  readonly kind: string;
  readonly reason: ReviewReason;
  readonly context: AccessContext;
}

/**
 * Opens a case in the adjudicator's workqueue for a change of circumstance the rules cannot settle alone (a refusal
 * is never automated, and a new partner's facts are not in the register's change: ADR 0017). The rules'
 * recommendation on the new facts is recorded in the case, as for an application; the adjudicator decides as of
 * `from`. Returns the case's reference, or null when this cause already has its case.
 */
export async function openReviewCase(
  core: DecisionCore,
  trx: Transaction<DB>,
  request: ReviewRequest,
): Promise<string | null> {
  const { deps, policy } = core;
  const previous = await repo.findDecision(trx, request.decisionId);
  const original = previous ? await repo.findCase(trx, previous.case_id) : undefined;
  if (!original) throw new Error(`decision ${request.decisionId} has no case`);
  const programme = core.programme(original.programme_id);
  const assessment = {
    ...assess(request.facts, request.personId, programme, request.from, policy.fourEyesAboveCents),
    effectiveFrom: request.from,
  };
  const now = deps.clock();
  const reference = newReference();
  const kase = {
    ...original,
    id: randomUUID(),
    application_id: null,
    reference,
    household_cipher: deps.cipher.encrypt(JSON.stringify(request.facts)),
    status: 'queued' as const,
    recommendation: assessment.recommendation,
    assigned_to: null,
    submitted_at: now,
    due_on: addDays(now.toISOString().slice(0, 10), programme.serviceStandardDays),
    clock_stopped_at: null,
    paused_seconds: 0,
    outcome: null,
    decided_at: null,
    review_key: request.key,
    review_kind: request.kind,
    review_reason: request.reason,
    effective_on: request.from,
  };
  if (!(await repo.insertReviewCase(trx, kase))) return null;
  const decisionId = await core.record(trx, kase, {
    kind: 'recommendation',
    outcome: OUTCOME[assessment.recommendation],
    assessment,
    record: recordOf(request.facts, assessment),
    decidedBy: null,
    override: false,
    approval: 'not-needed',
    final: false,
  });
  await deps.audit.record(
    auditEntry(request.context, request.personId, 'decision.review-opened', 'success', {
      caseId: kase.id,
      decisionId,
      programme: programme.id,
      kind: request.kind,
      reason: request.reason,
    }),
    trx,
  );
  return reference;
}
