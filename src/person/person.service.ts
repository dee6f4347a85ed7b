import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';

import type { AddressInput, BankAccount, ContactInput } from './person.schemas.ts';
import { maskAccount } from './person.schemas.ts';
import { sinLast3 } from './sin.ts';
import { loadProfile, loadProfileWithChanges } from './person-profile.ts';
import type { Profile, RevealOptions } from './person-profile.ts';
import * as repo from './person.repository.ts';
import { composeSecurityNotice } from './security-notice.ts';
import type { ChangeRow } from './person.repository.ts';

import { auditEntry } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { commitChange } from './person-commit.ts';
import { birthChange, deathChange, incomeYearChange } from './household-changes.ts';
import type { Birth, IncomeYear } from './household-changes.ts';
import type { PendingChange } from './person-commit.ts';
import type { MaritalStatus, ResidenceStatus } from './person.tables.ts';
import { PersonNotFoundError } from './person.types.ts';
import type {
  ChangeNotifier,
  ChangeOptions,
  ChangePublisher,
  ChangeResult,
  RegistryElement,
} from './person.types.ts';

export interface PersonService {
  getProfile(personId: string, context: AccessContext, reveal?: RevealOptions): Promise<Profile>;
  findPersonIdBySin(sin: string, context: AccessContext): Promise<string | null>;
  listChanges(personId: string): Promise<ChangeRow[]>;
  /** `getProfile` and `listChanges` together, read in one statement and audited as the profile read. */
  getProfileWithChanges(
    personId: string,
    context: AccessContext,
    reveal?: RevealOptions,
  ): Promise<{ profile: Profile; changes: ChangeRow[] }>;
  /** The person's latest change of an element made with a reference (what their confirmation page shows). */
  findLatestReferencedChange(personId: string, element: RegistryElement): Promise<ChangeRow | undefined>;
  changeAddress(
    personId: string,
    input: AddressInput,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  changeContact(
    personId: string,
    input: ContactInput,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  changeDirectDeposit(
    personId: string,
    input: BankAccount,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  /** Separation, divorce or a partner's death: ends the couple relationship and sets the marital status. */
  endPartnership(
    personId: string,
    partnerId: string,
    endedOn: string,
    status: MaritalStatus,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  changeName(
    personId: string,
    name: { givenName: string; familyName: string },
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  changeMaritalStatus(
    personId: string,
    status: MaritalStatus,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  changeResidenceStatus(
    personId: string,
    status: ResidenceStatus,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  recordDeath(
    personId: string,
    dateOfDeath: string,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  setSin(personId: string, sin: string, context: AccessContext): Promise<void>;
  /** A tax year's incomes as assessed (a new year's figures, or a reassessment): replaces that year's. */
  recordIncomeYear(
    personId: string,
    taxYear: number,
    incomes: IncomeYear,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult>;
  /** A child born to (or adopted by) the person joins their household, the person their parent. */
  recordBirth(
    parentId: string,
    birth: Birth,
    context: AccessContext,
    options?: ChangeOptions,
  ): Promise<ChangeResult & { childId: string }>;
}

export interface PersonDependencies {
  db: Kysely<DB>;
  audit: AuditService;
  crypto: FieldCrypto;
  publisher: ChangePublisher;
  notifier: ChangeNotifier;
  clock: () => Date;
}

// The record's history as the profile and the staff record show it: the latest hundred changes.
const CHANGES_SHOWN = 100;

export function createPersonService(deps: PersonDependencies): PersonService {
  const { db, audit, crypto, clock } = deps;
  const commit = (personId: string, context: AccessContext, options: ChangeOptions, change: PendingChange) =>
    commitChange(deps, personId, context, options, change);

  return {
    async getProfile(personId, context, reveal = {}) {
      const profile = await loadProfile(db, crypto.cipher, personId, reveal);
      await audit.record(
        auditEntry(context, personId, 'registry.profile.read', profile ? 'success' : 'failure', reveal),
      );
      if (!profile) throw new PersonNotFoundError();
      return profile;
    },
    async getProfileWithChanges(personId, context, reveal = {}) {
      const found = await loadProfileWithChanges(db, crypto.cipher, personId, reveal, CHANGES_SHOWN);
      await audit.record(
        auditEntry(context, personId, 'registry.profile.read', found ? 'success' : 'failure', reveal),
      );
      if (!found) throw new PersonNotFoundError();
      return found;
    },
    async findPersonIdBySin(sin, context) {
      const found = await repo.findPersonIdBySinLookup(db, crypto.hasher.hash(sin));
      await audit.record(
        auditEntry(
          context,
          found?.id ?? null,
          'registry.person.find-by-sin',
          found ? 'success' : 'failure',
          {},
        ),
      );
      return found?.id ?? null;
    },
    listChanges: (personId) => repo.listChanges(db, personId, CHANGES_SHOWN),
    findLatestReferencedChange: (personId, element) => repo.findLatestReferencedChange(db, personId, element),
    changeAddress: (personId, input, context, options = {}) =>
      commit(personId, context, options, {
        element: 'address',
        summary: {
          kind: input.kind,
          city: input.city,
          provinceCode: input.provinceCode,
          effectiveFrom: input.effectiveFrom,
        },
        payload: { ...input },
        write: (trx) => repo.insertAddress(trx, addressRow(personId, input)),
      }),
    changeContact: (personId, input, context, options = {}) =>
      commit(personId, context, options, {
        element: 'contact',
        summary: { preferredChannel: input.preferredChannel, preferredLanguage: input.preferredLanguage },
        payload: { ...input },
        write: async (trx, at, version) => {
          const before = await repo.findContact(trx, personId);
          const notice = await composeSecurityNotice(trx, personId, 'contact', version, at);
          await repo.updatePerson(trx, personId, { preferred_language: input.preferredLanguage }, at);
          await repo.upsertContact(trx, contactRow(personId, input, at));
          // ASVS 6.3.7: a changed email or phone is announced to the one the person had before.
          const reachable = before?.email !== input.email || before?.phone !== input.phone;
          if (notice && before && reachable) await deps.notifier.sensitiveChange(trx, notice, context);
        },
      }),
    changeDirectDeposit: (personId, input, context, options = {}) =>
      commit(personId, context, options, {
        element: 'direct-deposit',
        summary: { institution: input.institution, account: maskAccount(input.account.slice(-3)) },
        payload: { ...input },
        write: async (trx, at, version) => {
          const notice = await composeSecurityNotice(trx, personId, 'direct-deposit', version, at);
          const row = {
            person_id: personId,
            details_ciphertext: crypto.cipher.encrypt(JSON.stringify(input)),
            // What the masked account shows, kept in clear (ADR 0013); the account number stays encrypted.
            account_last3: input.account.slice(-3),
            institution: input.institution,
            transit: input.transit,
            updated_at: at,
          };
          await repo.upsertDirectDeposit(trx, row);
          // ASVS 6.3.7: tell the person through the contact point they had before this change.
          if (notice) await deps.notifier.sensitiveChange(trx, notice, context);
        },
      }),
    endPartnership: (personId, partnerId, endedOn, status, context, options = {}) =>
      commit(personId, context, options, {
        element: 'marital-status',
        summary: { maritalStatus: status, endedOn },
        payload: { maritalStatus: status, partnershipEndedOn: endedOn },
        write: async (trx, at) => {
          if (!(await repo.endRelationship(trx, personId, partnerId, endedOn)))
            throw new PersonNotFoundError();
          await repo.updatePerson(trx, personId, { marital_status: status }, at);
        },
      }),
    changeName: (personId, name, context, options = {}) =>
      commit(personId, context, options, {
        element: 'name',
        summary: { givenName: name.givenName, familyName: name.familyName },
        payload: { ...name },
        write: (trx, at) =>
          repo.updatePerson(trx, personId, { given_name: name.givenName, family_name: name.familyName }, at),
      }),
    changeMaritalStatus: (personId, status, context, options = {}) =>
      commit(personId, context, options, {
        element: 'marital-status',
        summary: { maritalStatus: status },
        payload: { maritalStatus: status },
        write: (trx, at) => repo.updatePerson(trx, personId, { marital_status: status }, at),
      }),
    changeResidenceStatus: (personId, status, context, options = {}) =>
      commit(personId, context, options, {
        element: 'residence-status',
        summary: { residenceStatus: status },
        payload: { residenceStatus: status },
        write: (trx) => repo.updateStatus(trx, personId, { residence_status: status }),
      }),
    recordDeath: (personId, dateOfDeath, context, options = {}) =>
      commit(personId, context, options, deathChange(personId, dateOfDeath)),
    recordIncomeYear: (personId, taxYear, incomes, context, options = {}) =>
      commit(personId, context, options, incomeYearChange(crypto.cipher, personId, taxYear, incomes)),
    async recordBirth(parentId, birth, context, options = {}) {
      const change = birthChange(parentId, birth);
      return { ...(await commit(parentId, context, options, change)), childId: change.childId };
    },
    async setSin(personId, sin, context) {
      await db.transaction().execute(async (trx) => {
        const stored = {
          ciphertext: crypto.cipher.encrypt(sin),
          lookup: crypto.hasher.hash(sin),
          last3: sinLast3(sin),
        };
        await repo.updateSin(trx, personId, stored, clock());
        await audit.record(auditEntry(context, personId, 'registry.sin.set', 'success', {}), trx);
      });
    },
  };
}

function addressRow(personId: string, input: AddressInput) {
  return {
    person_id: personId,
    kind: input.kind,
    line1: input.line1,
    line2: input.line2,
    city: input.city,
    province_code: input.provinceCode,
    postal_code: input.postalCode,
    effective_from: input.effectiveFrom,
  };
}

function contactRow(personId: string, input: ContactInput, at: Date) {
  return {
    person_id: personId,
    email: input.email,
    phone: input.phone,
    preferred_channel: input.preferredChannel,
    accessibility_needs: input.accessibilityNeeds,
    alternate_formats: JSON.stringify(input.alternateFormats),
    updated_at: at,
  };
}
