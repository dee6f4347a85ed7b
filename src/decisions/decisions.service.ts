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
  SubmissionOutcome,
  SubmittedApplication,
} from '../applications/index.ts';
import { assess } from './assess.ts';
import type { Assessment } from './assess.ts';
import { openRecord, sealRecord } from './decision-record.ts';
import { keptResult } from './record-trace.ts';
import type { DecisionRecord } from './decision-record.ts';
import { loadDecisionPolicy, policyFor } from './programme-policy.ts';
import type { DecisionPolicy, ProgrammePolicy } from './programme-policy.ts';
import * as repo from './decisions.repository.ts';
import type { CaseRow } from './decisions.repository.ts';
import { NotDecidedHereError } from './decisions.types.ts';
import type { DecisionTable, EnrolmentEntitlementTable } from './decisions.tables.ts';
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
  /**
   * `finalise`'s first part, for many decisions at once: for each approval, the enrolment and the schedule from
   * the effective date. The (person, programme) pairs must be distinct.
   */
  schedule(trx: Transaction<DB>, finalisations: readonly Finalisation[]): Promise<void>;
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
      await core.schedule(trx, [finalisation]);
      await repo.updateCase(trx, kase.id, {
        status: 'decided',
        outcome,
        decided_at: deps.clock(),
        assigned_to: kase.assigned_to,
      });
      await finaliseReview(trx, kase, outcome, assessment.effectiveFrom);
      if (kase.application_id !== null)
        await deps.statuses.setStatuses([{ applicationId: kase.application_id, status: outcome }], trx);
    },
    async schedule(trx, finalisations) {
      const approvals = finalisations.flatMap((f) => {
        const award = f.assessment.award;
        return f.outcome === 'approved' && award ? [{ ...f, award, from: f.assessment.effectiveFrom }] : [];
      });
      const enrolmentIds = await deps.enrolments.enrolWithin(
        trx,
        approvals.map(({ kase, from }) => ({
          personId: kase.person_id,
          programmeId: kase.programme_id,
          since: from,
        })),
      );
      await repo.replaceEntitlementsFrom(
        trx,
        approvals.map(({ kase, decisionId, award, from }, index) =>
          openPeriod(enrolmentIds[index] ?? '', kase, award, decisionId, from),
        ),
      );
    },
  };
  return core;
}

/** An open-ended period of a schedule from `from`, reviewed a year later (a change of circumstance ends it sooner). */
export function openPeriod(
  enrolmentId: string,
  benefit: { readonly person_id: string; readonly programme_id: string },
  award: NonNullable<Assessment['award']>,
  decisionId: string,
  from: string,
): Insertable<EnrolmentEntitlementTable> {
  return {
    id: randomUUID(),
    enrolment_id: enrolmentId,
    person_id: benefit.person_id,
    programme_id: benefit.programme_id,
    valid_from: from,
    valid_to: null,
    amount_cents: award.amountCents,
    period_kind: award.periodKind,
    decision_id: decisionId,
    review_on: addDays(from, 365),
  };
}

/**
 * The deciding capability, seen by applications: one submission is one case, decided or queued. Submissions
 * committed together (ADR 0017, "Submissions committed together") are written by one statement per table: the
 * cases with their decisions in one statement that skips an application that already has its case (a replayed
 * submission, found without a look-up first; an automated approval's case is written decided), then the
 * enrolments, schedules, statuses and audit entries of the new cases.
 */
export function createSubmissionHandler(core: DecisionCore): ApplicationSubmittedHandler {
  const submittedMany: ApplicationSubmittedHandler['submittedMany'] = (applications, executor) =>
    within(executor, async (trx) => {
      // A repeated application is a replay in a later round: it answers from its case, as the first did.
      const outcomes = new Map<string, SubmissionOutcome>();
      for (const round of distinctRounds(applications))
        for (const [id, outcome] of await submitRound(core, trx, round)) outcomes.set(id, outcome);
      return applications.map(({ applicationId }) => {
        const outcome = outcomes.get(applicationId);
        if (!outcome) throw new Error(`submission ${applicationId} not decided`);
        return outcome;
      });
    });
  return {
    submittedMany,
    async submitted(application, executor) {
      const [outcome] = await submittedMany([application], executor);
      if (!outcome) throw new Error(`submission ${application.applicationId} not decided`);
      return outcome;
    },
  };
}

