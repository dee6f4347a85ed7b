import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { EnrolmentService, PersonRetention, PersonService } from '../person/index.ts';
import type { ConsentView, DeliveryView } from '../exchange/index.ts';
import { readAccessLog } from './access-log.ts';
import { SERVICE_TIME_ZONE } from '../platform/i18n/time-zones.ts';
import type { AccessLogEntry } from './access-log.ts';
import type { MyDataSources } from './my-data-export.ts';

export type MyDataFormat = 'page' | 'pdf' | 'json';
import {
  closePrivacyRequest,
  findPeopleWithOpenRequests,
  listAgencyNames,
  openPrivacyRequest,
} from './privacy.repository.ts';

/** Privacy Regulations s. 4(1)(a): at least two years after the last administrative use. */
export const MINIMUM_RETENTION_YEARS = 2;

export interface RetentionSchedule {
  clientRecordYears: number;
}

export interface DispositionReport {
  dryRun: boolean;
  cutoff: Date;
  disposed: string[];
  heldForOpenRequest: string[];
  heldForActiveEnrolment: string[];
}

export interface PrivacyService {
  /** Days split in `timeZone`, the reader's (their province's) zone. */
  accessLog(personId: string, timeZone: string): Promise<AccessLogEntry[]>;
  /**
   * Everything Guichet holds about the person (Privacy Act s. 12), for the page, the PDF and the JSON file
   * (`format`, recorded in the audit entry). Only this person's record is read and decrypted, masked as on
   * their profile.
   */
  downloadMyData(
    personId: string,
    context: AccessContext,
    format: MyDataFormat,
    timeZone?: string,
  ): Promise<MyDataSources>;
  dispose(options: { dryRun: boolean; limit?: number }): Promise<DispositionReport>;
  openRequest(personId: string, kind: 'access' | 'correction'): Promise<string>;
  closeRequest(requestId: string): Promise<void>;
  agencyNames(): Promise<Map<string, { en: string; fr: string }>>;
}

/** What the sharing capability holds about the person, and forgets with their record. */
export interface SharingRecords {
  whoWasTold(personId: string): Promise<DeliveryView[]>;
  consents(personId: string): Promise<ConsentView[]>;
  forget(trx: Transaction<DB>, personId: string): Promise<void>;
}

export interface PrivacyDependencies {
  db: Kysely<DB>;
  audit: AuditService;
  person: {
    record: Pick<PersonService, 'getProfile' | 'listChanges'>;
    enrolments: Pick<EnrolmentService, 'list'>;
    retention: PersonRetention;
  };
  sharing: SharingRecords;
  schedule: RetentionSchedule;
  clock: () => Date;
}

export function createPrivacyService(deps: PrivacyDependencies): PrivacyService {
  const { db, audit, clock } = deps;
  return {
    accessLog: (personId, timeZone) => readAccessLog(audit, personId, { limit: 500, timeZone }),
    async downloadMyData(personId, context, format, timeZone = SERVICE_TIME_ZONE) {
      const profile = await deps.person.record.getProfile(personId, context);
      const incomes = await deps.person.retention.incomes(personId);
      await audit.record({
        actor: context.actor,
        subjectPersonId: personId,
        action: 'privacy.download',
        purpose: context.purpose,
        channel: context.channel,
        outcome: 'success',
        correlationId: context.correlationId,
        details: { format },
      });
      return {
        generatedAt: clock(),
        profile,
        incomes,
        changes: await deps.person.record.listChanges(personId),
        enrolments: await deps.person.enrolments.list(personId),
        consents: await deps.sharing.consents(personId),
        whoWasTold: await deps.sharing.whoWasTold(personId),
        accessLog: await readAccessLog(audit, personId, { limit: 1000, timeZone }),
      };
    },
    dispose: (options) => dispose(deps, options),
    openRequest: (personId, kind) => openPrivacyRequest(db, personId, kind, clock()),
    closeRequest: (requestId) => closePrivacyRequest(db, requestId, clock()),
    agencyNames: async () =>
      new Map((await listAgencyNames(db)).map((a) => [a.id, { en: a.name_en, fr: a.name_fr }])),
  };
}

/** Privacy Act s. 6(3) and Privacy Regulations s. 4: dispose per the schedule, never earlier than two years. */
async function dispose(
  deps: PrivacyDependencies,
  options: { dryRun: boolean; limit?: number },
): Promise<DispositionReport> {
  const now = deps.clock();
  const years = Math.max(MINIMUM_RETENTION_YEARS, deps.schedule.clientRecordYears);
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const candidates = await deps.person.retention.candidates(cutoff, options.limit ?? 10_000);
  const held = await findPeopleWithOpenRequests(
    deps.db,
    candidates.map((c) => c.personId),
  );
  const report: DispositionReport = {
    dryRun: options.dryRun,
    cutoff,
    disposed: [],
    heldForOpenRequest: [],
    heldForActiveEnrolment: [],
  };
  for (const candidate of candidates) {
    if (held.has(candidate.personId)) report.heldForOpenRequest.push(candidate.personId);
    else if (candidate.activeEnrolments > 0) report.heldForActiveEnrolment.push(candidate.personId);
    else {
      report.disposed.push(candidate.personId);
      if (!options.dryRun) await disposeOne(deps, candidate.personId, candidate.lastUse, years);
    }
  }
  return report;
}

async function disposeOne(
  deps: PrivacyDependencies,
  personId: string,
  lastUse: Date,
  years: number,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deps.person.retention.dispose(trx, personId, deps.clock());
    await deps.sharing.forget(trx, personId);
    await deps.audit.record(
      {
        actor: { type: 'system', id: 'privacy-disposition' },
        subjectPersonId: personId,
        action: 'privacy.disposition.client-record',
        purpose: 'retention-schedule',
        channel: 'system',
        outcome: 'success',
        correlationId: crypto.randomUUID(),
        details: { lastAdministrativeUse: new Date(lastUse).toISOString(), retentionYears: years },
      },
      trx,
    );
  });
}
