import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as timeOrderedUuid } from 'uuid';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import { firstPeriodOf, paymentsDue } from './due-payments.ts';
import type { RunWindow } from './due-payments.ts';
import type { DeathRegister, EntitlementRow, EntitlementSource } from './run-ports.ts';
import { payDateOfRun, scheduleOfProgramme } from './programme-schedules.ts';
import * as repo from './payment-run.repository.ts';
import type { NewRegularPayment, RunRow } from './payment-run.repository.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { enrolmentGroups, newReferences, runSummaryOf } from './run-parts.ts';
import type { RunSummary } from './run-parts.ts';
import type { BatchAdjuster } from '../adjustments/batch-adjuster.ts';

export interface PaymentRunOptions {
  /** Enrolments per transaction: what a crash can cost to redo, and how often progress moves. */
  readonly batchSize: number;
  /** How far back arrears reach (OAS Act s. 8(2): eleven months before the month of application). */
  readonly arrearsMonths: number;
}

export const DEFAULT_RUN_OPTIONS: PaymentRunOptions = { batchSize: 5_000, arrearsMonths: 11 };

/** Payments per insert statement: one round trip for a whole batch of the default size and its arrears. */
const INSERT_CHUNK = 10_000;

/**
 * Times a batch is written again with new references when one of them is already on file. Two batches planned in
 * the same millisecond share their time digits (`newReferences`); a clash of their 40 random bits is about one in
 * 10^5 for two batches of 5,000, so a second clash in a row means something other than chance.
 */
const REFERENCE_ATTEMPTS = 3;

export interface PaymentRunDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly entitlements: EntitlementSource;
  readonly deaths: DeathRegister;
  readonly clock: () => Date;
  readonly options?: Partial<PaymentRunOptions>;
  /** Adds to the run the returned payments whose banking details changed since (`returns/reissue.ts`). */
  readonly reissues?: (run: RunRow) => Promise<number>;
  /** Overpayments and underpayments found and settled in each batch's transaction (ADR 0024). */
  readonly adjuster?: BatchAdjuster;
  /** After a run is prepared: the debt letters it raised are sent. */
  readonly afterPrepared?: (runId: string) => Promise<void>;
  /** Makes a batch's payment references (`newReferences` unless given; tests give clashing ones). */
  readonly references?: (count: number) => string[];
}

export type ProgressListener = (run: RunSummary) => void;

export interface StartRequest {
  readonly programmeId: string;
  readonly period: string;
  readonly preparedBy: string;
}

export interface PaymentRunService {
  /** Creates the run, or joins the live one for the same programme and month (`joined`). */
  start(request: StartRequest, context: AccessContext): Promise<{ run: RunSummary; joined: boolean }>;
  /** Builds the run's payments from where it stopped; a run already prepared is returned as it is. */
  resume(runId: string, onProgress?: ProgressListener): Promise<RunSummary>;
  /** Resumes every run a stopped process left in preparation. */
  resumeAll(onProgress?: ProgressListener): Promise<RunSummary[]>;
  /** Starts `resume` without waiting (a page's request); `drain` waits for every one started. */
  resumeInBackground(runId: string, onError: (error: unknown) => void): void;
  drain(): Promise<void>;
  get(runId: string): Promise<RunSummary | null>;
  list(limit?: number): Promise<RunSummary[]>;
}

/** Another process advanced the run since this one read it: this one stops and leaves it the work. */
export class RunTakenOverError extends Error {
  constructor(readonly runId: string) {
    super(`Payment run ${runId} is being prepared by another process`);
    this.name = 'RunTakenOverError';
  }
}

export class InvalidRunPeriodError extends Error {
  constructor(readonly period: string) {
    super(`Not a month: ${JSON.stringify(period)}`);
    this.name = 'InvalidRunPeriodError';
  }
}

