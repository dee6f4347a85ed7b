import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { StaffIdentity, StaffRole } from '../platform/http/request-identity.ts';
import { findStaff, grantRole, listStaff, revokeRole, rolesOf } from './login.repository.ts';
import type { StaffRow } from './login.repository.ts';
import { findFileAccess, insertFileAccess, personExists } from './staff.repository.ts';
import type { FileAccessRow } from './staff.repository.ts';

export type FilePurpose = FileAccessRow['purpose'];
export const FILE_PURPOSES: readonly FilePurpose[] = ['phone-call', 'in-person-visit', 'assigned-case'];
const CHANNEL_OF: Record<FilePurpose, FileAccessRow['channel']> = {
  'phone-call': 'phone',
  'in-person-visit': 'in-person',
  'assigned-case': 'system',
};

export type RoleChangeResult = 'changed' | 'self-change-refused' | 'unknown-staff';

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
  findFileAccess(actor: StaffIdentity, personId: string): Promise<FileAccessRow | undefined>;
  openFile(
    actor: StaffIdentity,
    personId: string,
    purpose: FilePurpose,
    clientConsent: boolean,
    correlationId: string,
  ): Promise<boolean>;
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
    findFileAccess: (actor, personId) => findFileAccess(db, actor.sessionId, personId),
    async openFile(actor, personId, purpose, clientConsent, correlationId) {
      if (!(await personExists(db, personId))) return false;
      const channel = CHANNEL_OF[purpose];
      await insertFileAccess(db, {
        id: randomUUID(),
        session_id_hash: actor.sessionId,
        staff_id: actor.staffId,
        person_id: personId,
        purpose,
        channel,
        client_consent: clientConsent,
        created_at: clock(),
      });
      await audit.record({
        actor: actorOf(actor),
        subjectPersonId: personId,
        action: 'staff.client-file.open',
        purpose,
        channel: channel === 'system' ? 'online' : channel,
        outcome: 'success',
        correlationId,
        details: { clientConsent },
      });
      return true;
    },
  };
}
