import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, DbExecutor } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { EnrolmentService } from '../person/index.ts';
import type {
  ApplicationStatusPort,
  ApplicationSubmittedHandler,
  SubmittedApplication,
} from '../applications/index.ts';
import { assess } from './assess.ts';
import type { Assessment } from './assess.ts';
import { openRecord, sealRecord } from './decision-record.ts';
import type { DecisionRecord } from './decision-record.ts';
import { loadDecisionPolicy, policyFor } from './programme-policy.ts';
import type { DecisionPolicy, ProgrammePolicy } from './programme-policy.ts';
import * as repo from './decisions.repository.ts';
import type { CaseRow } from './decisions.repository.ts';
import { NotDecidedHereError } from './decisions.types.ts';
import type { DecisionTable } from './decisions.tables.ts';
import { addDays, ageBand } from './dates.ts';

export interface DecisionsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly enrolments: Pick<EnrolmentService, 'enrolWithin' | 'endWithin' | 'list'>;
  /** Applications' statuses, moved as the case moves (wired by the root). */
  readonly statuses: ApplicationStatusPort;
  readonly clock: () => Date;
  readonly policy?: DecisionPolicy;
}

/** Runs `work` in the caller's transaction, or in one of its own. */
export function within<T>(executor: DbExecutor, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return executor.isTransaction
    ? work(executor as Transaction<DB>)
    : (executor as Kysely<DB>).transaction().execute(work);
}

export const SYSTEM_CONTEXT = (correlationId: string): AccessContext => ({
  actor: { type: 'system', id: 'decisions' },
  channel: 'system',
  purpose: 'decision',
  correlationId,
});

/** A final decision to record: approve or refuse, by the rules or by a person. */
export interface Finalisation {
  readonly kase: CaseRow;
  readonly decisionId: string;
  readonly outcome: 'approved' | 'refused';
  readonly assessment: Pick<Assessment, 'award' | 'effectiveFrom'>;
}

export interface DecisionCore {
  readonly policy: DecisionPolicy;
  readonly deps: DecisionsDependencies;
  programme(programmeId: string): ProgrammePolicy;
  /** Enrols and writes the entitlement schedule for an approval, closes the case, moves the application. */
  finalise(trx: Transaction<DB>, f: Finalisation): Promise<void>;
  /** `finalise`'s first part: for an approval, the enrolment and the schedule from the effective date. */
  schedule(trx: Transaction<DB>, f: Finalisation): Promise<void>;
  /** The decision's row (record sealed here, unless sealed already with others), not yet written. */
  decisionRow(
    kase: CaseRow,
    row: NewDecision,
    recordCipher?: string,
  ): Insertable<DecisionTable> & { id: string };
  record(trx: Transaction<DB>, kase: CaseRow, row: NewDecision): Promise<string>;
  /**
   * The benefit ends: its schedule stops the day before `from` and the enrolment ends that day (status ended, the
   * end date its last day paid), so My benefits, the client file and payment runs see it ended.
   */
  endBenefit(trx: Transaction<DB>, personId: string, programmeId: string, from: string): Promise<boolean>;
}

export interface NewDecision {
  readonly kind: 'automated' | 'recommendation' | 'adjudicated';
  readonly outcome: 'approved' | 'refused' | 'cannot-tell';
  readonly assessment: Assessment;
  readonly record: DecisionRecord;
  readonly decidedBy: string | null;
  readonly override: boolean;
  readonly approval: 'not-needed' | 'pending';
  readonly final: boolean;
}

export function createDecisionCore(deps: DecisionsDependencies): DecisionCore {
  const policy = deps.policy ?? loadDecisionPolicy();

  async function endBenefit(trx: Transaction<DB>, personId: string, programmeId: string, from: string) {
    const open = await repo.openEntitlementOf(trx, personId, programmeId);
    if (!open) return false;
    await repo.closeEntitlementsFrom(trx, open.enrolment_id, from);
    await deps.enrolments.endWithin(trx, personId, programmeId, addDays(from, -1));
    return true;
  }

  /** A refused review (the person no longer qualifies) ends the benefit from the change's day. */
  async function finaliseReview(trx: Transaction<DB>, kase: CaseRow, outcome: string, from: string) {
    if (kase.review_key === null || outcome !== 'refused') return;
    await endBenefit(trx, kase.person_id, kase.programme_id, from);
  }

  const core: DecisionCore = {
    policy,
    deps,
    endBenefit,
    programme(programmeId) {
      const found = policyFor(policy, programmeId);
      if (!found) throw new NotDecidedHereError(programmeId);
      return found;
    },
    decisionRow(kase, row, recordCipher = sealRecord(deps.cipher, row.record)) {
      const award = row.outcome === 'approved' ? row.assessment.award : null;
      return {
        id: randomUUID(),
        case_id: kase.id,
        person_id: kase.person_id,
        programme_id: kase.programme_id,
        kind: row.kind,
        outcome: row.outcome,
        as_of: row.assessment.asOf,
        effective_from: row.outcome === 'approved' ? row.assessment.effectiveFrom : null,
        amount_cents: award?.amountCents ?? null,
        period_kind: award?.periodKind ?? null,
        rules_commit: row.assessment.version.commit,
        parameters_hash: row.assessment.version.hash,
        record_cipher: recordCipher,
        decided_by: row.decidedBy,
        override: row.override,
        approval: row.approval,
        approved_by: null,
        created_at: deps.clock(),
        final: row.final,
        letter_sent_at: null,
      };
    },
    async record(trx, kase, row) {
      const decision = core.decisionRow(kase, row);
      await repo.insertDecision(trx, decision);
      return decision.id;
    },
    async finalise(trx, finalisation) {
      const { kase, outcome, assessment } = finalisation;
      await core.schedule(trx, finalisation);
      await repo.updateCase(trx, kase.id, {
        status: 'decided',
        outcome,
        decided_at: deps.clock(),
        assigned_to: kase.assigned_to,
      });
      await finaliseReview(trx, kase, outcome, assessment.effectiveFrom);
      if (kase.application_id !== null) await deps.statuses.setStatus(kase.application_id, outcome, trx);
    },
    async schedule(trx, { kase, decisionId, outcome, assessment }) {
      const award = assessment.award;
      if (outcome !== 'approved' || !award) return;
      const from = assessment.effectiveFrom;
      const enrolmentId = await deps.enrolments.enrolWithin(trx, kase.person_id, kase.programme_id, from);
      await repo.replaceEntitlementsFrom(trx, {
        id: randomUUID(),
        enrolment_id: enrolmentId,
        person_id: kase.person_id,
        programme_id: kase.programme_id,
        valid_from: from,
        valid_to: null,
        amount_cents: award.amountCents,
        period_kind: award.periodKind,
        decision_id: decisionId,
        review_on: addDays(from, 365),
      });
    },
  };
  return core;
}

