import { randomUUID } from 'node:crypto';
import type { ApplicationSubmittedHandler } from '../applications/index.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { assess } from './assess.ts';
import {
  createDecisionCore,
  createSubmissionHandler,
  recordOf,
  SYSTEM_CONTEXT,
} from './decisions.service.ts';
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
import { addDays } from './dates.ts';

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
}

/** A change of circumstance re-rated the entitlement from a date, or needs a person to look at it. */
export type Reevaluation =
  | {
      readonly programmeId: string;
      readonly outcome: 're-rated';
      readonly decisionId: string;
      readonly amountCents: number;
    }
  | { readonly programmeId: string; readonly outcome: 'unchanged' | 'needs-review' };

export interface DecisionsModule {
  readonly handler: ApplicationSubmittedHandler;
  readonly workqueue: WorkqueueService;
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
  start(): void;
  stop(): Promise<void>;
}

export function createDecisionsModule(deps: DecisionsModuleDependencies): DecisionsModule {
  const core = createDecisionCore(deps);
  const { db, cipher, audit, clock } = deps;
  const i18n = createI18n([PLATFORM_LOCALES, decisionsLocales]);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function sendOne(decisionId: string): Promise<void> {
    const row = await repo.findDecision(db, decisionId);
    const kase = row ? await repo.findCase(db, row.case_id) : undefined;
    if (!row || !kase) return;
    const explanation = explain(cipher, { ...row, reference: kase.reference }, core.policy.reviewDays);
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

  const module: DecisionsModule = {
    handler: createSubmissionHandler(core),
    workqueue: createWorkqueueService(core),
    async benefitsOf(personId, context) {
      const [entitlements, rows, cases] = await Promise.all([
        repo.entitlementsOf(db, personId),
        repo.finalDecisionsOf(db, personId),
        repo.casesOf(db, personId),
      ]);
      await audit.record(auditEntry(context, personId, 'decisions.benefits.read', 'success', {}));
      const decisions = rows
        .filter((row) => row.outcome !== 'cannot-tell')
        .map((row) => explain(cipher, row, core.policy.reviewDays));
      return { entitlements, decisions, cases };
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
      for (const entitlement of open) {
        const programme = core.programme(entitlement.programme_id);
        const assessment = assess(household, personId, programme, from, core.policy.fourEyesAboveCents);
        const award = assessment.award;
        if (!award || assessment.recommendation !== 'approve') {
          results.push({ programmeId: programme.id, outcome: 'needs-review' });
          continue;
        }
        if (award.amountCents === Number(entitlement.amount_cents)) {
          results.push({ programmeId: programme.id, outcome: 'unchanged' });
          continue;
        }
        const decisionId = await db.transaction().execute(async (trx) => {
          const previous = await repo.findDecision(trx, entitlement.decision_id);
          const kase = previous ? await repo.findCase(trx, previous.case_id) : undefined;
          if (!kase) throw new Error(`entitlement ${entitlement.id} has no case`);
          const id = await core.record(trx, kase, {
            kind: 'automated',
            outcome: 'approved',
            assessment: { ...assessment, effectiveFrom: from },
            record: recordOf(household, assessment),
            decidedBy: null,
            override: false,
            approval: 'not-needed',
            final: true,
          });
          await repo.closeEntitlementsFrom(trx, entitlement.enrolment_id, from);
          await repo.insertEntitlement(trx, {
            id: randomUUID(),
            enrolment_id: entitlement.enrolment_id,
            person_id: personId,
            programme_id: entitlement.programme_id,
            valid_from: from,
            valid_to: null,
            amount_cents: award.amountCents,
            period_kind: award.periodKind,
            decision_id: id,
            review_on: addDays(from, 365),
          });
          await audit.record(
            auditEntry(context, personId, 'decision.redetermined', 'success', {
              decisionId: id,
              programme: programme.id,
            }),
            trx,
          );
          return id;
        });
        results.push({
          programmeId: programme.id,
          outcome: 're-rated',
          decisionId,
          amountCents: award.amountCents,
        });
      }
      return results;
    },
    start() {
      timer ??= setInterval(() => {
        running ??= module
          .sendLetters()
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
