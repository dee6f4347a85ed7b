import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { Letter } from '../../platform/documents/letter.ts';
import { createI18n, PLATFORM_LOCALES } from '../../platform/i18n/i18n.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { RegisterHousehold } from '../../person/index.ts';
import type { DecisionsModule } from '../decisions.module.ts';
import { isoDateOf } from '../dates.ts';
import { recordHousehold } from './record-household.ts';
import { redeterminationLetter } from './redetermination-letter.ts';
import type { ProgrammeChange } from './redetermination-letter.ts';
import * as repo from './redetermination.repository.ts';

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

export interface RedeterminationLetterPort {
  deliver(
    personId: string,
    request: {
      readonly kind: 'redetermination';
      /** `redetermination:<year>:<person>`: one letter per person and benefit year, however often tried. */
      readonly sourceKey: string;
      readonly compose: (recipient: {
        readonly lang: Lang;
        readonly addressLines: readonly string[] | null;
      }) => Letter;
      readonly context: AccessContext;
    },
  ): Promise<{ readonly documentId: string } | null>;
}

export interface RedeterminationDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly decisions: Pick<DecisionsModule, 'reevaluate'>;
  readonly households: { householdOf(personId: string): Promise<RegisterHousehold | null> };
  readonly letters: RedeterminationLetterPort;
  readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  readonly clock: () => Date;
  readonly batchSize?: number;
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

type Outcome = 'changed' | 'unchanged' | 'review';

export function createRedeterminationService(deps: RedeterminationDependencies): RedeterminationService {
  const { db } = deps;
  const i18n = createI18n([PLATFORM_LOCALES, locales]);
  const batchSize = deps.batchSize ?? 200;

  const summaryOf = (row: NonNullable<Awaited<ReturnType<typeof repo.findRun>>>): RedeterminationSummary => ({
    year: row.benefit_year,
    status: row.status,
    personsTotal: row.persons_total,
    personsDone: row.persons_done,
    changed: row.changed,
    unchanged: row.unchanged,
    needsReview: row.needs_review,
  });

  /** What changed for one person, read back from the schedule: the same however often it is replayed. */
  async function changesOf(personId: string, from: string): Promise<ProgrammeChange[]> {
    const rows = await repo.scheduleAround(db, personId, INCOME_TESTED, from);
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const inForce = (programmeId: string, day: string) =>
      rows.findLast(
        (r) =>
          r.programme_id === programmeId &&
          isoDateOf(r.valid_from) <= day &&
          (r.valid_to === null || isoDateOf(r.valid_to) >= day),
      );
    return [...new Set(rows.map((r) => r.programme_id))].map((programmeId) => {
      const before = inForce(programmeId, dayBefore);
      const after = inForce(programmeId, from);
      return {
        programmeId,
        periodKind: (after ?? before)?.period_kind ?? 'month',
        beforeCents: before ? Number(before.amount_cents) : null,
        afterCents: after ? Number(after.amount_cents) : null,
      };
    });
  }

  async function redetermineOne(personId: string, year: number, context: AccessContext): Promise<Outcome> {
    const from = `${year}-07-01`;
    const household = await deps.households.householdOf(personId);
    await deps.audit.record(
      auditEntry(context, personId, 'redetermination.household.read', 'success', { year }),
    );
    const results = household
      ? await deps.decisions.reevaluate(personId, recordHousehold(household), from, context, INCOME_TESTED)
      : [];
    const review = !household || results.some((r) => r.outcome === 'needs-review');
    const changes = await changesOf(personId, from);
    const names = new Map<string, { en: string; fr: string }>();
    for (const change of changes)
      names.set(change.programmeId, {
        en: await deps.programmeName(change.programmeId, 'en'),
        fr: await deps.programmeName(change.programmeId, 'fr'),
      });
    await deps.letters.deliver(personId, {
      kind: 'redetermination',
      sourceKey: `redetermination:${year}:${personId}`,
      compose: (recipient) =>
        redeterminationLetter(i18n.translator(recipient.lang), {
          year,
          changes,
          review,
          names: (id) => names.get(id)?.[recipient.lang] ?? id,
          addressLines: recipient.addressLines,
          today: deps.clock(),
        }),
      context,
    });
    if (review) return 'review';
    return changes.some((c) => c.beforeCents !== c.afterCents) ? 'changed' : 'unchanged';
  }

  async function work(year: number, onProgress?: (summary: RedeterminationSummary) => void): Promise<void> {
    const from = `${year}-07-01`;
    const context: AccessContext = {
      actor: { type: 'system', id: 'redetermination' },
      channel: 'system',
      purpose: 'redetermination',
      correlationId: `redetermination:${year}`,
    };
    for (;;) {
      const run = await repo.findRun(db, year);
      if (run?.status !== 'running') return;
      onProgress?.(summaryOf(run));
      const people = await repo.nextPeople(db, INCOME_TESTED, from, run.resume_after, batchSize);
      if (people.length === 0) {
        await repo.finish(db, year, deps.clock());
        return;
      }
      const counts = { changed: 0, unchanged: 0, review: 0 };
      for (const personId of people) counts[await redetermineOne(personId, year, context)] += 1;
      const step = { last: people.at(-1) ?? '', done: people.length, ...counts };
      if (!(await repo.advance(db, year, run.resume_after, step)))
        throw new RedeterminationTakenOverError(year);
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