/**
 * The submissions in rounds within which no application, and no person's programme, comes twice: one statement
 * cannot enrol a person twice or replace one schedule twice, and a repeated application is a replay of the first.
 */
function distinctRounds(applications: readonly SubmittedApplication[]): SubmittedApplication[][] {
  const rounds: SubmittedApplication[][] = [];
  const seen = new Map<string, number>();
  for (const application of applications) {
    const keys = [application.applicationId, `${application.personId} ${application.programmeId}`];
    const round = Math.max(...keys.map((key) => seen.get(key) ?? 0));
    keys.forEach((key) => seen.set(key, round + 1));
    (rounds[round] ??= []).push(application);
  }
  return rounds;
}

/** One round of distinct submissions: assessed here, written by one statement per table; outcomes by application. */
async function submitRound(
  core: DecisionCore,
  trx: Transaction<DB>,
  applications: readonly SubmittedApplication[],
): Promise<Map<string, SubmissionOutcome>> {
  const { deps } = core;
  const submissions = applications.map((application) => assessed(core, application));
  const written = await repo.insertCasesWithDecisions(
    trx,
    submissions.map((s) => s.kase),
    submissions.map((s) => s.decision),
  );
  const fresh = submissions.filter((s) => written.has(s.kase.id));
  await core.schedule(
    trx,
    fresh
      .filter((s) => s.assessment.automated)
      .map((s) => ({
        kase: s.kase,
        decisionId: s.decision.id,
        outcome: 'approved',
        assessment: s.assessment,
      })),
  );
  await deps.statuses.setStatuses(
    fresh.map((s) => ({
      applicationId: s.application.applicationId,
      status: s.assessment.automated ? 'approved' : 'in-review',
    })),
    trx,
  );
  await deps.audit.recordMany(fresh.map(auditOfSubmission), trx);
  const outcomes = await replayed(
    trx,
    submissions.filter((s) => !written.has(s.kase.id)),
  );
  for (const s of fresh)
    outcomes.set(s.application.applicationId, { outcome: s.assessment.automated ? 'decided' : 'queued' });
  return outcomes;
}

interface Assessed {
  readonly application: SubmittedApplication;
  readonly programme: ProgrammePolicy;
  readonly assessment: Assessment;
  readonly kase: ReturnType<typeof newCase>;
  readonly decision: ReturnType<DecisionCore['decisionRow']>;
}

/** A submission's case and first decision, from the rules, not yet written. */
function assessed(core: DecisionCore, application: SubmittedApplication): Assessed {
  const programme = core.programme(application.programmeId);
  const asOf = application.submittedAt.toISOString().slice(0, 10);
  const assessment = assess(
    application.household,
    application.personId,
    programme,
    asOf,
    core.policy.fourEyesAboveCents,
  );
  const kase = newCase(application, programme, assessment, core.deps.cipher, core.deps.clock());
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
  return { application, programme, assessment, kase, decision };
}

function auditOfSubmission({ application, programme, assessment, kase, decision }: Assessed) {
  return auditEntry(
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
  );
}

/** Submissions whose cases already exist: what came of each, by application, nothing written again. */
async function replayed(
  trx: Transaction<DB>,
  submissions: readonly Assessed[],
): Promise<Map<string, SubmissionOutcome>> {
  const existing = await repo.casesByApplications(
    trx,
    submissions.map((s) => s.application.applicationId),
  );
  return new Map(
    existing.map((row) => [
      row.application_id ?? '',
      { outcome: row.status === 'decided' ? 'decided' : 'queued' },
    ]),
  );
}

export function recordOf(facts: unknown, assessment: Assessment): DecisionRecord {
  return {
    facts,
    applicantId: assessment.applicantId,
    result: keptResult(assessment.result),
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
