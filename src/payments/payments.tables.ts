import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { ColumnType, Generated } from 'kysely';

/*
 * The payment run's tables (migration 0500, ADR 0020): runs, payments (unique by enrolment, period and
 * kind), the bank files made from a released run, and the bank's returns.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<Date | string, string, string>;
/** bigint arrives as a string from pg and as a number from PGlite: read it with `Number()`. */
type Cents = ColumnType<string | number, number, number>;

export type RunStatus = 'preparing' | 'prepared' | 'approved' | 'releasing' | 'released' | 'cancelled';
export type RunKind = 'regular' | 'reissue';
export type PaymentStatus = 'pending' | 'review' | 'issued' | 'returned' | 'reissued' | 'cancelled';
export type ReturnStatus = 'matched' | 'held' | 'reissued' | 'closed';
export type BankFileFormat = 'cpa005' | 'pain.001';

export interface PaymentRunTable {
  id: string;
  programme_id: string;
  kind: Generated<RunKind>;
  period: string;
  pay_date: DateColumn;
  status: Generated<RunStatus>;
  enrolments_total: Generated<number>;
  enrolments_done: Generated<number>;
  resume_after: string | null;
  payment_count: Generated<number>;
  total_cents: ColumnType<string | number, number | undefined, number>;
  prepared_by: string | null;
  prepared_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  released_by: string | null;
  released_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface PaymentTable {
  id: string;
  reference: string;
  run_id: string;
  enrolment_id: string;
  person_id: string;
  programme_id: string;
  period: string;
  kind: RunKind | 'arrears';
  amount_cents: Cents;
  arrears: boolean;
  decision_id: string;
  pay_date: DateColumn;
  status: Generated<PaymentStatus>;
  review_reason: string | null;
  method: 'deposit' | 'cheque' | null;
  payee_ciphertext: string | null;
  account_last3: string | null;
  reissue_of: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PaymentFileTable {
  id: string;
  run_id: string;
  format: BankFileFormat;
  originator_id: string;
  file_creation_number: number;
  payment_count: number;
  total_cents: Cents;
  created_by: string;
  created_at: Generated<Date>;
}

export interface PaymentReturnTable {
  id: string;
  payment_id: string | null;
  reference: string;
  amount_cents: Cents;
  reason: string;
  bank_reason_code: string;
  returned_on: DateColumn;
  format: string;
  status: ReturnStatus;
  loaded_by: string;
  loaded_at: Generated<Date>;
  /** Migration 0510: the upload it came from, the letter, the reissue, an agent closing it. */
  load_id: string | null;
  told_at: Timestamp | null;
  reissue_payment_id: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  closed_reason: string | null;
  /** Migration 0831: a held return matched by hand, proposed by one person and confirmed by another. */
  match_payment_id: Generated<string | null>;
  match_proposed_by: Generated<string | null>;
  match_proposed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  match_reason: Generated<string | null>;
  matched_by: Generated<string | null>;
  matched_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PaymentsTables {
  payment_run: PaymentRunTable;
  payment: PaymentTable;
  payment_file: PaymentFileTable;
  payment_return: PaymentReturnTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends PaymentsTables {}
}

/** The payee's name and bank account, as a released payment carries them (`guichet keys rotate`, ADR 0012). */
export const paymentsEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'payment', column: 'payee_ciphertext', key: ['id'] },
];
