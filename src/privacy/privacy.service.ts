import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import type { AccessContext } from '../registry/registry.types.ts';
import type { ConsentService } from '../exchange/consent.service.ts';
import type { ExchangeService } from '../exchange/exchange.service.ts';
import { toAccessLog } from './access-log.ts';
import type { AccessLogEntry } from './access-log.ts';
import {
  closePrivacyRequest,
  disposeClientRecord,
  findDispositionCandidates,
  listAgencyNames,
  listIncomes,
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
  accessLog(personId: string): Promise<AccessLogEntry[]>;
  /** Everything Guichet holds about the person (Privacy Act s. 12), for JSON and the readable page. */
  downloadMyData(personId: string, context: AccessContext): Promise<Record<string, unknown>>;
  dispose(options: { dryRun: boolean; limit?: number }): Promise<DispositionReport>;
  openRequest(personId: string, kind: 'access' | 'correction'): Promise<string>;
  closeRequest(requestId: string): Promise<void>;
  agencyNames(): Promise<Map<string, { en: string; fr: string }>>;
}

export interface PrivacyDependencies {
  db: Kysely<DB>;
  audit: AuditService;
  crypto: FieldCrypto;
  registry: RegistryService;
  exchange: ExchangeService;
  consents: ConsentService;
  schedule: RetentionSchedule;
  clock: () => Date;
}

export function createPrivacyService(deps: PrivacyDependencies): PrivacyService {
  const { db, audit, clock } = deps;
  return {
    accessLog: async (personId) => toAccessLog(await audit.listForSubject(personId, 500), personId),
    async downloadMyData(personId, context) {
      const profile = await deps.registry.getProfile(personId, context);
      const incomes = (await listIncomes(db, personId)).map((row) => ({
        taxYear: row.tax_year,
        type: row.income_type,
        amountCents: Number(deps.crypto.cipher.decrypt(row.amount_ciphertext)),
      }));
      await audit.record({
        actor: context.actor,
        subjectPersonId: personId,
        action: 'privacy.download',
        purpose: context.purpose,
        channel: context.channel,
        outcome: 'success',
        correlationId: context.correlationId,
      });
      return {
        generatedAt: clock().toISOString(),
        profile,
        incomes,
        changes: await deps.registry.listChanges(personId),
        enrolments: await deps.exchange.enrolments(personId),
        consents: await deps.consents.list(personId),
        whoWasTold: await deps.exchange.whoWasTold(personId),
        accessLog: toAccessLog(await audit.listForSubject(personId, 1000), personId),
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
  const candidates = await findDispositionCandidates(deps.db, cutoff, options.limit ?? 10_000);
  const report: DispositionReport = {
    dryRun: options.dryRun,
    cutoff,
    disposed: [],
    heldForOpenRequest: [],
    heldForActiveEnrolment: [],
  };
  for (const candidate of candidates) {
    if (candidate.open_requests > 0) report.heldForOpenRequest.push(candidate.person_id);
    else if (candidate.active_enrolments > 0) report.heldForActiveEnrolment.push(candidate.person_id);
    else {
      report.disposed.push(candidate.person_id);
      if (!options.dryRun) await disposeOne(deps, candidate.person_id, candidate.last_use, years);
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
    await disposeClientRecord(trx, personId, deps.clock());
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
