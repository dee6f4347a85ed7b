import type { ColumnType, Generated } from 'kysely';

/*
 * Overpayments and underpayments (migration 0550, ADR 0024): the differences a payment run found between
 * what was paid and what is due, their lines per period, the debts they raised and each recovery.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint arrives as a string from pg and as a number from PGlite: read it with `Number()`. */
type Cents = ColumnType<string | number, number, number>;

export interface PaymentAdjustmentTable {
  id: string;
  enrolment_id: string;
  person_id: string;
  programme_id: string;
  decision_id: string;
  run_id: string;
  net_cents: Cents;
  outcome: 'arrears' | 'debt';
  payment_id: string | null;
  basis: string;
  /** Cents of these arrears set off against a debt instead of paid (migration 0830). */
  set_off_cents: ColumnType<string | number, number | undefined, number>;
  /** The run that paid or set off these arrears: cancelling it reopens them (migration 0920). */
  settled_run_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface PaymentAdjustmentLineTable {
  adjustment_id: string;
  period: string;
  paid_cents: Cents;
  due_cents: Cents;
  difference_cents: Cents;
}

export interface PaymentDebtTable {
  id: string;
  adjustment_id: string;
  person_id: string;
  enrolment_id: string;
  programme_id: string;
  run_id: string;
  original_cents: Cents;
  balance_cents: Cents;
  rate_basis_points: number;
  rule_reference: string;
  letter_sent_at: Timestamp | null;
  /** From a share of later payments, or from the estate of a person who died (migration 0980). */
  recover_from: ColumnType<DebtRecovery, DebtRecovery | undefined, DebtRecovery>;
  /** The date of death an estate debt was raised for ('YYYY-MM-DD'); null otherwise (migration 0980). */
  died_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

/** How a debt is recovered: a share of later payments, or from the estate (OAS Act s. 37(2.1), CPP s. 66(2.1)). */
export type DebtRecovery = 'payments' | 'estate';

export interface PaymentDebtRecoveryTable {
  debt_id: string;
  payment_id: string;
  recovered_cents: Cents;
  /** Given back to the debt because the payment's run was cancelled before release (migration 0920). */
  reversed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
}

/** Arrears set off against a debt in a run (migration 0830). */
export interface PaymentDebtSetOffTable {
  debt_id: string;
  run_id: string;
  set_off_cents: Cents;
  rate_basis_points: number;
  rule_reference: string;
  /** When the person's letter told it, after the run was released (migration 0920). */
  letter_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When it was given back to the debt because its run was cancelled before release (migration 0920). */
  reversed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
}

/**
 * A debt being recovered from payments when its debtor died, turned into one asked of the estate: what it was
 * before and what was asked, once per debt (migration 0990).
 */
export interface PaymentDebtEstateConversionTable {
  debt_id: string;
  run_id: string;
  died_on: string;
  recovered_cents: Cents;
  balance_cents: Cents;
  previous_rate_basis_points: number;
  previous_rule_reference: string;
  letter_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Generated<Date>;
}

export interface AdjustmentsTables {
  payment_adjustment: PaymentAdjustmentTable;
  payment_adjustment_line: PaymentAdjustmentLineTable;
  payment_debt: PaymentDebtTable;
  payment_debt_recovery: PaymentDebtRecoveryTable;
  payment_debt_set_off: PaymentDebtSetOffTable;
  payment_debt_estate_conversion: PaymentDebtEstateConversionTable;
}

declare module '../../platform/db/schema.ts' {
  interface DB extends AdjustmentsTables {}
}
