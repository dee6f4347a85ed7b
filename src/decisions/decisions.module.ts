import type { ApplicationSubmittedHandler } from '../applications/index.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { createDecisionCore, createSubmissionHandler, SYSTEM_CONTEXT } from './decisions.service.ts';
import type { DecisionsDependencies } from './decisions.service.ts';
import * as repo from './decisions.repository.ts';
import type { CaseRow, EntitlementRow } from './decisions.repository.ts';
import { decisionLetter } from './decision-letter.ts';
import type { DecisionLetterPort } from './decisions.types.ts';
import { explain } from './explanation.ts';
import type { Explanation } from './explanation.ts';
import { outcomeReport } from './outcomes.ts';
import type { OutcomeReport } from './outcomes.ts';
import { replayDecision, replaySince } from './replay.ts';
import type { ReplayReport } from './replay.ts';
import { createWorkqueueService } from './workqueue.service.ts';
import type { WorkqueueService } from './workqueue.service.ts';
import { isoDateOf } from './dates.ts';
import { createCircumstances, redetermine } from './circumstances.ts';
import type { Circumstances, Reevaluation } from './circumstances.ts';
import { openReviewCases } from './review-case.ts';
import type { ReviewRequest } from './review-case.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export const decisionsLocales = new URL('./locales/', import.meta.url);

export interface DecisionsModuleDependencies extends DecisionsDependencies {
  readonly letters: DecisionLetterPort;
  /** Programme names from the catalogue, for letters and pages. */
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
}

/** What a person (or staff for them) sees: their benefits with the decisions behind them, and their cases. */
export interface Benefits {
  readonly entitlements: readonly EntitlementRow[];
  readonly decisions: readonly Explanation[];
  readonly cases: readonly CaseRow[];
  /** Benefits that have ended (a review refused, a death): the programme and the last day paid for. */
  readonly ended: readonly EndedBenefit[];
}

export interface EndedBenefit {
  readonly programmeId: string;
  readonly endedOn: string;
}

export interface DecisionsModule {
  readonly handler: ApplicationSubmittedHandler;
  readonly workqueue: WorkqueueService;
  /** Changes of circumstance: the register's changes queued in their transaction, re-evaluated after. */
  readonly circumstances: Circumstances;
  benefitsOf(personId: string, context: AccessContext): Promise<Benefits>;
  decisionFor(personId: string, decisionId: string, context: AccessContext): Promise<Explanation | null>;
  /** Sends the letter of every final decision not yet sent (the server does this every few seconds). */
  sendLetters(limit?: number): Promise<number>;
  replay(decisionId: string): Promise<ReplayReport | null>;
  replaySince(since: string): Promise<ReplayReport[]>;
  outcomes(since: Date): Promise<OutcomeReport>;
  /**
   * A change of circumstance (address, marital status, income) from `from`: every open entitlement of the
   * person is re-evaluated on the new household as of that date; a new amount starts that day.
   */
  reevaluate(
    personId: string,
    household: unknown,
    from: string,
    context: AccessContext,
    /** Only these programmes (the July redetermination re-evaluates the income-tested ones). */
    only?: readonly string[],
  ): Promise<Reevaluation[]>;
  /**
   * Opens the adjudicator's cases for re-evaluations the rules could not settle, inside the caller's transaction
   * (a page of the July redetermination), in a few statements whatever their number: each request's case
   * reference, or null when its cause already has its case.
   */
  openReviews(trx: Transaction<DB>, requests: readonly ReviewRequest[]): Promise<(string | null)[]>;
  start(): void;
  stop(): Promise<void>;
}