/**
 * The deciding capability, seen by applications: one submission is one case, decided or queued. The case and its
 * decision are written in one statement that does nothing when the application already has its case (a replayed
 * submission), so a replay is found without a look-up first; an automated approval's case is written decided.
 */
export function createSubmissionHandler(core: DecisionCore): ApplicationSubmittedHandler {
  const { deps } = core;
  return {
    async submitted(application, executor) {
      return within(executor, async (trx) => {
        const programme = core.programme(application.programmeId);
        const asOf = application.submittedAt.toISOString().slice(0, 10);
        const assessment = assess(
          application.household,
          application.personId,
          programme,
          asOf,
          core.policy.fourEyesAboveCents,
        );
        const kase = newCase(application, programme, assessment, deps.cipher, deps.clock());
        const decision = core.decisionRow(kase, {
          kind: assessment.automated ? 'automated' : 'recommendation',
          outcome: outcomeOf(assessment),
          assessment,
          record: recordOf(application.household, assessment),
          decidedBy: null,
          override: false,
          approval: 'not-needed',
          final: assessment.automated,
        });
        if (!(await repo.insertCaseWithDecision(trx, kase, decision))) return replayed(trx, application);
        if (assessment.automated) {
          const finalisation = { kase, decisionId: decision.id, outcome: 'approved', assessment } as const;
          await core.schedule(trx, finalisation);
        }
        await deps.statuses.setStatus(
          application.applicationId,
          assessment.automated ? 'approved' : 'in-review',
          trx,
        );
        await deps.audit.record(
          auditEntry(
            SYSTEM_CONTEXT(application.applicationId),
            application.personId,
            assessment.automated ? 'decision.automated' : 'decision.recommended',
            'success',
            {
              caseId: kase.id,
              decisionId: decision.id,
              programme: programme.id,
              impactLevel: programme.impactLevel,
              recommendation: assessment.recommendation,
            },
          ),
          trx,
        );
        return { outcome: assessment.automated ? 'decided' : 'queued' };
      });
    },
  };
}

/** A submission whose case already exists: what came of it, nothing written again. */
async function replayed(
  trx: Transaction<DB>,
  application: SubmittedApplication,
): Promise<{ outcome: 'decided' | 'queued' }> {
  const existing = await repo.findCaseByApplication(trx, application.applicationId);
  return { outcome: existing?.status === 'decided' ? 'decided' : 'queued' };
}

export function recordOf(facts: unknown, assessment: Assessment): DecisionRecord {
  return {
    facts,
    applicantId: assessment.applicantId,
    result: assessment.result,
    parameterFiles: assessment.version.files,
    reasons: assessment.result?.reasons ?? ['decisions.reasons.facts-invalid'],
    note: null,
    justification: null,
  };
}

function outcomeOf(assessment: Assessment): 'approved' | 'refused' | 'cannot-tell' {
  if (assessment.recommendation === 'approve') return 'approved';
  return assessment.recommendation === 'refuse' ? 'refused' : 'cannot-tell';
}

export function newCase(
  application: SubmittedApplication,
  programme: ProgrammePolicy,
  assessment: Assessment,
  cipher: FieldCipher,
  /** When an automated approval is decided: its case is written closed, with its outcome. */
  decidedAt: Date | null = null,
): CaseRow & { paused_seconds: number; due_on: string } {
  const decided = assessment.automated && decidedAt !== null;
  const household = application.household as {
    province?: string;
    people?: { id: string; birthDate?: string }[];
  };
  const applicant = household.people?.find((p) => p.id === assessment.applicantId);
  return {
    id: randomUUID(),
    application_id: application.applicationId,
    reference: application.reference,
    person_id: application.personId,
    programme_id: programme.id,
    rules_programme_id: programme.rules,
    impact_level: programme.impactLevel,
    channel: application.channel,
    lang: application.language,
    province: typeof household.province === 'string' ? household.province : null,
    age_band: ageBand(applicant?.birthDate, assessment.asOf),
    household_cipher: cipher.encrypt(JSON.stringify(application.household)),
    status: assessment.automated ? 'decided' : 'queued',
    recommendation: assessment.recommendation,
    assigned_to: null,
    submitted_at: application.submittedAt,
    due_on: addDays(assessment.asOf, programme.serviceStandardDays),
    clock_stopped_at: null,
    paused_seconds: 0,
    outcome: decided ? 'approved' : null,
    decided_at: decided ? decidedAt : null,
    review_key: null,
    review_kind: null,
    review_reason: null,
    effective_on: null,
  };
}

export { openRecord };
