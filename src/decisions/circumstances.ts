import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { ChangePublisher, RegistryChange } from '../person/index.ts';
import { assess, effectiveFrom } from './assess.ts';
import { applyCircumstance, detailsOfChange, eighteenthBirthdays } from './circumstance-facts.ts';
import type { CircumstanceDetails } from './circumstance-facts.ts';
import * as changes from './circumstances.repository.ts';
import { openRecord } from './decision-record.ts';
import type { DecisionCore } from './decisions.service.ts';
import { openPeriod, recordOf } from './decisions.service.ts';
import * as repo from './decisions.repository.ts';
import type { CircumstanceKind, ReviewReason } from './decisions.tables.ts';
import { openReviewCase } from './review-case.ts';

/** A change of circumstance re-determined the entitlement from a date, left it as it was, or needs a person. */
export type Reevaluation =
  | {
      readonly programmeId: string;
      readonly outcome: 're-rated' | 'confirmed';
      readonly decisionId: string;
      readonly amountCents: number;
      readonly from: string;
    }
  | { readonly programmeId: string; readonly outcome: 'unchanged' }
  | {
      readonly programmeId: string;
      readonly outcome: 'needs-review';
      readonly reason: ReviewReason;
      /** The case opened in the adjudicator's workqueue; null when this cause already had one. */
      readonly caseReference: string | null;
    };

/** An open entitlement and where it came from, as re-evaluation reads it. */
export interface OpenEntitlement {
  readonly id: string;
  readonly enrolment_id: string;
  readonly programme_id: string;
  readonly amount_cents: string | number;
  readonly decision_id: string;
  readonly from: string;
}

const CONTEXT = (correlationId: string): AccessContext => ({
  actor: { type: 'system', id: 'decisions' },
  channel: 'system',
  purpose: 'change-of-circumstance',
  correlationId,
});
const BATCH = 50;

export interface RedetermineRequest {
  readonly personId: string;
  readonly from: string;
  readonly context: AccessContext;
  readonly sameFacts: boolean;
  /** What caused it (`change:<id>`, `redetermination:2027`), and its kind: a review case is opened once per cause. */
  readonly cause: { readonly key: string; readonly kind: string };
}

/** Opens the adjudicator's case for a re-evaluation the rules could not settle, once per cause and programme. */
async function toReview(
  core: DecisionCore,
  trx: Transaction<DB>,
  entitlement: OpenEntitlement,
  request: Omit<RedetermineRequest, 'sameFacts'> & { facts: unknown; reason: ReviewReason },
): Promise<Reevaluation> {
  const caseReference = await openReviewCase(core, trx, {
    personId: request.personId,
    decisionId: entitlement.decision_id,
    facts: request.facts,
    from: request.from,
    key: `${request.cause.key}:${entitlement.programme_id}`,
    kind: request.cause.kind,
    reason: request.reason,
    context: request.context,
  });
  return {
    programmeId: entitlement.programme_id,
    outcome: 'needs-review',
    reason: request.reason,
    caseReference,
  };
}

/**
 * A new decision on `household` from `from` for one open entitlement: the schedule ends the day before and a new
 * period starts that day (a letter follows, as for every final decision). Needs a person when the rules no longer
 * approve: a refusal is never automated (ADR 0017).
 */
