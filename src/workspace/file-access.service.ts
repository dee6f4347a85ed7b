import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { DB } from '../platform/db/schema.ts';
import type { StaffIdentity } from '../platform/http/request-identity.ts';
import type { PersonDirectory } from '../person/index.ts';
import { findFileAccess, insertFileAccess } from './file-access.repository.ts';
import type { FileAccessRow } from './file-access.repository.ts';

export type FilePurpose = FileAccessRow['purpose'];
export const FILE_PURPOSES: readonly FilePurpose[] = ['phone-call', 'in-person-visit', 'assigned-case'];
const CHANNEL_OF: Record<FilePurpose, FileAccessRow['channel']> = {
  'phone-call': 'phone',
  'in-person-visit': 'in-person',
  'assigned-case': 'system',
};

/**
 * Staff open a client's file only after saying why (a call, a visit, an assigned case): the reason is kept
 * for the session and every read under it is recorded with it (Privacy Act s. 7, use for the purpose stated).
 */
export interface FileAccessService {
  find(actor: StaffIdentity, personId: string): Promise<FileAccessRow | undefined>;
  /** False when there is no such client. The access and its audit entry are written in one transaction. */
  open(
    actor: StaffIdentity,
    personId: string,
    purpose: FilePurpose,
    clientConsent: boolean,
    correlationId: string,
  ): Promise<boolean>;
}

export function createFileAccessService(
  db: Kysely<DB>,
  audit: AuditService,
  people: Pick<PersonDirectory, 'exists'>,
  clock: () => Date,
): FileAccessService {
  return {
    find: (actor, personId) => findFileAccess(db, actor.sessionId, personId),
    async open(actor, personId, purpose, clientConsent, correlationId) {
      if (!(await people.exists(personId))) return false;
      const channel = CHANNEL_OF[purpose];
      await db.transaction().execute(async (trx) => {
        await insertFileAccess(trx, {
          id: randomUUID(),
          session_id_hash: actor.sessionId,
          staff_id: actor.staffId,
          person_id: personId,
          purpose,
          channel,
          client_consent: clientConsent,
          created_at: clock(),
        });
        await audit.record(
          {
            actor: {
              type: 'staff',
              id: actor.staffId,
              role: actor.roles.join(','),
              agencyId: actor.agencyId,
            },
            subjectPersonId: personId,
            action: 'staff.client-file.open',
            purpose,
            channel: channel === 'system' ? 'online' : channel,
            outcome: 'success',
            correlationId,
            details: { clientConsent },
          },
          trx,
        );
      });
      return true;
    },
  };
}
