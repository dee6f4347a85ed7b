import type { StaffRole } from '../platform/http/request-identity.ts';

/** Tables of migrations/0200_identity.sql. Times come from the app clock so tests can fake time. */
export interface IdentityLoginTable {
  id: string;
  provider_id: string;
  issuer: string;
  subject: string;
  person_id: string | null;
  link_method: 'letter-code' | 'provincial-match' | null;
  linked_at: Date | null;
  created_at: Date;
  last_sign_in_at: Date;
}

export interface IdentityStaffTable {
  id: string;
  issuer: string;
  subject: string;
  display_name: string;
  agency_id: string;
  disabled_at: Date | null;
  created_at: Date;
}

export interface IdentityStaffRoleTable {
  staff_id: string;
  role: StaffRole;
  granted_by: string | null;
  granted_at: Date;
}

export interface IdentitySessionTable {
  id_hash: string;
  kind: 'person' | 'staff';
  login_id: string | null;
  staff_id: string | null;
  provider_id: string;
  provider_sid: string | null;
  assurance_level: number;
  auth_time: Date;
  second_factor_at: Date | null;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface IdentityAuthRequestTable {
  id_hash: string;
  provider_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  lang: 'en' | 'fr';
  intent: 'sign-in' | 'step-up';
  return_to: string | null;
  created_at: Date;
  consumed_at: Date | null;
}

export interface IdentityLinkCodeTable {
  id: string;
  login_id: string;
  person_id: string;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  failed_attempts: number;
  used_at: Date | null;
}

export interface IdentityLetterTable {
  id: string;
  person_id: string;
  kind: string;
  access_code: string;
  created_at: Date;
}

export interface IdentityThrottleTable {
  key: string;
  window_start: Date;
  failures: number;
  locked_until: Date | null;
}

export interface IdentityLogoutJtiTable {
  issuer: string;
  jti: string;
  seen_at: Date;
}

export interface IdentityTables {
  identity_login: IdentityLoginTable;
  identity_staff: IdentityStaffTable;
  identity_staff_role: IdentityStaffRoleTable;
  identity_session: IdentitySessionTable;
  identity_auth_request: IdentityAuthRequestTable;
  identity_link_code: IdentityLinkCodeTable;
  identity_letter: IdentityLetterTable;
  identity_throttle: IdentityThrottleTable;
  identity_logout_jti: IdentityLogoutJtiTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends IdentityTables {}
}
