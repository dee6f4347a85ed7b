import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditService } from '../../platform/audit/audit.service.ts';
import type { AccessContext } from '../../platform/audit/access-context.ts';
import { auditEntry } from '../../platform/audit/access-context.ts';
import type { PaymentReturn } from '../payment.ts';
import { readCpa005Returns } from '../files/cpa005/cpa005-returns.ts';
import { readCamt054Returns, readPain002Returns } from '../files/iso20022/status-readers.ts';
import type { ReturnNotifier } from '../run/run-ports.ts';
import { isoDay } from '../run/run-parts.ts';

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
  readonly returnedOn: string;
  readonly status: 'matched' | 'held' | 'reissued' | 'closed';
  readonly personId: string | null;
}

export interface ReturnsService {
  /** Loads a returns file (refused whole, with its line, when malformed: nothing is marked). */
  load(
    source: string,
    format: ReturnsFormat,
    staffId: string,
    context: AccessContext,
  ): Promise<ReturnsLoaded>;
  /** The agents' work: returns to follow up and returns held because they matched nothing. */
  tasks(): Promise<ReturnTask[]>;
}

export interface ReturnsDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly notifier: ReturnNotifier;
}

function parse(source: string, format: ReturnsFormat): Promise<PaymentReturn[]> {
  if (format === 'cpa005') return readCpa005Returns(source);
  return format === 'pain.002' ? readPain002Returns(source) : readCamt054Returns(source);
}

export function createReturnsService(deps: ReturnsDependencies): ReturnsService {
  const { db } = deps;
  return {
    async load(source, format, staffId, context) {
      const returns = await parse(source, format);
      const counts = { matched: 0, held: 0, duplicates: 0 };
      const told: {
        personId: string;
        programmeId: string;
        amountCents: number;
        payDate: string;
        reason: string;
      }[] = [];
      await db.transaction().execute(async (trx) => {
        for (const item of returns) {
          const payment = await trx
            .selectFrom('payment')
            .select(['id', 'person_id', 'programme_id', 'amount_cents', 'pay_date', 'status'])
            .where('reference', '=', item.reference)
            .executeTakeFirst();
          const matches = payment?.status === 'issued' && Number(payment.amount_cents) === item.amountCents;
          const inserted = await trx
            .insertInto('payment_return')
            .values({
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
            })
            .onConflict((conflict) => conflict.columns(['reference', 'format', 'returned_on']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) counts.duplicates++;
          else if (!matches || !payment) counts.held++;
          else {
            counts.matched++;
            await trx
              .updateTable('payment')
              .set({ status: 'returned', updated_at: new Date() })
              .where('id', '=', payment.id)
              .execute();
            told.push({
              personId: payment.person_id,
              programmeId: payment.programme_id,
              amountCents: item.amountCents,
              payDate: isoDay(payment.pay_date),
              reason: item.reason,
            });
          }
        }
      });
      for (const notice of told) await deps.notifier.paymentReturned(notice);
      await deps.audit.record(
        auditEntry(context, null, 'payments.returns.load', 'success', { format, ...counts }),
      );
      return counts;
    },
    async tasks() {
      const rows = await db
        .selectFrom('payment_return as r')
        .leftJoin('payment as p', 'p.id', 'r.payment_id')
        .select([
          'r.id',
          'r.reference',
          'r.amount_cents',
          'r.reason',
          'r.returned_on',
          'r.status',
          'p.person_id',
        ])
        .where('r.status', 'in', ['matched', 'held'])
        .orderBy('r.loaded_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        amountCents: Number(row.amount_cents),
        reason: row.reason,
        returnedOn: isoDay(row.returned_on),
        status: row.status,
        personId: row.person_id,
      }));
    },
  };
}
