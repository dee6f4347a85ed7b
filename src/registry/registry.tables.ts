import type { ColumnType, Generated } from 'kysely';

// PostgreSQL `date` arrives as a Date from pg and PGlite; written as 'YYYY-MM-DD'.
type DateColumn = ColumnType<Date, string, string>;

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
}

export interface PrivacyRequestTable {
  id: Generated<string>;
  person_id: string;
  kind: 'access' | 'correction';
  opened_at: Date;
  closed_at: Date | null;
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
  privacy_request: PrivacyRequestTable;
  registry_relationship_end: RegistryRelationshipEndTable;
}
