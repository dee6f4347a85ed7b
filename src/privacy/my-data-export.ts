import type { ChangeRow, EnrolmentRow, PersonIncome, Profile } from '../person/index.ts';
import { isoDate } from '../person/index.ts';
import type { ConsentView, DeliveryView } from '../exchange/index.ts';
import type { AccessLogEntry } from './access-log.ts';

/** The version of `data/my-data.schema.json` this export follows; a change of shape is a new version. */
export const MY_DATA_SCHEMA_VERSION = '1';

/** What the privacy service gathers: the record as the person module gives it, and what the others hold. */
export interface MyDataSources {
  readonly generatedAt: Date;
  readonly profile: Profile;
  readonly incomes: readonly PersonIncome[];
  readonly changes: readonly ChangeRow[];
  readonly enrolments: readonly EnrolmentRow[];
  readonly consents: readonly ConsentView[];
  readonly whoWasTold: readonly DeliveryView[];
  readonly accessLog: readonly AccessLogEntry[];
}

type Bilingual = { en: string; fr: string };

/**
 * "Download my data" as a file (Privacy Act s. 12): every key is documented, in English and French, in
 * `data/my-data.schema.json`, which the file names in `$schema`. Codes (`married`, `address`) stay codes so a
 * program can read them; the schema lists what each means. Nothing about public servants but their role.
 */
export interface MyDataExport {
  $schema: string;
  schemaVersion: string;
  generatedAt: string;
  profile: {
    givenName: string;
    familyName: string;
    birthDate: string;
    sin: string | null;
    maritalStatus: string;
    lifeStatus: string;
    dateOfDeath: string | null;
    residenceStatus: string;
    preferredLanguage: 'en' | 'fr';
    addresses: ExportAddress[];
    contact: Profile['contact'];
    directDeposit: { institution: string; transit: string; account: string } | null;
    relationships: {
      kind: string;
      givenName: string;
      familyName: string;
      since: string | null;
      endedOn: string | null;
      custodyShare: string | null;
    }[];
  };
  incomes: { taxYear: number; type: string; amountCents: number }[];
  changes: {
    version: number;
    element: string;
    kind: string;
    occurredAt: string;
    actorType: string;
    actorRole: string | null;
    channel: string;
    reason: string | null;
    reference: string | null;
  }[];
  enrolments: { programmeId: string; programme: Bilingual; status: string; since: string }[];
  consents: {
    agreementId: string;
    agency: Bilingual;
    purpose: Bilingual;
    elements: string[];
    grantedAt: string;
    expiresAt: string;
    revokedAt: string | null;
    state: string;
  }[];
  whoWasTold: {
    element: string;
    version: number;
    status: string;
    recipient: Bilingual;
    programme: Bilingual | null;
    purpose: Bilingual;
    queuedAt: string;
    deliveredAt: string | null;
  }[];
  accessLog: {
    at: string;
    firstAt: string;
    count: number;
    accessor: string;
    role: string | null;
    agencyId: string | null;
    action: string;
    purpose: string;
    channel: string;
    outcome: string;
  }[];
}

interface ExportAddress {
  kind: 'residential' | 'mailing';
  line1: string;
  line2: string | null;
  city: string;
  provinceCode: string;
  postalCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function toMyDataExport(sources: MyDataSources, schemaUrl: string): MyDataExport {
  const { profile } = sources;
  return {
    $schema: schemaUrl,
    schemaVersion: MY_DATA_SCHEMA_VERSION,
    generatedAt: iso(sources.generatedAt),
    profile: {
      givenName: profile.givenName,
      familyName: profile.familyName,
      birthDate: profile.birthDate,
      sin: profile.sin,
      maritalStatus: profile.maritalStatus,
      lifeStatus: profile.lifeStatus,
      dateOfDeath: profile.dateOfDeath,
      residenceStatus: profile.residenceStatus,
      preferredLanguage: profile.preferredLanguage,
      addresses: profile.addresses.map(({ id: _id, ...address }) => address),
      contact: { ...profile.contact, alternateFormats: [...profile.contact.alternateFormats] },
      directDeposit: profile.directDeposit
        ? {
            institution: profile.directDeposit.institution,
            transit: profile.directDeposit.transit,
            account: profile.directDeposit.account,
          }
        : null,
      relationships: profile.relationships.map(({ relatedPersonId: _id, ...relationship }) => relationship),
    },
    incomes: sources.incomes.map((income) => ({ ...income })),
    changes: sources.changes.map((change) => ({
      version: change.version,
      element: change.element,
      kind: change.kind,
      occurredAt: iso(change.occurred_at),
      actorType: change.actor_type,
      actorRole: change.actor_role,
      channel: change.channel,
      reason: change.reason,
      reference: change.reference,
    })),
    enrolments: sources.enrolments.map((enrolment) => ({
      programmeId: enrolment.programme_id,
      programme: { en: enrolment.name_en, fr: enrolment.name_fr },
      status: enrolment.status,
      since: isoDate(enrolment.since),
    })),
    consents: sources.consents.map((consent) => ({
      agreementId: consent.agreementId,
      agency: consent.agencyName,
      purpose: consent.purpose,
      elements: [...consent.elements],
      grantedAt: iso(consent.grantedAt),
      expiresAt: iso(consent.expiresAt),
      revokedAt: isoOrNull(consent.revokedAt),
      state: consent.state,
    })),
    whoWasTold: sources.whoWasTold.map((delivery) => ({
      element: delivery.element,
      version: delivery.version,
      status: delivery.status,
      recipient: delivery.recipient,
      programme: delivery.programme,
      purpose: delivery.purpose,
      queuedAt: iso(delivery.queuedAt),
      deliveredAt: isoOrNull(delivery.deliveredAt),
    })),
    accessLog: sources.accessLog.map((entry) => ({
      at: iso(entry.at),
      firstAt: iso(entry.firstAt),
      count: entry.count,
      accessor: entry.accessor,
      role: entry.role,
      agencyId: entry.agencyId,
      action: entry.action,
      purpose: entry.purpose,
      channel: entry.channel,
      outcome: entry.outcome,
    })),
  };
}
