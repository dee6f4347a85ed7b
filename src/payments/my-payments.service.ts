import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { PaymentStatus } from './payments.tables.ts';
import { isoDay } from './run/run-parts.ts';
import type { PersonEnrolments } from './run/run-ports.ts';
import { livePaymentsOf } from './person-payments.repository.ts';

/** One payment as the person (and the staff client file) sees it: never the whole account number. */
export interface PersonPayment {
  readonly programmeId: string;
  readonly period: string;
  readonly payDate: string;
  readonly amountCents: number;
  readonly arrears: boolean;
  readonly status: PaymentStatus;
  readonly method: 'deposit' | 'cheque' | null;
  readonly accountLast3: string | null;
  readonly upcoming: boolean;
  /** Why the bank returned it (a `ReturnReason`), for a returned or reissued payment. */
  readonly returnReason: string | null;
  /** This payment pays again one the bank returned. */
  readonly reissue: boolean;
}

export interface MyPaymentsService {
  paymentsOf(personId: string, context: AccessContext): Promise<PersonPayment[]>;
}

export function createMyPaymentsService(
  db: Kysely<DB>,
  audit: AuditService,
  enrolments: PersonEnrolments,
  clock: () => Date,
): MyPaymentsService {
  return {
    async paymentsOf(personId, context) {
      const enrolmentIds = await enrolments.enrolmentsOf(personId);
      const rows =
        enrolmentIds.length === 0
          ? []
          : await db
              .selectFrom(livePaymentsOf(db, personId, enrolmentIds).as('payment'))
              .leftJoin('payment_return as r', (join) =>
                join.onRef('r.payment_id', '=', 'payment.id').on('r.status', 'in', ['matched', 'reissued']),
              )
              .select([
                'payment.programme_id',
                'payment.period',
                'payment.pay_date',
                'payment.amount_cents',
                'payment.arrears',
                'payment.status',
                'payment.method',
                'payment.account_last3',
                'payment.kind',
                'r.reason as return_reason',
              ])
              .orderBy('payment.pay_date', 'desc')
              .orderBy('payment.period', 'desc')
              .limit(500)
              .execute();
      await audit.record(
        auditEntry(context, personId, 'payments.person.read', 'success', { count: rows.length }),
      );
      const today = clock().toISOString().slice(0, 10);
      return rows.map((row) => ({
        programmeId: row.programme_id,
        period: row.period,
        payDate: isoDay(row.pay_date),
        amountCents: Number(row.amount_cents),
        arrears: row.arrears,
        status: row.status,
        method: row.method,
        accountLast3: row.account_last3,
        upcoming: isoDay(row.pay_date) > today && row.status !== 'returned',
        returnReason: row.return_reason,
        reissue: row.kind === 'reissue',
      }));
    },
  };
}