export async function redetermine(
  core: DecisionCore,
  trx: Transaction<DB>,
  entitlement: OpenEntitlement,
  household: unknown,
  request: RedetermineRequest,
): Promise<Reevaluation> {
  const programme = core.programme(entitlement.programme_id);
  const { personId, context } = request;
  const from = request.from > entitlement.from ? request.from : entitlement.from;
  const assessment = assess(household, personId, programme, from, core.policy.fourEyesAboveCents);
  const award = assessment.award;
  if (!award || assessment.recommendation !== 'approve') {
    // Eligible for nothing (an amount of zero) or refused: the rules no longer approve; else they cannot tell.
    const refused = assessment.recommendation === 'refuse' || assessment.recommendation === 'approve';
    const reason = refused ? 'no-longer-approved' : 'cannot-tell';
    return toReview(core, trx, entitlement, { ...request, from, facts: household, reason });
  }
  const same = award.amountCents === Number(entitlement.amount_cents);
  if (same && request.sameFacts) return { programmeId: programme.id, outcome: 'unchanged' };
  const previous = await repo.findDecision(trx, entitlement.decision_id);
  const kase = previous ? await repo.findCase(trx, previous.case_id) : undefined;
  if (!kase) throw new Error(`entitlement ${entitlement.id} has no case`);
  const decisionId = await core.record(trx, kase, {
    kind: 'automated',
    outcome: 'approved',
    assessment: { ...assessment, effectiveFrom: from },
    record: recordOf(household, assessment),
    decidedBy: null,
    override: false,
    approval: 'not-needed',
    final: true,
  });
  await repo.replaceEntitlementsFrom(trx, [
    openPeriod(
      entitlement.enrolment_id,
      { person_id: personId, programme_id: entitlement.programme_id },
      award,
      decisionId,
      from,
    ),
  ]);
  await core.deps.audit.record(
    auditEntry(context, personId, 'decision.redetermined', 'success', {
      decisionId,
      programme: programme.id,
      from,
    }),
    trx,
  );
  return {
    programmeId: programme.id,
    outcome: same ? 'confirmed' : 're-rated',
    decisionId,
    amountCents: award.amountCents,
    from,
  };
}

/**
 * The person died: each of their benefits ends after the month of death, without re-evaluation (there is nobody
 * left to decide for, so no decision and no letter). OAS, GIS, the Allowances and CPP are payable for the month in
 * which the death occurs and not after (Service Canada, "Cancel Old Age Security and Canada Pension Plan
 * benefits"; the statutory sections were not verified here). POLICY CHOICE: every other programme (CCB, EI,
 * provincial assistance) ends the same way, through the month of death.
 */
export async function endBenefitsOfDeceased(
  core: DecisionCore,
  trx: Transaction<DB>,
  personId: string,
  dateOfDeath: string,
): Promise<string> {
  const from = firstOfNextMonth(dateOfDeath);
  const ended: string[] = [];
  for (const entitlement of await changes.openEntitlementsOf(trx, personId)) {
    if (await core.endBenefit(trx, personId, entitlement.programme_id, from))
      ended.push(`${entitlement.programme_id}:ended`);
  }
  return ended.join(',');
}

