import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { PaymentReturn } from '../payment.ts';
import { readCpa005Returns } from '../files/cpa005/cpa005-returns.ts';
import { readCamt054Returns, readPain002Returns } from '../files/iso20022/status-readers.ts';
import { FileRefusedError } from '../files/file-refusal.ts';
import type { ReturnNotifier } from '../run/run-ports.ts';
import { isoDay } from '../run/run-parts.ts';
import type { ReturnStatus } from '../payments.tables.ts';
import { checkReturnsUpload } from './returns-upload.ts';
import type { UploadProblem } from './returns-upload.ts';
import * as repo from './returns.repository.ts';
import type { LoadRow } from './returns.repository.ts';

export type ReturnsFormat = PaymentReturn['format'];

export interface ReturnsLoaded {
  /** Matched to an issued payment: marked returned, the person told, a task for an agent. */
  readonly matched: number;
  /** Matched no issued payment (unknown reference, wrong amount): held for an agent, never dropped. */
  readonly held: number;
  /** Already loaded from an earlier file. */
  readonly duplicates: number;
}

export interface ReturnTask {
  readonly id: string;
  readonly reference: string;
  readonly amountCents: number;
  readonly reason: string;
  readonly bankReasonCode: string;
  readonly returnedOn: string;
  readonly status: ReturnStatus;
  readonly personId: string | null;
  readonly programmeId: string | null;
  readonly period: string | null;
  /** The person was sent the letter saying to update their banking details. */
  readonly told: boolean;
  readonly closedReason: string | null;
  /** A match to a payment was proposed by hand and waits for another person to confirm it. */
  readonly matchProposed: boolean;
}

/** One upload: loaded with what it matched and held, or refused whole with the line and why. */
export interface ReturnLoad {
  readonly id: string;
  readonly filename: string;
  readonly format: ReturnsFormat | null;
  readonly status: 'loaded' | 'refused';
  readonly refusal: { readonly code: string; readonly line: number } | null;
  readonly counts: ReturnsLoaded;
  readonly loadedBy: string;
  readonly loadedAt: Date;
  readonly items: readonly ReturnTask[];
}

export interface UploadedReturns {
  readonly filename: string;
  readonly bytes: Buffer | undefined;
  readonly truncated: boolean;
}

export type UploadOutcome =
  { readonly ok: true; readonly loadId: string } | { readonly ok: false; readonly code: UploadProblem };

export interface ReturnsService {
  /** Loads a returns file (refused whole, with its line, when malformed: nothing is marked). */
  load(
    source: string,
    format: ReturnsFormat,
    staffId: string,
    context: AccessContext,
  ): Promise<ReturnsLoaded>;
  /**
   * An uploaded file: refused before anything is recorded when it is not a returns file (`code`); else
   * recorded as a load, loaded or refused with its line, and its id returned for the page that shows it.
   */
  upload(file: UploadedReturns, staffId: string, context: AccessContext): Promise<UploadOutcome>;
  loadOf(loadId: string): Promise<ReturnLoad | null>;
  recentLoads(limit?: number): Promise<Omit<ReturnLoad, 'items'>[]>;
  /** The agents' work: returns to follow up and returns held because they matched nothing. */
  tasks(limit?: number): Promise<ReturnTask[]>;
  /** An agent settles a held return, saying how; false when it is not held (closed already, or matched). */
  close(returnId: string, reason: string, staffId: string, context: AccessContext): Promise<boolean>;
  /** Sends the letters a stopped load did not send; how many were sent. */
  tellUntold(): Promise<number>;
  /** Returns told before `toldBefore` and still waiting for the person (not reissued, not closed). */
  toldAndWaiting(toldBefore: Date, limit?: number): Promise<ToldReturn[]>;
}

/** A return whose letter went out and which still waits for new banking details. */
export interface ToldReturn {
  readonly returnId: string;
  readonly personId: string;
  readonly programmeId: string;
  readonly amountCents: number;
  readonly payDate: string;
  readonly toldAt: Date;
}

export interface ReturnsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly notifier: ReturnNotifier;
  readonly clock?: () => Date;
}

function parse(source: string, format: ReturnsFormat): Promise<PaymentReturn[]> {
  if (format === 'cpa005') return readCpa005Returns(source);
  return format === 'pain.002' ? readPain002Returns(source) : readCamt054Returns(source);
}

const taskOf = (row: Awaited<ReturnType<typeof repo.openReturns>>[number]): ReturnTask => ({
  id: row.id,
  reference: row.reference,
  amountCents: Number(row.amount_cents),
  reason: row.reason,
  bankReasonCode: row.bank_reason_code,
  returnedOn: isoDay(row.returned_on),
  status: row.status,
  personId: row.person_id,
  programmeId: row.programme_id,
  period: row.period,
  told: row.told_at !== null,
  closedReason: row.closed_reason,
  matchProposed: row.match_payment_id !== null,
});

