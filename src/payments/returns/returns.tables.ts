import type { ColumnType, Generated } from 'kysely';

/* Migration 0510: uploads of the bank's returns files, and the cheque print file of a released run. */

export type ReturnLoadStatus = 'loaded' | 'refused';

export interface PaymentReturnLoadTable {
  id: string;
  filename: string;
  format: 'cpa005' | 'pain.002' | 'camt.054' | null;
  status: ReturnLoadStatus;
  refusal_code: string | null;
  refusal_line: number | null;
  matched: Generated<number>;
  held: Generated<number>;
  duplicates: Generated<number>;
  loaded_by: string;
  loaded_at: Generated<Date>;
}

export interface PaymentChequeFileTable {
  id: string;
  run_id: string;
  first_cheque_number: number;
  cheque_count: number;
  total_cents: ColumnType<string | number, number, number>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface PaymentReturnsTables {
  payment_return_load: PaymentReturnLoadTable;
  payment_cheque_file: PaymentChequeFileTable;
}

declare module '../../platform/db/schema.ts' {
  interface DB extends PaymentReturnsTables {}
}