function firstOfNextMonth(date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/**
 * Changes of circumstance: the register's changes (told once) that touch an open entitlement are queued in the
 * change's own transaction, then each entitlement is re-evaluated on the household its decision rested on with
 * the change applied, from the day the programme's law starts the new amount. A child's 18th birthday is found
 * by a daily sweep.
 */
export function createCircumstances(core: DecisionCore) {
  const { db, cipher, audit, clock } = core.deps;
  let running: Promise<number> | null = null;

  async function queue(
    executor: Transaction<DB> | typeof db,
    personId: string,
    sourceKey: string,
    kind: CircumstanceKind,
    details: CircumstanceDetails,
  ): Promise<boolean> {
    return changes.queueChange(executor, {
      id: randomUUID(),
      source_key: sourceKey,
      person_id: personId,
      kind,
      occurred_on: details.occurredOn,
      details_cipher: cipher.encrypt(JSON.stringify(details)),
      received_at: clock(),
      processed_at: null,
      outcome: null,
    });
  }

  async function handle(row: Awaited<ReturnType<typeof changes.pendingChanges>>[number]) {
    const details = JSON.parse(cipher.decrypt(row.details_cipher)) as CircumstanceDetails;
    const context = CONTEXT(row.id);
    await db.transaction().execute(async (trx) => {
      if (!(await changes.claimChange(trx, row.id, clock(), ''))) return;
      if (row.kind === 'death' && details.deceasedId === row.person_id) {
        const outcome = await endBenefitsOfDeceased(core, trx, row.person_id, details.occurredOn);
        await changes.setChangeOutcome(trx, row.id, outcome);
        await audit.record(
          auditEntry(context, row.person_id, 'decision.circumstance-evaluated', 'success', {
            kind: row.kind,
            outcome,
          }),
          trx,
        );
        return;
      }
      const results: Reevaluation[] = [];
      for (const entitlement of await changes.openEntitlementsOf(trx, row.person_id)) {
        const record = openRecord(cipher, entitlement.record_cipher);
        const changed = applyCircumstance(record.facts, record.applicantId, row.kind, details);
        const from = effectiveFrom(core.programme(entitlement.programme_id), details.occurredOn);
        const cause = { key: `change:${row.id}`, kind: row.kind };
        if (changed === null) {
          const reason: ReviewReason = row.kind === 'marital-status' ? 'new-partner' : 'facts-not-applicable';
          const at = from > entitlement.from ? from : entitlement.from;
          const review = { personId: row.person_id, from: at, context, cause, facts: record.facts, reason };
          results.push(await toReview(core, trx, entitlement, review));
          continue;
        }
        const sameFacts =
          row.kind === 'age-18'
            ? !eighteenthBirthdays(record.facts, record.applicantId, details.occurredOn).some(
                (child) => child.birthday === details.occurredOn,
              )
            : JSON.stringify(changed) === JSON.stringify(record.facts);
        results.push(
          await redetermine(core, trx, entitlement, changed, {
            personId: row.person_id,
            from,
            context,
            sameFacts,
            cause,
          }),
        );
      }
      const outcome = results.map((r) => `${r.programmeId}:${r.outcome}`).join(',');
      await changes.setChangeOutcome(trx, row.id, outcome);
      await audit.record(
        auditEntry(context, row.person_id, 'decision.circumstance-evaluated', 'success', {
          kind: row.kind,
          outcome,
        }),
        trx,
      );
    });
  }

  async function drainAll(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await changes.pendingChanges(db, BATCH);
      for (const row of rows) await handle(row);
      handled += rows.length;
      if (rows.length < BATCH) return handled;
    }
  }

  const publisher: ChangePublisher = {
    async publish(trx, change: RegistryChange) {
      const found = detailsOfChange(change.element, change.payload, change.occurredAt);
      if (!found) return;
      const whose = { 'income-year': { incomeOf: change.personId }, death: { deceasedId: change.personId } };
      const details = { ...found.details, ...(whose[found.kind as keyof typeof whose] ?? {}) };
      // The person's own entitlements, then those of the household's others a new income year or a birth touches.
      for (const personId of [change.personId, ...(change.alsoConcerns ?? [])]) {
        if (!(await changes.hasOpenEntitlement(trx, personId))) continue;
        const key =
          personId === change.personId
            ? `change:${change.changeId}`
            : `change:${change.changeId}:${personId}`;
        await queue(trx, personId, key, found.kind, details);
      }
    },
    committed() {
      void drain().catch(() => 0);
    },
  };

  /** Re-evaluates every queued change (one run at a time in this process; a claim keeps processes apart). */
  async function drain(): Promise<number> {
    while (running) await running.catch(() => 0);
    running = drainAll().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    publisher,
    drain,
    /** Queues every child's 18th birthday, up to `asOf`, that an open entitlement has not yet been re-evaluated for. */
    async sweepBirthdays(asOf: string): Promise<number> {
      let after = '00000000-0000-0000-0000-000000000000';
      let queued = 0;
      for (;;) {
        const page = await changes.openEntitlementsWithRecords(db, after, 500);
        for (const entitlement of page) {
          const record = openRecord(cipher, entitlement.record_cipher);
          const programme = core.programme(entitlement.programme_id);
          for (const { childId, birthday } of eighteenthBirthdays(record.facts, record.applicantId, asOf)) {
            if (effectiveFrom(programme, birthday) <= entitlement.from) continue;
            const key = `age-18:${entitlement.person_id}:${entitlement.programme_id}:${childId}:${birthday}`;
            if (await queue(db, entitlement.person_id, key, 'age-18', { occurredOn: birthday })) queued += 1;
          }
        }
        if (page.length < 500) break;
        after = page[page.length - 1]?.id ?? after;
      }
      await drain();
      return queued;
    },
  };
}

export type Circumstances = ReturnType<typeof createCircumstances>;
