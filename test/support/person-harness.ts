import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createServices } from '../../src/app.services.ts';
import type { ServiceDependencies, Services } from '../../src/app.services.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { AuditService } from '../../src/platform/audit/audit.service.ts';
import type { AccessContext } from '../../src/platform/audit/access-context.ts';
import type { FieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import type { Config } from '../../src/platform/config/config.ts';
import { createMetrics } from '../../src/platform/observability/metrics.ts';
import type { Metrics } from '../../src/platform/observability/metrics.ts';
import { loadReferenceData } from '../../src/catalogue/index.ts';
import type { Exchange, ExchangeDependencies } from '../../src/exchange/index.ts';
import { sinLast3 } from '../../src/person/index.ts';
import type { PersonModule, PersonService } from '../../src/person/index.ts';
import type { PrivacyService } from '../../src/privacy/index.ts';
import { createAgencySubscriber, listCopies } from '../../src/stand-ins/partner-agencies/index.ts';

/** Services wired as the composition root wires them, on a test database; for service-level tests. */
export interface RegistryHarness {
  db: Kysely<DB>;
  audit: AuditService;
  crypto: FieldCrypto;
  metrics: Metrics;
  exchange: Exchange;
  person: PersonModule;
  privacy: PrivacyService;
  registry: PersonService;
  /** What the demonstration partner agencies hold about the person (what tell-us-once delivered). */
  agencyCopies(personId: string): ReturnType<typeof listCopies>;
  /** The exchange's wiring to the person module and the partner agencies, for tests that build their own. */
  wiring: Pick<ExchangeDependencies, 'enrolments' | 'subscriberFor'>;
  clock: { now: Date; (): Date };
  /** The inbox, its notice queue and GC Notify (the local stand-in, started on the first notice). */
  inbox: Services['inbox'];
  noticeSender: Services['noticeSender'];
  notices: Services['notices'];
  /** Notices after a sensitive change, to the previous contact point. */
  securityNotices: Services['securityNotices'];
  /** Secure messages and reminders, as the root wires them. */
  messages: Services['messages'];
  reminders: Services['reminders'];
  /** Paper letters held for want of a postal address, and their release. */
  heldLetters: Services['heldLetters'];
}

/**
 * The application's own services (`createServices`, as the root wires them) on a test database, with a clock
 * the test moves; `exchange` puts in a broker, a failing partner or other delivery settings.
 */
export async function createHarness(
  database: Database,
  exchange: NonNullable<ServiceDependencies['exchange']> = {},
  config: Partial<Config> = {},
): Promise<RegistryHarness> {
  const clock = Object.assign(() => new Date(clock.now), { now: new Date('2026-03-02T15:00:00Z') });
  const db = database.db;
  const metrics = createMetrics();
  const subscriber = createAgencySubscriber(db, clock);
  const services = await createServices({
    config: testConfig(config),
    db,
    metrics,
    clock,
    exchange: { subscriberFor: () => subscriber, dispatcher: { baseBackoffMs: 1000 }, ...exchange },
    noticeSender: { retryBaseMs: 1_000, retryMaxMs: 5_000, maxAttempts: 3 },
  });
  await services.catalogue.seedReferenceData(loadReferenceData());
  await services.exchange.service.seedAgreements();
  const { person } = services;
  return {
    db,
    audit: services.audit,
    crypto: services.crypto,
    metrics,
    exchange: services.exchange,
    person,
    privacy: services.privacy,
    registry: person.record,
    agencyCopies: (personId: string) => listCopies(db, personId),
    wiring: { enrolments: person.enrolments, subscriberFor: () => subscriber },
    clock,
    inbox: services.inbox,
    noticeSender: services.noticeSender,
    notices: services.notices,
    securityNotices: services.securityNotices,
    messages: services.messages,
    reminders: services.reminders,
    heldLetters: services.heldLetters,
  };
}

export interface PersonFactoryOptions {
  province?: string;
  birthDate?: string;
  givenName?: string;
  sin?: string;
}

/** A fictitious person in a one-person household. */
export async function createPerson(h: RegistryHarness, options: PersonFactoryOptions = {}): Promise<string> {
  const householdId = randomUUID();
  const personId = randomUUID();
  await h.db
    .insertInto('household')
    .values({ id: householdId, province_code: options.province ?? 'ON', is_demo: true })
    .execute();
  await h.db
    .insertInto('person')
    .values({
      id: personId,
      household_id: householdId,
      given_name: options.givenName ?? 'Alex',
      family_name: 'Tremblay',
      birth_date: options.birthDate ?? '1950-04-12',
      preferred_language: 'en',
      marital_status: 'single',
      sin_ciphertext: options.sin ? h.crypto.cipher.encrypt(options.sin) : null,
      sin_lookup: options.sin ? h.crypto.hasher.hash(options.sin) : null,
      sin_last3: options.sin ? sinLast3(options.sin) : null,
      is_demo: true,
    })
    .execute();
  return personId;
}

/** A person reachable online by email, in `lang`, as the inbox's tests need one. */
export async function createReachablePerson(
  h: RegistryHarness,
  lang: 'en' | 'fr',
  options: PersonFactoryOptions = {},
): Promise<string> {
  const personId = await createPerson(h, options);
  await h.registry.changeContact(
    personId,
    {
      email: `${personId.slice(0, 8)}@example.ca`,
      phone: null,
      preferredChannel: 'online',
      preferredLanguage: lang,
      accessibilityNeeds: null,
      alternateFormats: [],
    },
    selfService(personId),
  );
  return personId;
}

export function selfService(personId: string): AccessContext {
  return {
    actor: { type: 'person', id: personId },
    channel: 'online',
    purpose: 'self-service',
    correlationId: randomUUID(),
  };
}

export function agentContext(purpose = 'phone-call'): AccessContext {
  return {
    actor: { type: 'staff', id: 'staff-1', role: 'agent', agencyId: 'esdc' },
    channel: 'phone',
    purpose,
    correlationId: randomUUID(),
  };
}

export const ADDRESS = {
  kind: 'residential' as const,
  line1: '24 Sussex Drive',
  line2: null,
  city: 'Ottawa',
  provinceCode: 'ON' as const,
  postalCode: 'K1M 1M4',
  effectiveFrom: '2026-03-01',
};