export function createPaymentRunService(deps: PaymentRunDependencies): PaymentRunService {
  const { db } = deps;
  const options = { ...DEFAULT_RUN_OPTIONS, ...deps.options };
  const makeReferences = deps.references ?? newReferences;
  /** `count` references for a batch, refused if the maker gave another number. */
  const references = (count: number): string[] => {
    const made = makeReferences(count);
    if (made.length !== count) throw new Error(`${made.length} references made for ${count} payments`);
    return made;
  };

  async function resume(runId: string, onProgress?: ProgressListener): Promise<RunSummary> {
    let run = await repo.findRun(db, runId);
    if (!run) throw new Error(`No payment run ${runId}`);
    if (run.status !== 'preparing') return runSummaryOf(run);
    if (run.enrolments_total === 0)
      await repo.setEnrolmentsTotal(db, runId, await deps.entitlements.countEnrolments(run.programme_id));
    run = (await repo.findRun(db, runId)) ?? run;
    onProgress?.(runSummaryOf(run));
    await buildPayments(run, onProgress);
    await deps.reissues?.(run);
    await db.transaction().execute((trx) => repo.markPrepared(trx, runId, deps.clock()));
    await deps.afterPrepared?.(runId);
    const prepared = runSummaryOf((await repo.findRun(db, runId)) ?? run);
    onProgress?.(prepared);
    return prepared;
  }

  async function buildPayments(run: RunRow, onProgress?: ProgressListener): Promise<void> {
    const window: RunWindow = { period: run.period, arrearsMonths: options.arrearsMonths };
    const stream = deps.entitlements.stream({
      programmeId: run.programme_id,
      afterEnrolmentId: run.resume_after,
    });
    let batch: EntitlementRow[][] = [];
    let previous = run.resume_after;
    let writing: Promise<void> = Promise.resolve();
    // The next batch is read and planned while the one before is written: Node and PostgreSQL each work
    // instead of waiting for the other. Writes stay one at a time, in order, each moving the cursor.
    const flush = async () => {
      const groups = batch;
      batch = [];
      const planned = await planBatch(run, window, groups);
      const after = previous;
      previous = groups.at(-1)?.[0]?.enrolmentId ?? previous;
      await writing;
      writing = writeBatch(run, planned, after).then((summary) => onProgress?.(summary));
      writing.catch(() => undefined);
    };
    for await (const group of enrolmentGroups(stream)) {
      batch.push(group);
      if (batch.length >= options.batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    await writing;
  }

  async function planBatch(run: RunRow, window: RunWindow, groups: readonly EntitlementRow[][]) {
    const [deaths, onFile] = await Promise.all([
      deps.deaths.datesOfDeath([...new Set(groups.map((group) => group[0]?.personId ?? ''))]),
      repo.regularPeriodsOnFile(
        db,
        groups.map((group) => group[0]?.enrolmentId ?? ''),
        firstPeriodOf(window),
      ),
    ]);
    return { groups, deaths, payments: paymentsOfBatch(run, window, groups, deaths, onFile, references) };
  }

  /**
   * Writes a planned batch; if one of its references is already on file (`payment_reference_key`), the whole
   * transaction rolled back, so the batch is written again with new references. Nothing else about a payment
   * depends on its reference, and the run's cursor moved only if the transaction committed.
   */
  async function writeBatch(
    run: RunRow,
    planned: PlannedBatch,
    previous: string | null,
  ): Promise<RunSummary> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await writeBatchOnce(run, planned, previous);
      } catch (error) {
        if (attempt >= REFERENCE_ATTEMPTS || !isUniqueViolation(error, 'payment_reference_key')) throw error;
        planned = {
          ...planned,
          payments: withReferences(planned.payments, references(planned.payments.length)),
        };
      }
    }
  }

  async function writeBatchOnce(
    run: RunRow,
    { groups, deaths, payments }: PlannedBatch,
    previous: string | null,
  ): Promise<RunSummary> {
    const last = groups.at(-1)?.[0]?.enrolmentId ?? previous ?? '';
    return db.transaction().execute(async (trx) => {
      const locked = await repo.lockRun(trx, run.id);
      if (locked?.status !== 'preparing' || locked.resume_after !== previous)
        throw new RunTakenOverError(run.id);
      const inserted = { count: 0, cents: 0 };
      for (let i = 0; i < payments.length; i += INSERT_CHUNK) {
        const chunk = await repo.insertPayments(trx, payments.slice(i, i + INSERT_CHUNK));
        inserted.count += chunk.count;
        inserted.cents += chunk.cents;
      }
      const adjusted = deps.adjuster
        ? await deps.adjuster.adjustBatch(trx, batchRunOf(run), groups, deaths)
        : { payments: 0, cents: 0 };
      const step = {
        resumeAfter: last,
        enrolments: groups.length,
        payments: inserted.count + adjusted.payments,
        cents: inserted.cents + adjusted.cents,
      };
      await repo.advanceRun(trx, run.id, step);
      return {
        ...runSummaryOf(locked),
        enrolmentsDone: locked.enrolments_done + step.enrolments,
        paymentCount: locked.payment_count + step.payments,
        totalCents: Number(locked.total_cents) + step.cents,
        resumeAfter: last,
      };
    });
  }

  const inFlight = new Set<Promise<unknown>>();
  return {
    resumeInBackground(runId, onError) {
      const running = resume(runId).catch(onError);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    },
    async drain() {
      await Promise.all([...inFlight]);
    },
    async start(request, context) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(request.period)) throw new InvalidRunPeriodError(request.period);
      scheduleOfProgramme(request.programmeId);
      const id = randomUUID();
      const inserted = await repo.insertRun(db, {
        id,
        programme_id: request.programmeId,
        period: request.period,
        pay_date: payDateOfRun(request.programmeId, request.period),
        prepared_by: request.preparedBy,
        resume_after: null,
      });
      const run = inserted
        ? await repo.findRun(db, id)
        : await repo.findLiveRegularRun(db, request.programmeId, request.period);
      if (!run) throw new Error('The payment run vanished as it was created');
      await deps.audit.record(
        auditEntry(context, null, 'payments.run.start', 'success', { runId: run.id, joined: !inserted }),
      );
      return { run: runSummaryOf(run), joined: !inserted };
    },
    resume,
    async resumeAll(onProgress) {
      const stopped = await repo.findRunsInStatus(db, 'preparing');
      const finished: RunSummary[] = [];
      for (const run of stopped) finished.push(await resume(run.id, onProgress));
      return finished;
    },
    async get(runId) {
      const run = await repo.findRun(db, runId);
      return run ? runSummaryOf(run) : null;
    },
    async list(limit = 50) {
      return (await repo.listRuns(db, limit)).map(runSummaryOf);
    },
  };
}

