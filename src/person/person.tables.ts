import type { EncryptedColumn } from '../platform/crypto/encrypted-columns.ts';
import type { ColumnType, Generated } from 'kysely';

// Columns the database fills in on insert (defaults) and the application sets on update.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// PostgreSQL `date` arrives as a Date from pg and PGlite; write it as 'YYYY-MM-DD'.
type DateColumn = ColumnType<Date, string, string>;

/*
 * The person module's tables: the register of people (household, person, relationships, incomes: the
 * `PopulationTables` the demo seeder bulk-loads), each person's record as it changes (status, addresses,
 * contact, direct deposit, versions) and their enrolments in programmes.
 */
export type PreferredLanguage = 'en' | 'fr';
export type MaritalStatus = 'single' | 'married' | 'common-law' | 'separated' | 'divorced' | 'widowed';
export type RelationshipKind = 'spouse' | 'common-law-partner' | 'parent-of';
export type IncomeType =
  | 'employment'
  | 'self-employment'
  | 'employment-insurance'
  | 'social-assistance'
  | 'oas-pension'
  | 'gis'
  | 'cpp-qpp-retirement'
  | 'cpp-qpp-disability'
  | 'private-pension'
  | 'investment';

export interface HouseholdTable {
  id: string;
  province_code: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: string;
  household_id: string;
  given_name: string;
  family_name: string;
  birth_date: DateColumn;
  preferred_language: PreferredLanguage;
  marital_status: MaritalStatus;
  /** Protected B: AES-256-GCM field ciphertext of the nine SIN digits. */
  sin_ciphertext: string | null;
  /** HMAC-SHA-256 of the normalised SIN, for exact look-up. */
  sin_lookup: string | null;
  /** The SIN's last three digits, what a masked SIN shows (ADR 0013); null with the SIN, or not yet filled. */
  sin_last3: string | null;
  years_in_canada_after_18: Generated<number>;
  disability: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonRelationshipTable {
  person_id: string;
  related_person_id: string;
  kind: RelationshipKind;
  since: ColumnType<Date | null, string | null, string | null>;
  /** numeric(3,2) arrives as a string so no precision is lost. */
  custody_share: ColumnType<string | null, string | number | null, string | number | null>;
}

export interface PersonIncomeTable {
  person_id: string;
  tax_year: number;
  income_type: IncomeType;
  /** Protected B: AES-256-GCM field ciphertext of the amount in cents. */
  amount_ciphertext: string;
}

export interface PopulationTables {
  household: HouseholdTable;
  person: PersonTable;
  person_relationship: PersonRelationshipTable;
  person_income: PersonIncomeTable;
}

export type LifeStatus = 'alive' | 'deceased';
export type ResidenceStatus =
  'citizen' | 'permanent-resident' | 'temporary-resident' | 'protected-person' | 'non-resident';
export type PreferredChannel = 'online' | 'mail' | 'phone';

export interface RegistryPersonStatusTable {
  person_id: string;
  life_status: Generated<LifeStatus>;
  date_of_death: DateColumn | null;
  residence_status: Generated<ResidenceStatus>;
  version: Generated<number>;
  last_administrative_use_at: Generated<Date>;
  disposed_at: Date | null;
}

export interface RegistryAddressTable {
  id: Generated<string>;
  person_id: string;
  kind: 'residential' | 'mailing';
  line1: string;
  line2: string | null;
  city: string;
  province_code: string;
  postal_code: string;
  effective_from: DateColumn;
  effective_to: DateColumn | null;
  created_at: Generated<Date>;
}

export interface RegistryContactTable {
  person_id: string;
  email: string | null;
  phone: string | null;
  preferred_channel: Generated<PreferredChannel>;
  accessibility_needs: string | null;
  alternate_formats: ColumnType<string[], string | undefined, string>;
  updated_at: Generated<Date>;
}

export interface RegistryDirectDepositTable {
  person_id: string;
  details_ciphertext: string;
  account_last3: string;
  /** Institution and branch transit numbers, what a masked account shows (ADR 0013); null until filled. */
  institution: string | null;
  transit: string | null;
  updated_at: Generated<Date>;
}

export interface RegistryChangeTable {
  id: Generated<string>;
  person_id: string;
  version: number;
  element: string;
  kind: 'update' | 'correction';
  /** Written as JSON text so pg does not turn it into anything else. */
  summary: ColumnType<Record<string, string>, string, string>;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  channel: string;
  source_agency_id: string | null;
  reason: string | null;
  correlation_id: string;
  occurred_at: Date;
  /** What the person reads over the phone about a change they made online (`K7M-4RX-9CA`), else null. */
  reference: ColumnType<string | null, string | null | undefined, never>;
}

export interface RegistryRelationshipEndTable {
  person_id: string;
  related_person_id: string;
  kind: string;
  ended_on: DateColumn;
}

export interface RegistryTables {
  registry_person_status: RegistryPersonStatusTable;
  registry_address: RegistryAddressTable;
  registry_contact: RegistryContactTable;
  registry_direct_deposit: RegistryDirectDepositTable;
  registry_change: RegistryChangeTable;
  registry_relationship_end: RegistryRelationshipEndTable;
}

export interface EnrolmentTable {
  id: Generated<string>;
  person_id: string;
  programme_id: string;
  status: 'active' | 'ended';
  since: DateColumn;
  /** The last day the benefit is paid for, once the enrolment has ended. */
  ended_on: ColumnType<Date | null, string | null | undefined, string | null>;
  is_demo: Generated<boolean>;
}

export interface PersonTables extends PopulationTables, RegistryTables {
  enrolment: EnrolmentTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends PersonTables {}
}

/** Protected B columns of the person module, for key rotation (platform/crypto/encrypted-columns.ts). */
export const personEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'person', column: 'sin_ciphertext', key: ['id'] },
  { table: 'person_income', column: 'amount_ciphertext', key: ['person_id', 'tax_year', 'income_type'] },
  { table: 'registry_direct_deposit', column: 'details_ciphertext', key: ['person_id'] },
];
