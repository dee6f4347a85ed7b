import { isIsoDate } from './calendar/day-numbers.ts';

/**
 * The plain inputs and outputs of the payment files: a payment to one person's bank account, the
 * originator that sends it, and a payment the bank returned. Money is integer cents, never a float.
 */

export interface BankAccount {
  /** Canadian financial institution number, 3 digits (Payments Canada). */
  readonly institution: string;
  /** Branch transit number, 5 digits. */
  readonly transit: string;
  /** Account number, 1 to 12 digits. */
  readonly account: string;
}

export interface Payee extends BankAccount {
  readonly name: string;
}

export interface Payment {
  /** The platform's payment reference: unique, 1 to 19 letters, digits or hyphens (CPA 005 cross-reference). */
  readonly reference: string;
  /** Positive integer cents. */
  readonly amountCents: number;
  /** The day funds are available to the payee (YYYY-MM-DD). */
  readonly date: string;
  readonly payee: Payee;
  /** CPA Standard 007 transaction code of the programme, e.g. '311' Old Age Security. */
  readonly transactionCode: string;
}

export interface Originator {
  /** Originator's ID (client number) assigned by the bank, up to 10 characters. */
  readonly id: string;
  readonly shortName: string;
  readonly longName: string;
  /** Where the bank sends returned items. */
  readonly returnAccount: BankAccount;
}

/** Why a bank returned a payment, in the platform's words; the bank's own code travels beside it. */
export type ReturnReason =
  | 'account-closed'
  | 'account-not-found'
  | 'account-frozen'
  | 'payee-deceased'
  | 'name-mismatch'
  | 'refused-by-payee'
  | 'edit-reject'
  | 'other';

export interface PaymentReturn {
  readonly reference: string;
  readonly amountCents: number;
  readonly reason: ReturnReason;
  /** The bank's code: CPA Standard 007 return code ('905') or ISO 20022 reason code ('AC04'). */
  readonly bankReasonCode: string;
  readonly returnedOn: string;
  readonly format: 'cpa005' | 'pain.002' | 'camt.054';
}

export type PaymentProblem =
  | 'amount-not-positive'
  | 'amount-not-integer-cents'
  | 'amount-too-large'
  | 'invalid-reference'
  | 'invalid-institution'
  | 'invalid-transit'
  | 'invalid-account'
  | 'invalid-date'
  | 'missing-payee-name'
  | 'invalid-transaction-code';

export class InvalidPaymentError extends Error {
  constructor(
    readonly reference: string,
    readonly problem: PaymentProblem,
  ) {
    super(`Payment ${JSON.stringify(reference)} cannot be written to a bank file: ${problem}`);
  }
}

const REFERENCE = /^[A-Za-z0-9-]{1,19}$/;
/** CPA 005's amount field is 10 digits of cents. */
export const MAX_AMOUNT_CENTS = 9_999_999_999;

/** The first thing wrong with a payment for a bank file, or undefined when it can be written. */
export function problemWith(payment: Payment): PaymentProblem | undefined {
  const { amountCents, payee } = payment;
  if (!Number.isSafeInteger(amountCents)) return 'amount-not-integer-cents';
  if (amountCents <= 0) return 'amount-not-positive';
  if (amountCents > MAX_AMOUNT_CENTS) return 'amount-too-large';
  if (!REFERENCE.test(payment.reference)) return 'invalid-reference';
  if (!isValidDate(payment.date)) return 'invalid-date';
  return problemWithAccount(payee) ?? (payee.name.trim() === '' ? 'missing-payee-name' : undefined);
}

const validDates = new Set<string>();

/** A run has a handful of dates for millions of payments: each is checked once. */
function isValidDate(date: string): boolean {
  if (validDates.has(date)) return true;
  if (!isIsoDate(date)) return false;
  if (validDates.size < 10_000) validDates.add(date);
  return true;
}

export function problemWithAccount(account: BankAccount): PaymentProblem | undefined {
  if (!/^\d{3}$/.test(account.institution)) return 'invalid-institution';
  if (!/^\d{5}$/.test(account.transit)) return 'invalid-transit';
  if (!/^\d{1,12}$/.test(account.account)) return 'invalid-account';
  return undefined;
}

export function assertWritable(payment: Payment): void {
  const problem = problemWith(payment);
  if (problem) throw new InvalidPaymentError(payment.reference, problem);
}
