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
import type { NewDecision } from './decisions.service.ts';
import { sealRecords } from './decision-record.ts';
import { recomputableRecordOf } from './record-trace.ts';
import type { Assessment } from './assess.ts';
import type { CaseRow } from './decisions.repository.ts';
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
  /**
   * The rules' assessment of `facts` as of `from`, when the caller has just made it (the July page evaluates
   * every entitlement first): recorded as the recommendation rather than evaluated a second time.
   */
  readonly assessment?: Assessment;
  /**
   * A batch's review (the July redetermination): the recommendation's record keeps the facts, the result and
   * the rule set but not the trace, which is recomputed when the case is opened (ADR 0025, addendum 2).
   */
  readonly recomputable?: boolean;
}

/** A review ready to write: its case and its recommendation (record not yet sealed, household not encrypted). */
interface PreparedReview {
  readonly request: ReviewRequest;
  readonly kase: CaseRow & { due_on: string; paused_seconds: number };
  readonly decision: NewDecision;
}

function prepareReview(core: DecisionCore, original: CaseRow, request: ReviewRequest): PreparedReview {
  const { deps, policy } = core;
  const programme = core.programme(original.programme_id);
  const evaluated =
    request.assessment ??
    assess(request.facts, request.personId, programme, request.from, policy.fourEyesAboveCents);
  const assessment = { ...evaluated, effectiveFrom: request.from };
  const now = deps.clock();
  const kase = {
    ...original,
    id: randomUUID(),
    application_id: null,
    reference: newReference(),
    household_cipher: '',
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
  const decision = {
    kind: 'recommendation',
    outcome: OUTCOME[assessment.recommendation],
    assessment,
    record: request.recomputable
      ? recomputableRecordOf(request.facts, assessment, programme.rules)
      : recordOf(request.facts, assessment),
    decidedBy: null,
    override: false,
    approval: 'not-needed',
    final: false,
  } as const;
  return { request, kase, decision };
}

/** Where each cause is first asked for: one at a time, a second request of a cause finds its case opened. */
function firstOfEachCause(requests: readonly ReviewRequest[]): Map<string, number> {
  const first = new Map<string, number>();
  requests.forEach((r, i) => {
    if (!first.has(r.key)) first.set(r.key, i);
  });
  return first;
}

/** The cases' households encrypted and their recommendations' records sealed, all together. */
async function sealed(core: DecisionCore, prepared: readonly PreparedReview[]) {
  const { cipher } = core.deps;
  const [households, records] = await Promise.all([
    cipher.encryptMany(prepared.map((p) => JSON.stringify(p.request.facts))),
    sealRecords(
      cipher,
      prepared.map((p) => p.decision.record),
    ),
  ]);
  return prepared.map((p, i) => {
    const kase = { ...p.kase, household_cipher: households[i] ?? '' };
    return { request: p.request, kase, decision: core.decisionRow(kase, p.decision, records[i]) };
  });
}

/**
 * Opens a case in the adjudicator's workqueue for each change of circumstance the rules cannot settle alone (a
 * refusal is never automated, and a new partner's facts are not in the register's change: ADR 0017). The rules'
 * recommendation on the new facts is recorded in the case, as for an application; the adjudicator decides as of
 * `from`. One look-up, one write of cases with their recommendations and one of audit entries, whatever the
 * number of requests (a page of the July redetermination). Returns each request's case reference, or null when
 * its cause already has its case: a replayed page opens nothing and audits nothing again.
 */
export async function openReviewCases(
  core: DecisionCore,
  trx: Transaction<DB>,
  requests: readonly ReviewRequest[],
): Promise<(string | null)[]> {
  const first = firstOfEachCause(requests);
  const originals = await repo.casesOfDecisions(
    trx,
    requests.map((r) => r.decisionId),
  );
  const rows = await sealed(
    core,
    [...first.values()].map((i) => {
      const request = requests[i] as ReviewRequest;
      const original = originals.get(request.decisionId);
      if (!original) throw new Error(`decision ${request.decisionId} has no case`);
      return prepareReview(core, original, request);
    }),
  );
  const opened = await repo.insertReviewCases(
    trx,
    rows.map((r) => r.kase),
    rows.map((r) => r.decision),
  );
  const written = rows.filter((r) => opened.has(r.kase.id));
  await core.deps.audit.recordMany(written.map(openedEntry), trx);
  const references = new Map(written.map((r) => [r.request.key, r.kase.reference]));
  return requests.map((r, i) => (first.get(r.key) === i ? (references.get(r.key) ?? null) : null));
}

function openedEntry(row: { request: ReviewRequest; kase: CaseRow; decision: { id: string } }) {
  const { request, kase, decision } = row;
  return auditEntry(request.context, request.personId, 'decision.review-opened', 'success', {
    caseId: kase.id,
    decisionId: decision.id,
    programme: kase.programme_id,
    kind: request.kind,
    reason: request.reason,
  });
}

/** `openReviewCases` for one request (a change of circumstance): its case reference, or null. */
export async function openReviewCase(
  core: DecisionCore,
  trx: Transaction<DB>,
  request: ReviewRequest,
): Promise<string | null> {
  const [reference] = await openReviewCases(core, trx, [request]);
  return reference ?? null;
}
