import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { FormValues } from '../platform/forms/form-memory.ts';
import { closeHelpRequest, findHelpRequest, insertHelpRequest, openHelpRequests } from './help.repository.ts';
import type { HelpRequestRow } from './help.repository.ts';
import { checkHelpRequest } from './help-request.ts';
import type { Checked, HelpRequestInput } from './help-request.ts';
import { loadHelpData } from './help-data.ts';
import type { HelpData } from './help-data.ts';
import { findNearestOffices } from './office-finder.ts';
import { purgeClosedHelpRequests } from './help-purge.ts';
import type { HelpPurgeReport } from './help-purge.ts';
import type { OfficeSearch } from './office-finder.ts';

/** A request as staff see it in their queue. */
export interface HelpTask extends HelpRequestInput {
  readonly id: string;
  readonly reference: string;
  readonly personId: string | null;
  readonly createdAt: Date;
}

export interface HelpService {
  readonly data: HelpData;
  findOffices(postalCode: string): OfficeSearch | null;
  check(kind: HelpRequestInput['kind'], values: FormValues): Promise<Checked<HelpRequestInput>>;
  /** Records a request; returns its reference. `personId` when the person is signed in and linked. */
  submit(input: HelpRequestInput, personId: string | null, context: AccessContext): Promise<string>;
  /** The open requests, oldest first; each shown to staff is an access to personal information, audited. */
  queue(context: AccessContext): Promise<HelpTask[]>;
  complete(id: string, staffId: string, context: AccessContext): Promise<boolean>;
  /** Deletes requests closed over 90 days ago (`help-purge.ts`), or counts them on a dry run. */
  purgeClosed(options?: { dryRun?: boolean }): Promise<HelpPurgeReport>;
}

export interface HelpDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  /** The programme ids a request may name (the catalogue's). */
  readonly programmeIds: () => Promise<readonly string[]>;
  readonly clock: () => Date;
}

// No 0/O, 1/I/L: a reference read out over the telephone cannot be misheard as another.
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const referenceChunk = () =>
  Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
export const newReference = () => `HR-${referenceChunk()}-${referenceChunk()}`;

type Stored = Omit<HelpRequestInput, 'kind' | 'programmeId' | 'officeId' | 'lang'>;

export function createHelpService(deps: HelpDependencies): HelpService {
  const { db, audit, cipher, clock } = deps;
  const data = loadHelpData();
  const offices = new Set(data.offices.map((office) => office.id));
  const task = (row: HelpRequestRow): HelpTask => ({
    ...(JSON.parse(cipher.decrypt(row.request_cipher)) as Stored),
    id: row.id,
    reference: row.reference,
    personId: row.person_id,
    kind: row.kind,
    programmeId: row.programme_id,
    officeId: row.office_id,
    lang: row.lang,
    createdAt: row.created_at,
  });

  return {
    data,
    findOffices: (postalCode) => findNearestOffices(data, postalCode),
    check: async (kind, values) =>
      checkHelpRequest(kind, values, { programmes: new Set(await deps.programmeIds()), offices }),
    async submit(input, personId, context) {
      const { kind, programmeId, officeId, lang, ...stored } = input;
      const reference = newReference();
      await db.transaction().execute(async (trx) => {
        await insertHelpRequest(trx, {
          id: randomUUID(),
          reference,
          kind,
          person_id: personId,
          programme_id: programmeId,
          office_id: officeId,
          lang,
          request_cipher: cipher.encrypt(JSON.stringify(stored)),
          status: 'open',
          created_at: clock(),
          handled_by: null,
          handled_at: null,
        });
        await audit.record(
          auditEntry(context, personId, `help.${kind}.requested`, 'success', { reference }),
          trx,
        );
      });
      return reference;
    },
    async queue(context) {
      const rows = await openHelpRequests(db);
      for (const row of rows)
        await audit.record(
          auditEntry(context, row.person_id, 'help.request.read', 'success', { reference: row.reference }),
        );
      return rows.map(task);
    },
    async complete(id, staffId, context) {
      const row = await findHelpRequest(db, id);
      if (!row) return false;
      const done = await closeHelpRequest(db, id, staffId, clock());
      await audit.record(
        auditEntry(context, row.person_id, 'help.request.completed', done ? 'success' : 'denied', {
          reference: row.reference,
        }),
      );
      return done;
    },
    purgeClosed: (options = {}) => purgeClosedHelpRequests({ db, audit }, clock(), options),
  };
}
