import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { AuditEntry } from '../../platform/audit/audit.service.ts';
import type { RegisterHousehold } from '../../person/index.ts';
import type { Household, ProgrammeResult } from '../../rules/index.ts';
import { assess } from '../assess.ts';
import type { Assessment } from '../assess.ts';
import type { DecisionRecord } from '../decision-record.ts';
import { recomputableRecordOf } from '../record-trace.ts';
import type { DecisionTable, EnrolmentEntitlementTable } from '../decisions.tables.ts';
import type { ProgrammePolicy } from '../programme-policy.ts';
import type { RuleSetVersion } from '../rule-set.ts';
import { addDays } from '../dates.ts';
import { recordHousehold } from './record-household.ts';
import type { ProgrammeChange } from './redetermination-letter.ts';
import type { Closing, PageRow, QueuedLetter } from './redetermination.repository.ts';

export type Outcome = 'changed' | 'unchanged' | 'review';

/** Everything a page writes, in one transaction: decisions, the schedule's changes, letters, audit entries. */
export interface PagePlan {
  readonly decisions: (Omit<Insertable<DecisionTable>, 'record_cipher'> & { record_cipher: string })[];
  /** The decision records to seal, in the order of `decisions` (sealed apart: it is the costly part). */
  readonly records: DecisionRecord[];
  readonly closings: Closing[];
  readonly entitlements: Insertable<EnrolmentEntitlementTable>[];
  readonly letters: QueuedLetter[];
  readonly audits: AuditEntry[];
  /** Entitlements the rules no longer approve or cannot settle: each opens an adjudicator's case. */
  readonly reviews: PageReview[];
  readonly counts: Record<Outcome, number>;
}

/** An entitlement a person decides, with the facts the rules were given (ADR 0017: a refusal is never automated). */
export interface PageReview {
  readonly personId: string;
  readonly programmeId: string;
  readonly decisionId: string;
  readonly facts: Household;
  readonly from: string;
  readonly reason: 'no-longer-approved' | 'cannot-tell';
  /** The rules' assessment of `facts` as of `from`, recorded as the case's recommendation. */
  readonly assessment: Assessment;
}

export interface PageContext {
  readonly from: string;
  readonly programme: (programmeId: string) => ProgrammePolicy;
  readonly fourEyesAboveCents: number;
  /** The page's rule-set version (`batchRuleSetVersion()`): one rule set for the whole page. */
  readonly versionOf: (result: ProgrammeResult) => RuleSetVersion;
  readonly context: AccessContext;
  readonly now: Date;
}

interface ScheduleRow {
  readonly enrolmentId: string;
  readonly programmeId: string;
  readonly from: string;
  readonly to: string | null;
  readonly cents: number;
  readonly periodKind: 'month' | 'biweekly';
}

const scheduleRowOf = (row: PageRow): ScheduleRow => ({
  enrolmentId: row.enrolment_id,
  programmeId: row.programme_id,
  from: row.valid_from,
  to: row.valid_to,
  cents: Number(row.amount_cents),
  periodKind: row.period_kind,
});

/** The schedule once a new amount starts on `from`: later rows removed, the open period ended the day before. */
function startAmount(schedule: readonly ScheduleRow[], next: ScheduleRow): ScheduleRow[] {
  const dayBefore = addDays(next.from, -1);
  const kept = schedule
    .filter((r) => r.enrolmentId !== next.enrolmentId || r.from < next.from)
    .map((r) =>
      r.enrolmentId === next.enrolmentId && (r.to === null || r.to >= next.from)
        ? { ...r, to: dayBefore }
        : r,
    );
  return [...kept, next];
}

/** What the letter compares, per programme: the amount in force the day before July against the one from July. */
export function changesOf(schedule: readonly ScheduleRow[], from: string): ProgrammeChange[] {
  const dayBefore = addDays(from, -1);
  const sorted = [...schedule].sort(
    (a, b) => a.programmeId.localeCompare(b.programmeId) || a.from.localeCompare(b.from),
  );
  const inForce = (programmeId: string, day: string) =>
    sorted.findLast((r) => r.programmeId === programmeId && r.from <= day && (r.to === null || r.to >= day));
  return [...new Set(sorted.map((r) => r.programmeId))].map((programmeId) => {
    const before = inForce(programmeId, dayBefore);
    const after = inForce(programmeId, from);
    return {
      programmeId,
      periodKind: (after ?? before)?.periodKind ?? 'month',
      beforeCents: before ? before.cents : null,
      afterCents: after ? after.cents : null,
    };
  });
}

