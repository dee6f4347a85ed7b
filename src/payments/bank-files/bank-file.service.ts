import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Originator, Payment } from '../payment.ts';
import { writeCpa005Credits } from '../files/cpa005/cpa005-writer.ts';
import { readCpa005 } from '../files/cpa005/cpa005-reader.ts';
import { writePain001 } from '../files/iso20022/pain001-writer.ts';
import { readPain001 } from '../files/iso20022/pain001-reader.ts';
import type { BankFileFormat } from '../payments.tables.ts';
import { findRun } from '../run/payment-run.repository.ts';
import { isoDay } from '../run/run-parts.ts';
import { transactionCodeOf } from '../run/programme-schedules.ts';
import * as repo from './bank-file.repository.ts';
import { sentTotals } from '../sent-payments.repository.ts';
import type { FileRow } from './bank-file.repository.ts';

export interface BankFileSettings {
  readonly originator: Originator;
  /** The bank's data centre that receives CPA 005 files (5 digits). */
  readonly destinationDataCentre: string;
}

/** The demonstration originator; a deployment sets the one its bank assigned. */
export const DEMO_BANK_FILE_SETTINGS: BankFileSettings = {
  originator: {
    id: 'GUICHET001',
    shortName: 'Guichet',
    longName: 'Guichet - Government of Canada',
    returnAccount: { institution: '001', transit: '00011', account: '000123456789' },
  },
  destinationDataCentre: '00120',
};

export interface BankFile {
  readonly file: FileRow;
  readonly filename: string;
  readonly contentType: string;
  /** The file, streamed from a temporary copy the independent reader has already checked. */
  readonly body: Readable;
}

export type BankFileOutcome =
  | { readonly ok: true; readonly file: BankFile }
  | { readonly ok: false; readonly reason: 'not-found' | 'not-released' | 'empty' };

export class BankFileCheckError extends Error {
  constructor(
    readonly format: BankFileFormat,
    detail: string,
  ) {
    super(`The ${format} file did not pass its independent reader: ${detail}`);
    this.name = 'BankFileCheckError';
  }
}

export interface BankFileService {
  open(
    runId: string,
    format: BankFileFormat,
    staffId: string,
    context: AccessContext,
  ): Promise<BankFileOutcome>;
  list(runId: string): Promise<FileRow[]>;
}

export interface BankFileDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly settings: BankFileSettings;
  readonly clock: () => Date;
  /** Payments per read, one query and one bulk decryption each (10,000; tests take small pages). */
  readonly pageSize?: number;
}

export function createBankFileService(deps: BankFileDependencies): BankFileService {
  const { db, settings } = deps;
  const pageSize = deps.pageSize ?? 10_000;

  /** One page of the run's deposits after `after`, payees decrypted in bulk (on the workers if any). */
  async function pageOf(runId: string, after: string): Promise<Payment[]> {
    const page = await repo.sentPaymentsPage(db, runId, after, pageSize);
    const payees = await deps.cipher.decryptMany(page.map((p) => p.payee_ciphertext ?? ''));
    return page.map((row, index) => ({
      reference: row.reference,
      amountCents: Number(row.amount_cents),
      date: isoDay(row.pay_date),
      payee: JSON.parse(payees[index] ?? '{}') as Payment['payee'],
      transactionCode: transactionCodeOf(row.programme_id),
    }));
  }

  /** The run's deposits in reference order; the next page is read while the writer formats this one. */
  async function* paymentsOf(runId: string): AsyncGenerator<Payment> {
    let next = pageOf(runId, '');
    for (;;) {
      const page = await next;
      const last = page.at(-1);
      if (!last) return;
      next = page.length < pageSize ? Promise.resolve([]) : pageOf(runId, last.reference);
      next.catch(() => undefined); // awaited on the next turn; a writer stopped early leaves it unread
      yield* page;
    }
  }

  async function recordOf(
    runId: string,
    format: BankFileFormat,
    staffId: string,
    totals: { count: number; cents: number },
  ) {
    for (;;) {
      const existing = await repo.findFile(db, runId, format);
      if (existing) return existing;
      const number = ((await repo.lastCreationNumber(db, settings.originator.id, format)) % 9999) + 1;
      await repo.insertFile(db, {
        id: randomUUID(),
        run_id: runId,
        format,
        originator_id: settings.originator.id,
        file_creation_number: number,
        payment_count: totals.count,
        total_cents: totals.cents,
        created_by: staffId,
      });
    }
  }

  function writerOf(file: FileRow, payDate: string): AsyncIterable<Buffer> {
    const created = new Date(file.created_at);
    const payments = paymentsOf(file.run_id);
    if (file.format === 'cpa005')
      return writeCpa005Credits(
        {
          originator: settings.originator,
          fileCreationNumber: file.file_creation_number,
          creationDate: created.toISOString().slice(0, 10),
          destinationDataCentre: settings.destinationDataCentre,
        },
        payments,
      );
    return writePain001(
      {
        originator: settings.originator,
        messageId: `GUICHET-${file.id}`.slice(0, 35),
        createdAt: created.toISOString().slice(0, 19),
        executionDate: payDate,
        control: { numberOfTransactions: file.payment_count, totalCents: Number(file.total_cents) },
      },
      payments,
    );
  }

  async function check(file: FileRow, path: string): Promise<void> {
    const reader =
      file.format === 'cpa005' ? readCpa005(createReadStream(path)) : readPain001(createReadStream(path));
    let result = await reader.next();
    while (!result.done) result = await reader.next();
    const summary = result.value;
    const count = 'itemCount' in summary ? summary.itemCount : summary.numberOfTransactions;
    if (count !== file.payment_count || summary.totalCents !== Number(file.total_cents))
      throw new BankFileCheckError(file.format, `${count} items, ${summary.totalCents} cents`);
  }

  return {
    async open(runId, format, staffId, context) {
      const run = await findRun(db, runId);
      if (!run) return { ok: false, reason: 'not-found' };
      if (run.status !== 'released') return { ok: false, reason: 'not-released' };
      const totals = await sentTotals(db, runId, 'deposit');
      if (totals.count === 0) return { ok: false, reason: 'empty' };
      const file = await recordOf(runId, format, staffId, totals);
      const directory = await mkdtemp(join(tmpdir(), 'guichet-bank-file-'));
      const path = join(directory, 'file');
      try {
        await pipeline(
          Readable.from(writerOf(file, isoDay(run.pay_date))),
          createWriteStream(path, { mode: 0o600 }),
        );
        await check(file, path);
      } catch (error) {
        await rm(directory, { recursive: true, force: true });
        throw error;
      }
      await deps.audit.record(
        auditEntry(context, null, 'payments.file.download', 'success', { runId, format, fileId: file.id }),
      );
      const body = createReadStream(path);
      body.on('close', () => void rm(directory, { recursive: true, force: true }));
      const extension = format === 'cpa005' ? 'txt' : 'xml';
      return {
        ok: true,
        file: {
          file,
          filename: `${run.programme_id}-${run.period}-${format}-${file.file_creation_number}.${extension}`,
          contentType: format === 'cpa005' ? 'text/plain; charset=us-ascii' : 'application/xml',
          body,
        },
      };
    },
    list: (runId) => repo.filesOf(db, runId),
  };
}
