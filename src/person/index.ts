/**
 * The person: the register of people, households, relationships and incomes, each person's record as it
 * changes (addresses, contact, direct deposit, statuses, versions), their SIN and their enrolments. Other
 * modules reach it only through what this file exports.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import type { EnrolmentService } from './enrolment.service.ts';
import { createPersonDirectory } from './person-directory.ts';
import type { PersonDirectory } from './person-directory.ts';
import { createPersonService } from './person.service.ts';
import type { PersonService } from './person.service.ts';
import type { ChangeNotifier, ChangePublisher } from './person.types.ts';
import { createPersonRetention } from './retention.ts';
import type { PersonRetention } from './retention.ts';
import { createPopulationReader } from './population-reader.ts';
import { createPartnerEvents } from './partner-events.service.ts';
import type { PartnerEvents } from './partner-events.service.ts';
import type { PopulationReader } from './population-reader.ts';
import { createContactCards } from './contact-cards.ts';
import type { ContactCards } from './contact-cards.ts';

export const personLocales = new URL('./locales/', import.meta.url);

export interface PersonModule {
  /** Reading and changing a person's record, every access audited. */
  readonly record: PersonService;
  readonly directory: PersonDirectory;
  readonly enrolments: EnrolmentService;
  readonly retention: PersonRetention;
  /** The whole register page by page, for aggregate analysis (e.g. a parameter release preview). */
  readonly population: PopulationReader;
  /** Births from vital statistics agencies and notices of assessment from the CRA, each recorded once. */
  readonly partnerEvents: PartnerEvents;
  /** Name, language, addresses and contact points of many people at once, for a batch's letters; audited. */
  readonly contacts: ContactCards;
}

export interface PersonModuleDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly crypto: FieldCrypto;
  /** Where committed changes go, in their transaction: the sharing capability's outbox. */
  readonly publisher: ChangePublisher;
  readonly notifier: ChangeNotifier;
  /** Built first, on its own: the sharing capability's outbox reads it inside a change's transaction. */
  readonly enrolments: EnrolmentService;
  readonly clock: () => Date;
}

export function createPersonModule(deps: PersonModuleDependencies): PersonModule {
  const record = createPersonService(deps);
  const directory = createPersonDirectory(deps.db, deps.crypto.hasher);
  return {
    record,
    directory,
    enrolments: deps.enrolments,
    retention: createPersonRetention(deps.db, deps.crypto.cipher),
    population: createPopulationReader(deps.db, deps.crypto.cipher, deps.audit),
    partnerEvents: createPartnerEvents({ record, directory, audit: deps.audit }),
    contacts: createContactCards(deps.db, deps.audit),
  };
}

export { registerPartnerEventsApi } from './partner-events.api.ts';
export {
  partnerAccess,
  partnerCallResponses,
  receivePartnerCall,
  refusePartnerCall,
} from './partner-call.ts';
export type { PartnerAnswer, PartnerCall, PartnerIssue, ValidPartnerCall } from './partner-call.ts';
export type { PartnerEvents, PartnerEventResult } from './partner-events.service.ts';
export { createAuditedNotifier } from './change-notifier.ts';
export { createEnrolmentService } from './enrolment.service.ts';
export { createPopulationReader };
export { createHouseholdReader } from './household-of.ts';
export { createResidenceReader } from './residence.ts';
export type { ResidenceReader } from './residence.ts';
export type { HouseholdReader } from './household-of.ts';
export type {
  PopulationReader,
  RegisterHousehold,
  RegisterPerson,
  RegisterReadRequest,
} from './population-reader.ts';
export type { PersonService } from './person.service.ts';
export type { ContactCard, ContactCards } from './contact-cards.ts';
export type { Birth, IncomeYear } from './household-changes.ts';
export type { PersonDirectory, PersonName } from './person-directory.ts';
export type { EnrolmentService, EnrolmentRow } from './enrolment.service.ts';
export type { EnrolmentRequest } from './enrolment.repository.ts';
export type { PersonRetention, DispositionCandidate, PersonIncome } from './retention.ts';
export type { Profile, Address, Relationship, RevealOptions } from './person-profile.ts';
export { isoDate } from './person-profile.ts';
export { personHeaderName, personHomeProvince } from './person-directory.repository.ts';
export type { ChangeRow } from './person.repository.ts';
export type {
  ChangeOptions,
  ChangeResult,
  RegistryElement,
  RegistryChange,
  ChangePublisher,
  ChangeNotifier,
} from './person.types.ts';
export {
  REGISTRY_ELEMENTS,
  PersonNotFoundError,
  CorrectionReasonRequiredError,
  AlreadyReceivedError,
} from './person.types.ts';
export type { AddressInput, ContactInput, BankAccount, FieldErrors, Validated } from './person.schemas.ts';
export {
  checkAddress,
  checkContact,
  checkBankAccount,
  isIsoDate,
  maskAccount,
  ALTERNATE_FORMATS,
  PROVINCES,
} from './person.schemas.ts';
export type {
  MaritalStatus,
  ResidenceStatus,
  LifeStatus,
  PreferredChannel,
  PreferredLanguage,
  IncomeType,
  RelationshipKind,
  PersonTables,
  PopulationTables,
  HouseholdTable,
  PersonTable,
  PersonRelationshipTable,
  PersonIncomeTable,
} from './person.tables.ts';
export {
  checkSin,
  normaliseSin,
  maskSin,
  sinLast3,
  formatSin,
  createFictitiousSinSequence,
  MAX_FICTITIOUS_SINS,
} from './sin.ts';
export { profileSections, changesTable, formatAddress } from './views/record.views.ts';
export { addressFields, contactFields } from './views/fields.views.ts';
export type { FormUser } from './views/fields.views.ts';
export { personEncryptedColumns } from './person.tables.ts';
export { fillMaskedHints } from './masked-hints.ts';
export type { MaskedHintsReport } from './masked-hints.ts';
export type { SecurityNotice } from './security-notice.ts';
export { createPayeeReader } from './payee-reader.ts';
export type { PayeeReader, Payee } from './payee-reader.ts';
export { rulesHouseholdOf, rulesIncome, rulesPerson, rulesRelationship } from './rules-household.ts';
