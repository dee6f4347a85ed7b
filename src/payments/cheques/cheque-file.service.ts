import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { sentTotals } from '../sent-payments.repository.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { writeChequePrintFile } from '../files/cheques/cheque-print.ts';
import type { ChequePayment, MailingAddress } from '../files/cheques/cheque-print.ts';
import { findRun } from '../run/payment-run.repository.ts';
import { isoDay } from '../run/run-parts.ts';
import type { ProgrammeName } from '../views/runs.views.ts';
import * as repo from './cheque-file.repository.ts';
import type { ChequeFileRow } from './cheque-file.repository.ts';

/** Where a cheque is mailed and in which language it is written: read from the record when it is printed. */
export interface ChequeMailing {
  readonly name: string;
  readonly lang: Lang;
  readonly address: MailingAddress;
}

/** Narrow port onto person (the root wires it): mailing addresses, each read audited. */
export interface ChequeAddressBook {
  mailingOf(personId: string, context: AccessContext): Promise<ChequeMailing | null>;
}

export interface ChequeSettings {
  readonly issuer: { readonly en: string; readonly fr: string };
  /** The first number of the first print file; later files continue after the last number used. */
  readonly firstChequeNumber: number;
}

export const DEMO_CHEQUE_SETTINGS: ChequeSettings = {
  issuer: { en: 'Receiver General for Canada', fr: 'Receveur général du Canada' },
  firstChequeNumber: 100_001,
};

export type ChequeFileKind = 'pdf' | 'manifest';

export type ChequeFileOutcome =
  | {
      readonly ok: true;
      readonly record: ChequeFileRow;
      readonly filename: string;
      readonly contentType: string;
      readonly body: Readable;
    }
  | {
      readonly ok: false;
      readonly reason: 'not-found' | 'not-released' | 'empty' | 'missing-address' | 'check-failed';
    };

export interface ChequeFileService {
  /** Prints the released run's cheques (PDF and CSV manifest, streamed through a temporary folder). */
  open(
    runId: string,
    file: ChequeFileKind,
    programmes: readonly ProgrammeName[],
    staffId: string,
    context: AccessContext,
  ): Promise<ChequeFileOutcome>;
  /** The run's cheques: how many, how much, and the print file's numbers once made. */
  summaryOf(runId: string): Promise<{ count: number; cents: number; file: ChequeFileRow | null }>;
}

export interface ChequeFileDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly addresses: ChequeAddressBook;
  readonly settings: ChequeSettings;
}

const PAGE = 500;

export function createChequeFileService(deps: ChequeFileDependencies): ChequeFileService {
  const { db } = deps;

  async function* chequesOf(
    runId: string,
    programmes: readonly ProgrammeName[],
    context: AccessContext,
    missing: { count: number },
  ): AsyncGenerator<ChequePayment> {
    let after = '';
    for (;;) {
      const page = await repo.chequePaymentsPage(db, runId, after, PAGE);
      if (page.length === 0) return;
      for (const row of page) {
        const mailing = await deps.addresses.mailingOf(row.person_id, context);
        if (!mailing) {
          missing.count++;
          continue;
        }
        const names = programmes.find((p) => p.id === row.programme_id)?.name;
        yield {
          reference: row.reference,
          amountCents: Number(row.amount_cents),
          date: isoDay(row.pay_date),
          payee: { name: mailing.name, address: mailing.address },
          language: mailing.lang,
          programme: names ?? { en: row.programme_id, fr: row.programme_id },
        };
      }
      after = page.at(-1)?.reference ?? after;
    }
  }

  async function recordOf(runId: string, totals: { count: number; cents: number }, staffId: string) {
    for (;;) {
      const existing = await repo.findChequeFile(db, runId);
      if (existing) return existing;
      const next = (await repo.nextChequeNumber(db)) ?? deps.settings.firstChequeNumber;
      await repo.insertChequeFile(db, {
        id: randomUUID(),
        run_id: runId,
        first_cheque_number: next,
        cheque_count: totals.count,
        total_cents: totals.cents,
        created_by: staffId,
      });
    }
  }

  return {
    async open(runId, file, programmes, staffId, context) {
      const run = await findRun(db, runId);
      if (!run) return { ok: false, reason: 'not-found' };
      if (run.status !== 'released') return { ok: false, reason: 'not-released' };
      const totals = await sentTotals(db, runId, 'cheque');
      if (totals.count === 0) return { ok: false, reason: 'empty' };
      const record = await recordOf(runId, totals, staffId);
      const directory = await mkdtemp(join(tmpdir(), 'guichet-cheques-'));
      const paths = { pdf: join(directory, 'cheques.pdf'), manifest: join(directory, 'manifest.csv') };
      const missing = { count: 0 };
      const cleanUp = () => rm(directory, { recursive: true, force: true });
      try {
        const printed = await writeChequePrintFile(
          { issuer: deps.settings.issuer, firstChequeNumber: record.first_cheque_number },
          chequesOf(runId, programmes, context, missing),
          createWriteStream(paths.pdf, { mode: 0o600 }),
          createWriteStream(paths.manifest, { mode: 0o600 }),
        );
        const reason =
          missing.count > 0
            ? 'missing-address'
            : printed.count !== record.cheque_count || printed.totalCents !== Number(record.total_cents)
              ? 'check-failed'
              : null;
        if (reason) {
          await cleanUp();
          await deps.audit.record(
            auditEntry(context, null, 'payments.cheques.print', 'failure', { runId, reason }),
          );
          return { ok: false, reason };
        }
      } catch (error) {
        await cleanUp();
        throw error;
      }
      await deps.audit.record(
        auditEntry(context, null, 'payments.cheques.print', 'success', { runId, file, fileId: record.id }),
      );
      const body = createReadStream(paths[file]);
      body.on('close', () => void cleanUp());
      const stem = `${run.programme_id}-${run.period}-cheques-${record.first_cheque_number}`;
      return {
        ok: true,
        record,
        filename: file === 'pdf' ? `${stem}.pdf` : `${stem}-manifest.csv`,
        contentType: file === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
        body,
      };
    },
    async summaryOf(runId) {
      const totals = await sentTotals(db, runId, 'cheque');
      return { ...totals, file: (await repo.findChequeFile(db, runId)) ?? null };
    },
  };
}
