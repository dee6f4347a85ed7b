import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { HouseholdReader, PersonDirectory, PersonService } from '../person/index.ts';
import { loadApplicationForms } from './application-forms.ts';
import type { InsurablePeriod } from './applicant-record.ts';
import { listRecordsOfEmployment } from './applications.repository.ts';
import { createApplicationsService, queueingHandler } from './applications.service.ts';
import type { ApplicationsService } from './applications.service.ts';
import { createEmploymentRecords } from './employment.service.ts';
import type { EmploymentRecords } from './employment.service.ts';
import { createDraftExpiry } from './draft-expiry.ts';
import type { DraftExpiry } from './draft-expiry.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { createEvidenceService } from './evidence.service.ts';
import type { EvidenceService } from './evidence.service.ts';
import { createRepresentativesService } from './representatives.service.ts';
import type { RepresentativesService } from './representatives.service.ts';
import type { ApplicationSubmittedHandler } from './submitted-application.ts';

export interface ApplicationsModule {
  readonly applications: ApplicationsService;
  readonly evidence: EvidenceService;
  readonly representatives: RepresentativesService;
  /** The register's households, read for prefill and the tolerant search by name. */
  readonly households: HouseholdReader;
  /** Records of Employment received from employers (EI). */
  readonly employment: EmploymentRecords;
  /** Drafts expire with notice: the reminders due, and the purge of expired drafts. */
  readonly drafts: DraftExpiry;
}

export interface ApplicationsModuleDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly cipher: FieldCipher;
  readonly person: Pick<PersonService, 'getProfile'>;
  readonly directory: Pick<PersonDirectory, 'findBySin' | 'nameOf'>;
  readonly households: HouseholdReader;
  /** The deciding capability; a queueing handler until the root wires one. */
  readonly handler?: ApplicationSubmittedHandler;
  /** Programme names from the catalogue, for reminders; the id when not given. */
  readonly programmeName?: (programmeId: string, lang: Lang) => Promise<string>;
  readonly clock: () => Date;
}

export function createApplicationsModule(deps: ApplicationsModuleDependencies): ApplicationsModule {
  const { db, audit, cipher, clock } = deps;
  const representatives = createRepresentativesService({ db, audit, directory: deps.directory, clock });
  const employment = async (personId: string) =>
    (await listRecordsOfEmployment(db, personId)).map((row) => ({
      lastDay: row.last,
      periods: JSON.parse(cipher.decrypt(row.periods_cipher)) as InsurablePeriod[],
    }));
  const applications = createApplicationsService({
    db,
    audit,
    cipher,
    forms: loadApplicationForms(),
    records: { person: deps.person, households: deps.households, employment },
    handler: deps.handler ?? queueingHandler,
    mayRepresent: (representativeId, personId) => representatives.mayRepresent(representativeId, personId),
    clock,
  });
  return {
    applications,
    evidence: createEvidenceService({ db, audit, cipher, clock }),
    representatives,
    households: deps.households,
    employment: createEmploymentRecords({ db, audit, cipher, directory: deps.directory, clock }),
    drafts: createDraftExpiry({
      db,
      audit,
      programmeName: deps.programmeName ?? ((programmeId) => Promise.resolve(programmeId)),
    }),
  };
}
