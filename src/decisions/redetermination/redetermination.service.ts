import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { RegisterHousehold } from '../../person/index.ts';
import { sealRecords } from '../decision-record.ts';
import { loadDecisionPolicy, policyFor } from '../programme-policy.ts';
import type { DecisionPolicy } from '../programme-policy.ts';
import { NotDecidedHereError } from '../decisions.types.ts';
import type { DecisionsModule } from '../decisions.module.ts';
import { deliverQueuedLetters } from './redetermination-letters.ts';
import type { RedeterminationLetterPort } from './redetermination-letters.ts';
import { batchRuleSetVersion } from '../rule-set.ts';
import { planPage } from './redetermination-page.ts';
import type { PagePlan } from './redetermination-page.ts';
import * as repo from './redetermination.repository.ts';

export type { RedeterminationLetterPort };

/**
 * The income-tested programmes re-evaluated each July on the incomes of the year before (CCB: Income Tax Act
 * s. 122.6 "base taxation year"; GST/HST credit s. 122.5; GIS and the Allowances: OAS Act s. 2 "base
 * calendar year"; the BC family benefit follows the CCB).
 */
export const INCOME_TESTED = [
  'ccb',
  'gst-hst-credit',
  'gis',
  'allowance',
  'allowance-survivor',
  'bc-family-benefit',
];

export interface RedeterminationSummary {
  readonly year: number;
  readonly status: 'running' | 'done';
  readonly personsTotal: number;
  readonly personsDone: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly needsReview: number;
}

export interface RedeterminationDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  /** Seals each new decision's record (facts, result and trace), as every decision is kept. */
  readonly cipher: FieldCipher;
  /** The register's households, a page of people at a time (person's `HouseholdReader`). */
  readonly households: {
    householdsOf(personIds: readonly string[]): Promise<ReadonlyMap<string, RegisterHousehold>>;
  };
  readonly letters: RedeterminationLetterPort;
  /** The decisions module's review cases, opened together in the page's transaction (`DecisionsModule.openReviews`). */
  readonly reviews: Pick<DecisionsModule, 'openReviews'>;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  readonly clock: () => Date;
  /** People per page: one read, one evaluation in memory and one transaction each (default 1,000). */
  readonly batchSize?: number;
  readonly policy?: DecisionPolicy;
}

export class RedeterminationStartedError extends Error {
  constructor(readonly year: number) {
    super(`The ${year} redetermination was started already: finish it with --resume`);
    this.name = 'RedeterminationStartedError';
  }
}

export class RedeterminationTakenOverError extends Error {
  constructor(readonly year: number) {
    super(`Another process is running the ${year} redetermination`);
    this.name = 'RedeterminationTakenOverError';
  }
}

export interface RedeterminationService {
  /** Starts the year's run, or with `resume` continues it after its cursor; a finished run is returned as is. */
  redetermine(
    year: number,
    options: { resume: boolean; onProgress?: (summary: RedeterminationSummary) => void },
  ): Promise<RedeterminationSummary>;
  status(year: number): Promise<RedeterminationSummary | null>;
}

const locales = new URL('../locales/', import.meta.url);

export function createRedeterminationService(deps: RedeterminationDependencies): RedeterminationService {
  const { db } = deps;
  const i18n = createI18n([PLATFORM_LOCALES, locales]);
  const batchSize = deps.batchSize ?? 1_000;
  const policy = deps.policy ?? loadDecisionPolicy();
  const programme = (programmeId: string) => {
    const found = policyFor(policy, programmeId);
    if (!found) throw new NotDecidedHereError(programmeId);
    return found;
  };

  const summaryOf = (row: NonNullable<Awaited<ReturnType<typeof repo.findRun>>>): RedeterminationSummary => ({
    year: row.benefit_year,
    status: row.status,
    personsTotal: row.persons_total,
    personsDone: row.persons_done,
    changed: row.changed,
    unchanged: row.unchanged,
    needsReview: row.needs_review,
  });

  /** The page's writes and its cursor in one transaction: a kill -9 leaves the whole page or none of it. */
  async function commit(
    year: number,
    previous: string | null,
    last: string,
    plan: PagePlan,
    people: number,
    context: AccessContext,
  ) {
    const ciphers = await sealRecords(deps.cipher, plan.records);
    const decisions = plan.decisions.map((d, i) => ({ ...d, record_cipher: ciphers[i] ?? '' }));
    await db.transaction().execute(async (trx) => {
      const step = { last, done: people, ...plan.counts };
      if (!(await repo.advance(trx, year, previous, step))) throw new RedeterminationTakenOverError(year);
      await repo.insertDecisions(trx, decisions);
      await repo.closeFrom(trx, plan.closings);
      await repo.insertEntitlements(trx, plan.entitlements);
      await repo.queueLetters(trx, year, plan.letters);
      await deps.audit.recordMany(plan.audits, trx);
      await deps.reviews.openReviews(
        trx,
        plan.reviews.map((review) => ({
          ...review,
          key: `redetermination:${String(year)}:${review.personId}:${review.programmeId}`,
          kind: 'redetermination',
          recomputable: true,
          context,
        })),
      );
    });
  }

  async function work(year: number, onProgress?: (summary: RedeterminationSummary) => void): Promise<void> {
    const from = `${String(year)}-07-01`;
    const context: AccessContext = {
      actor: { type: 'system', id: 'redetermination' },
      channel: 'system',
      purpose: 'redetermination',
      correlationId: `redetermination:${String(year)}`,
    };
    for (;;) {
      const run = await repo.findRun(db, year);
      if (run?.status !== 'running') return;
      onProgress?.(summaryOf(run));
      const rows = await repo.pageOf(db, INCOME_TESTED, from, run.resume_after, batchSize);
      if (rows.length === 0) {
        await deliverQueuedLetters({ ...deps, i18n }, year, context);
        await repo.finish(db, year, deps.clock());
        return;
      }
      const people = [...new Set(rows.map((row) => row.person_id))];
      // Recorded before the households are read, committed whatever happens to the page.
      await deps.audit.recordMany(
        people.map((personId) =>
          auditEntry(context, personId, 'redetermination.household.read', 'success', { year }),
        ),
      );
      const households = await deps.households.householdsOf(people);
      const plan = planPage(rows, households, {
        from,
        programme,
        fourEyesAboveCents: policy.fourEyesAboveCents,
        versionOf: batchRuleSetVersion(),
        context,
        now: deps.clock(),
      });
      await commit(year, run.resume_after, people.at(-1) ?? '', plan, people.length, context);
    }
  }

  return {
    async redetermine(year, options) {
      const existing = await repo.findRun(db, year);
      if (existing && existing.status === 'running' && !options.resume)
        throw new RedeterminationStartedError(year);
      if (!existing)
        await repo.createRun(db, year, await repo.countPeople(db, INCOME_TESTED, `${year}-07-01`));
      await work(year, options.onProgress);
      const done = await repo.findRun(db, year);
      if (!done) throw new Error(`The ${year} redetermination vanished`);
      options.onProgress?.(summaryOf(done));
      return summaryOf(done);
    },
    async status(year) {
      const run = await repo.findRun(db, year);
      return run ? summaryOf(run) : null;
    },
  };
}