interface PlannedBatch {
  readonly groups: readonly (readonly EntitlementRow[])[];
  readonly deaths: ReadonlyMap<string, string>;
  readonly payments: readonly NewRegularPayment[];
}

function withReferences(
  payments: readonly NewRegularPayment[],
  references: readonly string[],
): NewRegularPayment[] {
  return payments.map((payment, i) => ({ ...payment, reference: references[i] ?? '' }));
}

function batchRunOf(run: RunRow) {
  const payDate = typeof run.pay_date === 'string' ? run.pay_date : run.pay_date.toISOString().slice(0, 10);
  return { id: run.id, programmeId: run.programme_id, period: run.period, payDate };
}

function paymentsOfBatch(
  run: RunRow,
  window: RunWindow,
  groups: readonly (readonly EntitlementRow[])[],
  deaths: ReadonlyMap<string, string>,
  /** `enrolment|period` of the regular payments already on file (`regularPeriodsOnFile`): not planned again. */
  onFile: ReadonlySet<string>,
  makeReferences: (count: number) => string[],
): NewRegularPayment[] {
  const payDate = typeof run.pay_date === 'string' ? run.pay_date : run.pay_date.toISOString().slice(0, 10);
  const due = groups.flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    return paymentsDue(group, window, deaths.get(first.personId) ?? null)
      .filter((payment) => !onFile.has(`${first.enrolmentId}|${payment.period}`))
      .map((payment) => ({ first, payment }));
  });
  const references = makeReferences(due.length);
  return due.map(({ first, payment }, i) => ({
    // Time-ordered (UUIDv7): the primary key's inserts append instead of landing on random pages.
    id: timeOrderedUuid(),
    reference: references[i] ?? '',
    run_id: run.id,
    enrolment_id: first.enrolmentId,
    person_id: first.personId,
    programme_id: run.programme_id,
    period: payment.period,
    amount_cents: payment.amountCents,
    arrears: payment.arrears,
    decision_id: payment.decisionId,
    pay_date: payDate,
  }));
}