export function createDecisionsModule(deps: DecisionsModuleDependencies): DecisionsModule {
  const core = createDecisionCore(deps);
  const circumstances = createCircumstances(core);
  let sweptOn = '';
  const { db, cipher, audit, clock } = deps;
  const i18n = createI18n([PLATFORM_LOCALES, decisionsLocales]);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function sendOne(decisionId: string): Promise<void> {
    const row = await repo.findDecision(db, decisionId);
    const kase = row ? await repo.findCase(db, row.case_id) : undefined;
    if (!row || !kase) return;
    const origin = {
      reference: kase.reference,
      review_kind: kase.review_kind,
      effective_on: kase.effective_on,
    };
    const explanation = explain(cipher, { ...row, ...origin }, core.policy.reviewDays);
    const names = {
      en: await deps.programmeName(row.programme_id, 'en'),
      fr: await deps.programmeName(row.programme_id, 'fr'),
    };
    await deps.letters.deliver(row.person_id, {
      kind: 'decision',
      sourceKey: `decision:${row.id}`,
      caseId: kase.reference,
      compose: (recipient) =>
        decisionLetter(i18n.translator(recipient.lang), explanation, names[recipient.lang], recipient),
      context: SYSTEM_CONTEXT(row.id),
    });
    await repo.updateDecision(db, row.id, { letter_sent_at: clock() });
  }

  /** Every few seconds: queued changes of circumstance, once a day the 18th birthdays, then the letters. */
  async function tick(): Promise<number> {
    await circumstances.drain();
    const today = clock().toISOString().slice(0, 10);
    if (sweptOn !== today) {
      await circumstances.sweepBirthdays(today);
      sweptOn = today;
    }
    return module.sendLetters();
  }

  const module: DecisionsModule = {
    handler: createSubmissionHandler(core),
    workqueue: createWorkqueueService(core),
    async benefitsOf(personId, context) {
      const [entitlements, rows, cases, enrolments] = await Promise.all([
        repo.entitlementsOf(db, personId),
        repo.finalDecisionsOf(db, personId),
        repo.casesOf(db, personId),
        deps.enrolments.list(personId),
      ]);
      const ended = enrolments.flatMap((e) =>
        e.status === 'ended' && e.ended_on !== null
          ? [{ programmeId: e.programme_id, endedOn: isoDateOf(e.ended_on) }]
          : [],
      );
      await audit.record(auditEntry(context, personId, 'decisions.benefits.read', 'success', {}));
      const decisions = rows
        .filter((row) => row.outcome !== 'cannot-tell')
        .map((row) => explain(cipher, row, core.policy.reviewDays));
      return { entitlements, decisions, cases, ended };
    },
    async decisionFor(personId, decisionId, context) {
      const row = (await repo.finalDecisionsOf(db, personId)).find((d) => d.id === decisionId);
      await audit.record(
        auditEntry(context, personId, 'decisions.decision.read', row ? 'success' : 'denied', { decisionId }),
      );
      return row && row.outcome !== 'cannot-tell' ? explain(cipher, row, core.policy.reviewDays) : null;
    },
    async sendLetters(limit = 50) {
      const due = await repo.lettersDue(db, limit);
      for (const { id } of due) await sendOne(id);
      return due.length;
    },
    replay: (decisionId) => replayDecision(db, cipher, core.policy, decisionId),
    replaySince: (since) => replaySince(db, cipher, core.policy, since),
    outcomes: (since) => outcomeReport(db, since),
    async reevaluate(personId, household, from, context, only) {
      const open = (await repo.entitlementsOf(db, personId)).filter(
        (e) => e.valid_to === null && (only === undefined || only.includes(e.programme_id)),
      );
      const results: Reevaluation[] = [];
      // One cause per caller's correlation (the July run's year): a replayed run opens no second review case.
      const cause = { key: `${context.correlationId}:${personId}:${from}`, kind: context.purpose };
      for (const row of open) {
        const entitlement = { ...row, from: isoDateOf(row.valid_from) };
        const request = { personId, from, context, sameFacts: false, cause };
        results.push(
          await db.transaction().execute((trx) => redetermine(core, trx, entitlement, household, request)),
        );
      }
      return results;
    },
    circumstances,
    openReviews: (trx, requests) => openReviewCases(core, trx, requests),
    start() {
      timer ??= setInterval(() => {
        running ??= tick()
          .catch(() => 0)
          .finally(() => {
            running = null;
          });
      }, 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => 0);
    },
  };
  return module;
}
