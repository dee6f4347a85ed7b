import type { ColumnType, Generated } from 'kysely';

// Columns the database fills in on insert (defaults) and the application sets on update.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// PostgreSQL `date` arrives as a Date from pg and PGlite; write it as 'YYYY-MM-DD'.
type DateColumn = ColumnType<Date, string, string>;

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
