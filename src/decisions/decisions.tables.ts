import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { ColumnType } from 'kysely';

type DateColumn = ColumnType<Date | string, string, string>;
/** bigint: pg returns a string, PGlite a number; repositories read it through Number(). */
type Cents = ColumnType<string | number, number, number>;

export type CaseStatus = 'queued' | 'assigned' | 'information-requested' | 'awaiting-approval' | 'decided';
export type Recommendation = 'approve' | 'refuse' | 'cannot-tell';
export type DecisionKind = 'automated' | 'recommendation' | 'adjudicated';
export type DecisionOutcome = 'approved' | 'refused' | 'cannot-tell';
export type PeriodKind = 'month' | 'biweekly';
export type Approval = 'not-needed' | 'pending' | 'approved' | 'rejected';

/** Why a change of circumstance went to a person rather than being re-rated by the rules. */
export type ReviewReason = 'new-partner' | 'facts-not-applicable' | 'no-longer-approved' | 'cannot-tell';

export interface DecisionCaseTable {
  id: string;
  /** Null for a review a change of circumstance opened (then `review_key` says which). */
  application_id: string | null;
  reference: string;
  person_id: string;
  programme_id: string;
  rules_programme_id: string;
  impact_level: number;
  channel: 'online' | 'phone' | 'in-person' | 'paper';
  lang: 'en' | 'fr';
  province: string | null;
  age_band: string;
  household_cipher: string;
  status: CaseStatus;
  recommendation: Recommendation | null;
  assigned_to: string | null;
  submitted_at: Date;
  due_on: DateColumn;
  clock_stopped_at: Date | null;
  paused_seconds: ColumnType<string | number, number | undefined, number>;
  outcome: 'approved' | 'refused' | null;
  decided_at: Date | null;
  review_key: ColumnType<string | null, string | null | undefined, string | null>;
  review_kind: ColumnType<string | null, string | null | undefined, string | null>;
  review_reason: ColumnType<ReviewReason | null, ReviewReason | null | undefined, ReviewReason | null>;
  /** A review decides as of this day (the change's effective date), not the day the case was opened. */
  effective_on: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
}

export interface DecisionTable {
  id: string;
  case_id: string;
  person_id: string;
  programme_id: string;
  kind: DecisionKind;
  outcome: DecisionOutcome;
  as_of: DateColumn;
  effective_from: DateColumn | null;
  amount_cents: ColumnType<string | number | null, number | null, number | null>;
  period_kind: PeriodKind | null;
  rules_commit: string;
  parameters_hash: string;
  record_cipher: string;
  decided_by: string | null;
  override: boolean;
  approval: Approval;
  approved_by: string | null;
  created_at: Date;
  final: boolean;
  letter_sent_at: Date | null;
}

export interface EnrolmentEntitlementTable {
  id: string;
  enrolment_id: string;
  person_id: string;
  programme_id: string;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  amount_cents: Cents;
  period_kind: PeriodKind;
  decision_id: string;
  review_on: DateColumn | null;
}

export type CircumstanceKind =
  'address' | 'marital-status' | 'residence-status' | 'age-18' | 'income-year' | 'birth' | 'death';

/** A change of circumstance waiting to be (or once) re-evaluated; one row per source event. */
export interface CircumstanceChangeTable {
  id: string;
  source_key: string;
  person_id: string;
  kind: CircumstanceKind;
  occurred_on: DateColumn;
  details_cipher: string;
  received_at: Date;
  processed_at: Date | null;
  outcome: string | null;
}

export interface DecisionsTables {
  decision_case: DecisionCaseTable;
  decision: DecisionTable;
  enrolment_entitlement: EnrolmentEntitlementTable;
  circumstance_change: CircumstanceChangeTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends DecisionsTables {}
}

/** Decisions' Protected B columns: the facts of each case and the record of each decision (`guichet keys rotate`, ADR 0012). */
export const decisionsEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'decision_case', column: 'household_cipher', key: ['id'] },
  { table: 'decision', column: 'record_cipher', key: ['id'] },
  { table: 'circumstance_change', column: 'details_cipher', key: ['id'] },
];
