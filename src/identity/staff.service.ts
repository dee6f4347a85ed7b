import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { StaffIdentity, StaffRole } from '../platform/http/request-identity.ts';
import { findStaff, grantRole, listStaff, revokeRole, rolesOf } from './login.repository.ts';
import type { StaffRow } from './login.repository.ts';

export type RoleChangeResult = 'changed' | 'self-change-refused' | 'unknown-staff';

/** Staff accounts and their roles: who may do what (least privilege, separation of duties). */
export interface StaffService {
  listWithRoles(): Promise<(StaffRow & { roles: StaffRole[] })[]>;
  /** Administrators change others' roles only: nobody grants or removes their own (ASVS 8.2.1, separation of duties). */
  changeRole(
    actor: StaffIdentity,
    staffId: string,
    role: StaffRole,
    grant: boolean,
    correlationId: string,
  ): Promise<RoleChangeResult>;
}

export function createStaffService(db: Kysely<DB>, audit: AuditService, clock: () => Date): StaffService {
  const actorOf = (actor: StaffIdentity) => ({
    type: 'staff' as const,
    id: actor.staffId,
    role: actor.roles.join(','),
    agencyId: actor.agencyId,
  });
  return {
    async listWithRoles() {
      const staff = await listStaff(db);
      return Promise.all(staff.map(async (row) => ({ ...row, roles: await rolesOf(db, row.id) })));
    },
    async changeRole(actor, staffId, role, grant, correlationId) {
      const record = (outcome: 'success' | 'denied', reason?: string) =>
        audit.record({
          actor: actorOf(actor),
          action: 'identity.staff.role-change',
          purpose: 'administration',
          channel: 'online',
          outcome,
          correlationId,
          details: { staffId, role, grant, ...(reason ? { reason } : {}) },
        });
      if (actor.staffId === staffId) {
        await record('denied', 'self-change');
        return 'self-change-refused';
      }
      if (!(await findStaff(db, staffId))) return 'unknown-staff';
      if (grant) await grantRole(db, staffId, role, actor.staffId, clock());
      else await revokeRole(db, staffId, role);
      await record('success');
      return 'changed';
    },
  };
}
