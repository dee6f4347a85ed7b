import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { maskedSinOf, maskSin } from './sin.ts';
import { maskAccount } from './person.schemas.ts';
import type { BankAccount } from './person.schemas.ts';
import { findRecordWithChanges, findRecordWithHistory } from './person.repository.ts';
import type { ChangeRow } from './person.repository.ts';
import type { LifeStatus, PreferredChannel, ResidenceStatus } from './person.tables.ts';

export interface Address {
  id: string;
  kind: 'residential' | 'mailing';
  line1: string;
  line2: string | null;
  city: string;
  provinceCode: string;
  postalCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface Relationship {
  kind: 'spouse' | 'common-law-partner' | 'parent-of' | 'child-of';
  relatedPersonId: string;
  givenName: string;
  familyName: string;
  since: string | null;
  /** Marriages and common-law relationships that ended (separation, divorce, death). */
  endedOn: string | null;
  custodyShare: string | null;
}

export interface Profile {
  personId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** Masked (`*** *** 286`) unless the caller may see it in full. */
  sin: string | null;
  maritalStatus: string;
  preferredLanguage: 'en' | 'fr';
  lifeStatus: LifeStatus;
  dateOfDeath: string | null;
  residenceStatus: ResidenceStatus;
  version: number;
  addresses: Address[];
  currentAddress: Address | null;
  /** A separate mailing address (often added by staff), shown wherever addresses show (issue #14). */
  mailingAddress: Address | null;
  contact: {
    email: string | null;
    phone: string | null;
    preferredChannel: PreferredChannel;
    accessibilityNeeds: string | null;
    alternateFormats: string[];
  };
  /** Account masked to its last three digits unless the caller holds the banking permission. */
  directDeposit: BankAccount | null;
  relationships: Relationship[];
}

export interface RevealOptions {
  revealSin?: boolean;
  revealBanking?: boolean;
}

/** 'YYYY-MM-DD' from a date column (drivers return local midnight). */
export function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

export async function loadProfile(
  db: Kysely<DB>,
  cipher: FieldCipher,
  personId: string,
  reveal: RevealOptions,
): Promise<Profile | null> {
  const person = await findRecordWithHistory(db, personId);
  return person ? profileOf(person, cipher, personId, reveal) : null;
}

/** The profile and its latest changes (newest first), read in one statement (My profile, the staff record). */
export async function loadProfileWithChanges(
  db: Kysely<DB>,
  cipher: FieldCipher,
  personId: string,
  reveal: RevealOptions,
  limit: number,
): Promise<{ profile: Profile; changes: ChangeRow[] } | null> {
  const row = await findRecordWithChanges(db, personId, limit);
  if (!row) return null;
  // The same rows as `listChanges` gives, the timestamp back from JSON text.
  const changes = row.changes.map((change) => ({ ...change, occurred_at: new Date(change.occurred_at) }));
  return { profile: profileOf(row, cipher, personId, reveal), changes };
}

function profileOf(
  person: RecordWithHistory,
  cipher: FieldCipher,
  personId: string,
  reveal: RevealOptions,
): Profile {
  const addresses = person.addresses.map(toAddress);
  return {
    personId,
    givenName: person.given_name,
    familyName: person.family_name,
    birthDate: isoDate(person.birth_date),
    sin: sinShown(person, cipher, reveal.revealSin === true),
    maritalStatus: person.marital_status,
    preferredLanguage: person.preferred_language,
    lifeStatus: person.life_status ?? 'alive',
    dateOfDeath: person.date_of_death ? isoDate(person.date_of_death) : null,
    residenceStatus: person.residence_status ?? 'citizen',
    version: person.version ?? 0,
    addresses,
    currentAddress: currentOf(addresses, 'residential'),
    mailingAddress: currentOf(addresses, 'mailing'),
    contact: {
      email: person.email,
      phone: person.phone,
      preferredChannel: person.preferred_channel ?? 'online',
      accessibilityNeeds: person.accessibility_needs,
      alternateFormats: person.alternate_formats ?? [],
    },
    directDeposit: depositShown(person, cipher, reveal.revealBanking === true),
    relationships: person.relationships.map((row) => toRelationship(row, personId)),
  };
}

// A masked SIN or account is shown from the hints kept in clear beside the ciphertext (migration 0950, ADR
// 0013): the page decrypts only what it shows in full, or a row written before the hints and not yet filled.
function sinShown(person: RecordWithHistory, cipher: FieldCipher, reveal: boolean): string | null {
  if (person.sin_ciphertext === null) return null;
  if (!reveal && person.sin_last3 !== null) return maskedSinOf(person.sin_last3);
  const sin = cipher.decrypt(person.sin_ciphertext);
  return reveal ? sin : maskSin(sin);
}

function depositShown(person: RecordWithHistory, cipher: FieldCipher, reveal: boolean): BankAccount | null {
  const { details_ciphertext: ciphertext, institution, transit, account_last3: last3 } = person;
  if (ciphertext === null) return null;
  if (!reveal && institution !== null && transit !== null && last3 !== null)
    return { institution, transit, account: maskAccount(last3) };
  const details = JSON.parse(cipher.decrypt(ciphertext)) as BankAccount;
  return reveal ? details : { ...details, account: maskAccount(details.account.slice(-3)) };
}

type RecordWithHistory = NonNullable<Awaited<ReturnType<typeof findRecordWithHistory>>>;

/** An address row as either read gives it: the profile's JSON (dates as text) or the batch read's columns. */
type AddressFields = Pick<
  RecordWithHistory['addresses'][number],
  | 'id'
  | 'kind'
  | 'line1'
  | 'line2'
  | 'city'
  | 'province_code'
  | 'postal_code'
  | 'effective_from'
  | 'effective_to'
>;

export function toAddress(row: AddressFields): Address {
  return {
    id: row.id,
    kind: row.kind,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    provinceCode: row.province_code,
    postalCode: row.postal_code,
    effectiveFrom: isoDate(row.effective_from),
    effectiveTo: row.effective_to ? isoDate(row.effective_to) : null,
  };
}

export function currentOf(addresses: Address[], kind: Address['kind']): Address | null {
  const today = isoDate(new Date());
  return (
    addresses.find(
      (a) =>
        a.kind === kind && a.effectiveFrom <= today && (a.effectiveTo === null || a.effectiveTo >= today),
    ) ?? null
  );
}

function toRelationship(row: RecordWithHistory['relationships'][number], personId: string): Relationship {
  return {
    kind: row.kind === 'parent-of' && row.person_id !== personId ? 'child-of' : row.kind,
    relatedPersonId: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    since: row.since ? isoDate(row.since) : null,
    endedOn: row.ended_on ? isoDate(row.ended_on) : null,
    custodyShare: row.custody_share,
  };
}