function decisionRow(row: PageRow, assessment: Assessment, from: string, now: Date) {
  const award = assessment.award;
  if (!award || row.case_id === null) throw new Error(`entitlement ${row.id} has no case`);
  return {
    id: randomUUID(),
    case_id: row.case_id,
    person_id: row.person_id,
    programme_id: row.programme_id,
    kind: 'automated' as const,
    outcome: 'approved' as const,
    as_of: assessment.asOf,
    effective_from: from,
    amount_cents: award.amountCents,
    period_kind: award.periodKind,
    rules_commit: assessment.version.commit,
    parameters_hash: assessment.version.hash,
    record_cipher: '',
    decided_by: null,
    override: false,
    approval: 'not-needed' as const,
    approved_by: null,
    created_at: now,
    final: true,
    // The July letter queued in this page's transaction tells this decision (with every other change of the
    // person's); the decision-letter sweep sends only letters still owed, so it must not send a second one.
    letter_sent_at: now,
  };
}

/** One person of the page: each open entitlement re-evaluated (in memory) on the register's household. */
function planPerson(
  plan: PagePlan,
  rows: readonly PageRow[],
  household: RegisterHousehold | undefined,
  page: PageContext,
): void {
  const personId = (rows[0] as PageRow).person_id;
  let schedule = rows.map(scheduleRowOf);
  let review = household === undefined;
  const facts: Household | null = household ? recordHousehold(household) : null;
  for (const row of rows.filter((r) => r.valid_to === null)) {
    if (facts === null) break; // no household in the register: the person is counted for review as a whole
    const programme = page.programme(row.programme_id);
    const from = page.from > row.valid_from ? page.from : row.valid_from;
    const assessment = assess(facts, personId, programme, from, page.fourEyesAboveCents, page.versionOf);
    const award = assessment.award;
    if (!award || assessment.recommendation !== 'approve') {
      review = true;
      // Eligible for nothing (an amount of zero) or refused: the rules no longer approve; else they cannot tell.
      const refused = assessment.recommendation === 'refuse' || assessment.recommendation === 'approve';
      plan.reviews.push({
        personId,
        programmeId: row.programme_id,
        decisionId: row.decision_id,
        facts,
        from,
        reason: refused ? 'no-longer-approved' : 'cannot-tell',
        assessment,
      });
      continue;
    }
    const decision = decisionRow(row, assessment, from, page.now);
    plan.decisions.push(decision);
    plan.records.push(recomputableRecordOf(facts, assessment, programme.rules));
    plan.closings.push({ enrolmentId: row.enrolment_id, from });
    plan.entitlements.push({
      id: randomUUID(),
      enrolment_id: row.enrolment_id,
      person_id: personId,
      programme_id: row.programme_id,
      valid_from: from,
      valid_to: null,
      amount_cents: award.amountCents,
      period_kind: award.periodKind,
      decision_id: decision.id,
      review_on: addDays(from, 365),
    });
    plan.audits.push(
      auditEntry(page.context, personId, 'decision.redetermined', 'success', {
        decisionId: decision.id,
        programme: programme.id,
        from,
      }),
    );
    schedule = startAmount(schedule, {
      enrolmentId: row.enrolment_id,
      programmeId: row.programme_id,
      from,
      to: null,
      cents: award.amountCents,
      periodKind: award.periodKind,
    });
  }
  const changes = changesOf(schedule, page.from);
  plan.letters.push({ personId, changes, review });
  const outcome: Outcome = review
    ? 'review'
    : changes.some((c) => c.beforeCents !== c.afterCents)
      ? 'changed'
      : 'unchanged';
  plan.counts[outcome] += 1;
}

/**
 * A page of people re-evaluated in memory on the register's households (no I/O): what the page's one
 * transaction writes. A refusal or an unclear answer is never automated: the person is counted for review
 * and their schedule left as it is (ADR 0017).
 */
export function planPage(
  rows: readonly PageRow[],
  households: ReadonlyMap<string, RegisterHousehold>,
  page: PageContext,
): PagePlan {
  const plan: PagePlan = {
    decisions: [],
    records: [],
    closings: [],
    entitlements: [],
    letters: [],
    audits: [],
    reviews: [],
    counts: { changed: 0, unchanged: 0, review: 0 },
  };
  let start = 0;
  for (let i = 1; i <= rows.length; i += 1) {
    if (i < rows.length && rows[i]?.person_id === rows[start]?.person_id) continue;
    const personRows = rows.slice(start, i);
    planPerson(plan, personRows, households.get((personRows[0] as PageRow).person_id), page);
    start = i;
  }
  return plan;
}
