import type { StaffRole } from '../platform/http/request-identity.ts';

/** Table of migrations/0030_role_grant_approval.sql: a privileged grant waiting for a second administrator. */
export interface IdentityRoleGrantRequestTable {
  id: string;
  staff_id: string;
  role: StaffRole;
  requested_by: string;
  requested_at: Date;
}

export interface RoleGrantTables {
  identity_role_grant_request: IdentityRoleGrantRequestTable;
}

declare module '../platform/db/schema.ts' {
  interface DB extends RoleGrantTables {}
}