const loadOfRow = (row: LoadRow): Omit<ReturnLoad, 'items'> => ({
  id: row.id,
  filename: row.filename,
  format: row.format,
  status: row.status,
  refusal: row.refusal_code === null ? null : { code: row.refusal_code, line: Number(row.refusal_line ?? 0) },
  counts: { matched: row.matched, held: row.held, duplicates: row.duplicates },
  loadedBy: row.loaded_by,
  loadedAt: new Date(row.loaded_at),
});

export function createReturnsService(deps: ReturnsDependencies): ReturnsService {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function record(
    returns: readonly PaymentReturn[],
    staffId: string,
    upload: Parameters<typeof repo.insertLoad>[1] | null,
  ): Promise<ReturnsLoaded> {
    const counts = { matched: 0, held: 0, duplicates: 0 };
    const loadId = upload?.id ?? null;
    await db.transaction().execute(async (trx) => {
      if (upload) await repo.insertLoad(trx, upload);
      for (const item of returns) {
        const payment = await repo.paymentByReference(trx, item.reference);
        const matches = payment?.status === 'issued' && Number(payment.amount_cents) === item.amountCents;
        const inserted = await repo.insertReturn(trx, {
          id: randomUUID(),
          payment_id: matches ? payment.id : null,
          reference: item.reference,
          amount_cents: item.amountCents,
          reason: item.reason,
          bank_reason_code: item.bankReasonCode,
          returned_on: item.returnedOn,
          format: item.format,
          status: matches ? 'matched' : 'held',
          loaded_by: staffId,
          load_id: loadId,
        });
        if (!inserted) counts.duplicates++;
        else if (!matches) counts.held++;
        else {
          counts.matched++;
          await repo.markReturned(trx, payment.id, clock());
        }
      }
      if (loadId) await repo.countLoad(trx, loadId, counts);
    });
    return counts;
  }

  async function tellUntold(): Promise<number> {
    let sent = 0;
    for (const row of await repo.untoldReturns(db, 500)) {
      await deps.notifier.paymentReturned({
        returnId: row.id,
        personId: row.person_id,
        programmeId: row.programme_id,
        amountCents: Number(row.amount_cents),
        payDate: isoDay(row.pay_date),
        reason: row.reason,
      });
      await repo.markTold(db, row.id, clock());
      sent++;
    }
    return sent;
  }

  return {
    async load(source, format, staffId, context) {
      const counts = await record(await parse(source, format), staffId, null);
      await tellUntold();
      await deps.audit.record(
        auditEntry(context, null, 'payments.returns.load', 'success', { format, ...counts }),
      );
      return counts;
    },
    async upload(file, staffId, context) {
      const checked = await checkReturnsUpload(file.bytes, file.truncated);
      if (!checked.ok) {
        await deps.audit.record(
          auditEntry(context, null, 'payments.returns.upload', 'failure', { problem: checked.code }),
        );
        return checked;
      }
      const loadId = randomUUID();
      const base = { id: loadId, filename: file.filename.slice(0, 200), format: checked.format };
      let details: Record<string, unknown>;
      try {
        const returns = await parse(checked.text, checked.format);
        details = { ...(await record(returns, staffId, { ...base, status: 'loaded', loaded_by: staffId })) };
        await tellUntold();
      } catch (error) {
        if (!(error instanceof FileRefusedError)) throw error;
        await repo.insertLoad(db, {
          ...base,
          status: 'refused',
          refusal_code: error.code,
          refusal_line: error.line,
          loaded_by: staffId,
        });
        details = { refused: error.code, line: error.line };
      }
      await deps.audit.record(
        auditEntry(context, null, 'payments.returns.load', 'success', {
          loadId,
          format: checked.format,
          ...details,
        }),
      );
      return { ok: true, loadId };
    },
    async loadOf(loadId) {
      const row = await repo.findLoad(db, loadId);
      if (!row) return null;
      return { ...loadOfRow(row), items: (await repo.returnsOfLoad(db, loadId)).map(taskOf) };
    },
    async recentLoads(limit = 20) {
      return (await repo.recentLoads(db, limit)).map(loadOfRow);
    },
    async tasks(limit = 500) {
      return (await repo.openReturns(db, limit)).map(taskOf);
    },
    async close(returnId, reason, staffId, context) {
      const closed = await repo.closeReturn(db, returnId, { staffId, reason, at: clock() });
      await deps.audit.record(
        auditEntry(context, null, 'payments.returns.close', closed ? 'success' : 'failure', {
          returnId,
        }),
      );
      return closed;
    },
    tellUntold,
    async toldAndWaiting(toldBefore, limit = 5_000) {
      return (await repo.toldReturnsWaiting(db, toldBefore, limit)).map((row) => ({
        returnId: row.id,
        personId: row.person_id,
        programmeId: row.programme_id,
        amountCents: Number(row.amount_cents),
        payDate: isoDay(row.pay_date),
        toldAt: new Date(row.told_at ?? 0),
      }));
    },
  };
}
