import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { assess } from './assess.ts';
import type { Assessment } from './assess.ts';
import { openRecord } from './decision-record.ts';
import { recordWithTrace } from './record-trace.ts';
import type { DecisionRecord } from './decision-record.ts';
import type { DecisionCore } from './decisions.service.ts';
import { recordOf } from './decisions.service.ts';
import * as repo from './decisions.repository.ts';
import type { CaseRow, DecisionRow } from './decisions.repository.ts';
import { isoDateOf } from './dates.ts';

/** The reasons an adjudicator may give, from a list (translated as `decisions.reasons.<code>`). */
export const DECISION_REASONS = [
  'meets-conditions',
  'income-above-limit',
  'age-not-met',
  'residence-not-met',
  'contributions-not-met',
  'evidence-not-provided',
  'facts-verified',
  'other',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface DecideInput {
  readonly outcome: 'approved' | 'refused';
  readonly reasons: readonly DecisionReason[];
  readonly note: string;
  /** Required when the outcome departs from the automated recommendation. */
  readonly justification: string;
}

export type CaseActionResult =
  | 'done'
  | 'awaiting-approval'
  | 'not-found'
  | 'not-yours'
  | 'own-decision'
  | 'wrong-state'
  | 'no-amount'
  | 'needs-justification';

export interface CaseView {
  readonly kase: CaseRow;
  readonly facts: unknown;
  readonly decisions: readonly { readonly row: DecisionRow; readonly record: DecisionRecord }[];
}

export interface WorkqueueService {
  queue(programmeId: string | null): Promise<CaseRow[]>;
  open(caseId: string, context: AccessContext): Promise<CaseView | null>;
  assign(caseId: string, adjudicatorId: string, context: AccessContext): Promise<CaseActionResult>;
  take(caseId: string, staffId: string, context: AccessContext): Promise<CaseActionResult>;
  requestInformation(caseId: string, staffId: string, context: AccessContext): Promise<CaseActionResult>;
  informationReceived(caseId: string, staffId: string, context: AccessContext): Promise<CaseActionResult>;
  decide(
    caseId: string,
    staffId: string,
    input: DecideInput,
    context: AccessContext,
  ): Promise<CaseActionResult>;
  /** Four eyes: a second person approves a pending decision (never its author). */
  approve(caseId: string, staffId: string, context: AccessContext): Promise<CaseActionResult>;
}

export function createWorkqueueService(core: DecisionCore): WorkqueueService {
  const { db, audit, cipher, clock, statuses } = core.deps;

  async function act(
    caseId: string,
    context: AccessContext,
    action: string,
    work: (trx: Transaction<DB>, kase: CaseRow) => Promise<CaseActionResult>,
  ): Promise<CaseActionResult> {
    const result = await db.transaction().execute(async (trx) => {
      const kase = await repo.lockCase(trx, caseId);
      if (!kase) return { outcome: 'not-found' as const, personId: null };
      const outcome = await work(trx, kase);
      const ok = outcome === 'done' || outcome === 'awaiting-approval';
      if (ok)
        await audit.record(auditEntry(context, kase.person_id, action, 'success', { caseId, outcome }), trx);
      return { outcome, personId: ok ? null : kase.person_id };
    });
    if (result.personId !== null)
      await audit.record(
        auditEntry(context, result.personId, action, 'denied', { caseId, reason: result.outcome }),
      );
    return result.outcome;
  }

  const mine = (kase: CaseRow, staffId: string) => kase.assigned_to === staffId;

  function reassess(kase: CaseRow): { facts: unknown; assessment: Assessment } {
    const facts = JSON.parse(cipher.decrypt(kase.household_cipher)) as unknown;
    // A review decides as of the change's effective day, from that day; an application, as of its submission.
    const review = kase.effective_on === null ? null : isoDateOf(kase.effective_on);
    const asOf = review ?? isoDateOf(kase.submitted_at.toISOString());
    const programme = core.programme(kase.programme_id);
    const assessment = assess(facts, kase.person_id, programme, asOf, core.policy.fourEyesAboveCents);
    return { facts, assessment: review === null ? assessment : { ...assessment, effectiveFrom: review } };
  }

  return {
    queue: (programmeId) => repo.openCases(db, programmeId),
    async open(caseId, context) {
      const kase = await repo.findCase(db, caseId);
      if (!kase) return null;
      const decisions = (await repo.decisionsOfCase(db, caseId)).map((row) => ({
        row,
        // A July review's recommendation keeps no trace: the rules recompute it for whoever opens the case.
        record: recordWithTrace(openRecord(cipher, row.record_cipher)),
      }));
      await audit.record(auditEntry(context, kase.person_id, 'case.read', 'success', { caseId }));
      return { kase, facts: JSON.parse(cipher.decrypt(kase.household_cipher)) as unknown, decisions };
    },
    assign: (caseId, adjudicatorId, context) =>
      act(caseId, context, 'case.assign', async (trx, kase) => {
        if (kase.status === 'decided' || kase.status === 'awaiting-approval') return 'wrong-state';
        const status = kase.status === 'information-requested' ? kase.status : 'assigned';
        await repo.updateCase(trx, caseId, { assigned_to: adjudicatorId, status });
        return 'done';
      }),
    take: (caseId, staffId, context) =>
      act(caseId, context, 'case.take', async (trx, kase) => {
        if (kase.status !== 'queued')
          return kase.assigned_to && !mine(kase, staffId) ? 'not-yours' : 'wrong-state';
        await repo.updateCase(trx, caseId, { assigned_to: staffId, status: 'assigned' });
        return 'done';
      }),
    requestInformation: (caseId, staffId, context) =>
      act(caseId, context, 'case.information-requested', async (trx, kase) => {
        if (!mine(kase, staffId)) return 'not-yours';
        if (kase.status !== 'assigned') return 'wrong-state';
        await repo.updateCase(trx, caseId, { status: 'information-requested', clock_stopped_at: clock() });
        if (kase.application_id !== null)
          await statuses.setStatuses(
            [{ applicationId: kase.application_id, status: 'information-requested' }],
            trx,
          );
        return 'done';
      }),
    informationReceived: (caseId, staffId, context) =>
      act(caseId, context, 'case.information-received', async (trx, kase) => {
        if (!mine(kase, staffId)) return 'not-yours';
        if (kase.status !== 'information-requested' || !kase.clock_stopped_at) return 'wrong-state';
        const waited = Math.max(0, Math.round((clock().getTime() - kase.clock_stopped_at.getTime()) / 1000));
        await repo.updateCase(trx, caseId, {
          status: 'assigned',
          clock_stopped_at: null,
          paused_seconds: Number(kase.paused_seconds) + waited,
        });
        if (kase.application_id !== null)
          await statuses.setStatuses([{ applicationId: kase.application_id, status: 'in-review' }], trx);
        return 'done';
      }),
    decide: (caseId, staffId, input, context) =>
      act(caseId, context, 'case.decide', async (trx, kase) => {
        if (!mine(kase, staffId)) return 'not-yours';
        if (kase.status !== 'assigned') return 'wrong-state';
        const { facts, assessment } = reassess(kase);
        if (input.outcome === 'approved' && !assessment.award) return 'no-amount';
        const override =
          (kase.recommendation === 'approve' && input.outcome === 'refused') ||
          (kase.recommendation === 'refuse' && input.outcome === 'approved');
        if (override && !input.justification.trim()) return 'needs-justification';
        const large =
          input.outcome === 'approved' &&
          (assessment.award?.amountCents ?? 0) > core.policy.fourEyesAboveCents;
        const needsSecond = override || large;
        const record: DecisionRecord = {
          ...recordOf(facts, assessment),
          reasons: input.reasons.map((r) => `decisions.reasons.${r}`),
          note: input.note || null,
          justification: input.justification || null,
        };
        const decisionId = await core.record(trx, kase, {
          kind: 'adjudicated',
          outcome: input.outcome,
          assessment,
          record,
          decidedBy: staffId,
          override,
          approval: needsSecond ? 'pending' : 'not-needed',
          final: !needsSecond,
        });
        if (needsSecond) {
          await repo.updateCase(trx, caseId, { status: 'awaiting-approval' });
          return 'awaiting-approval';
        }
        await core.finalise(trx, { kase, decisionId, outcome: input.outcome, assessment });
        return 'done';
      }),
    approve: (caseId, staffId, context) =>
      act(caseId, context, 'case.approve', async (trx, kase) => {
        if (kase.status !== 'awaiting-approval') return 'wrong-state';
        const pending = (await repo.decisionsOfCase(trx, caseId)).find((d) => d.approval === 'pending');
        if (!pending) return 'wrong-state';
        if (pending.decided_by === staffId) return 'own-decision';
        await repo.updateDecision(trx, pending.id, {
          approval: 'approved',
          approved_by: staffId,
          final: true,
        });
        const { assessment } = reassess(kase);
        const outcome = pending.outcome === 'approved' ? 'approved' : 'refused';
        await core.finalise(trx, { kase, decisionId: pending.id, outcome, assessment });
        return 'done';
      }),
  };
}
