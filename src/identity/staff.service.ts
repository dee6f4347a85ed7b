import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { StaffIdentity, StaffRole } from '../platform/http/request-identity.ts';
import { findStaff, findStaffNames, grantRole, listStaff, revokeRole, rolesOf } from './login.repository.ts';
import type { StaffRow } from './login.repository.ts';
import {
  deletePendingGrant,
  findPendingGrant,
  listPendingGrants,
  requestGrant,
} from './role-grant.repository.ts';
import type { PendingGrantRow } from './role-grant.repository.ts';

export type RoleChangeResult = 'changed' | 'pending-approval' | 'self-change-refused' | 'unknown-staff';
export type GrantDecisionResult =
  'approved' | 'declined' | 'self-approval-refused' | 'self-change-refused' | 'unknown-grant';
export type { PendingGrantRow };

/**
 * Roles that reveal or control the most (a supervisor sees whole bank account numbers; an administrator
 * grants roles): granting one takes two administrators, one to ask and another to approve (four eyes).
 */
export const PRIVILEGED_ROLES: ReadonlySet<StaffRole> = new Set<StaffRole>(['supervisor', 'administrator']);

/** Staff accounts and their roles: who may do what (least privilege, separation of duties). */
export interface StaffService {
  listWithRoles(): Promise<(StaffRow & { roles: StaffRole[] })[]>;
  /** Display names by staff id, for other modules' pages (through a port the root wires). */
  namesOf(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * Administrators change others' roles only: nobody grants or removes their own (ASVS 8.2.1, separation of
   * duties). A privileged role is not granted at once: the grant waits for a second administrator.
   */
  changeRole(
    actor: StaffIdentity,
    staffId: string,
    role: StaffRole,
    grant: boolean,
    correlationId: string,
  ): Promise<RoleChangeResult>;
  listPendingGrants(): Promise<PendingGrantRow[]>;
  /** A second administrator approves (or declines) a privileged grant; the one who asked cannot approve it. */
  decideGrant(
    actor: StaffIdentity,
    grantId: string,
    approve: boolean,
    correlationId: string,
  ): Promise<GrantDecisionResult>;
}

export function createStaffService(db: Kysely<DB>, audit: AuditService, clock: () => Date): StaffService {
  const actorOf = (actor: StaffIdentity) => ({
    type: 'staff' as const,
    id: actor.staffId,
    role: actor.roles.join(','),
    agencyId: actor.agencyId,
  });
  const record = (
    actor: StaffIdentity,
    action: string,
    outcome: 'success' | 'denied',
    correlationId: string,
    details: Record<string, unknown>,
    trx?: Transaction<DB>,
  ) =>
    audit.record(
      {
        actor: actorOf(actor),
        action,
        purpose: 'administration',
        channel: 'online',
        outcome,
        correlationId,
        details,
      },
      trx,
    );
  return {
    async listWithRoles() {
      const staff = await listStaff(db);
      return Promise.all(staff.map(async (row) => ({ ...row, roles: await rolesOf(db, row.id) })));
    },
    namesOf: (ids) => findStaffNames(db, ids),
    async changeRole(actor, staffId, role, grant, correlationId) {
      const details = { staffId, role, grant };
      if (actor.staffId === staffId) {
        await record(actor, 'identity.staff.role-change', 'denied', correlationId, {
          ...details,
          reason: 'self-change',
        });
        return 'self-change-refused';
      }
      if (!(await findStaff(db, staffId))) return 'unknown-staff';
      if (grant && PRIVILEGED_ROLES.has(role) && !(await rolesOf(db, staffId)).includes(role)) {
        await db.transaction().execute(async (trx) => {
          const request = {
            id: randomUUID(),
            staff_id: staffId,
            role,
            requested_by: actor.staffId,
            requested_at: clock(),
          };
          await requestGrant(trx, request);
          await record(actor, 'identity.staff.role-grant-requested', 'success', correlationId, details, trx);
        });
        return 'pending-approval';
      }
      if (grant) await grantRole(db, staffId, role, actor.staffId, clock());
      else await revokeRole(db, staffId, role);
      await record(actor, 'identity.staff.role-change', 'success', correlationId, details);
      return 'changed';
    },
    listPendingGrants: () => listPendingGrants(db),
    decideGrant(actor, grantId, approve, correlationId) {
      return db.transaction().execute(async (trx) => {
        const request = await findPendingGrant(trx, grantId);
        if (!request) return 'unknown-grant';
        const action = approve ? 'identity.staff.role-grant-approved' : 'identity.staff.role-grant-declined';
        const details = {
          grantId,
          staffId: request.staff_id,
          role: request.role,
          requestedBy: request.requested_by,
        };
        const refusal =
          actor.staffId === request.staff_id
            ? 'self-change-refused'
            : approve && actor.staffId === request.requested_by
              ? 'self-approval-refused'
              : null;
        if (refusal) {
          await record(actor, action, 'denied', correlationId, { ...details, reason: refusal }, trx);
          return refusal;
        }
        await deletePendingGrant(trx, grantId);
        if (approve) await grantRole(trx, request.staff_id, request.role, actor.staffId, clock());
        await record(actor, action, 'success', correlationId, details, trx);
        return approve ? 'approved' : 'declined';
      });
    },
  };
}
