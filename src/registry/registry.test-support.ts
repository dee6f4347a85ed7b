import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Database } from '../platform/db/database.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { testConfig } from '../platform/config/config.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import type { Metrics } from '../platform/observability/metrics.ts';
import { createCatalogueService } from '../catalogue/catalogue.service.ts';
import { loadReferenceData } from '../catalogue/reference-data.ts';
import { createExchange } from '../exchange/exchange.service.ts';
import type { Exchange, ExchangeDependencies } from '../exchange/exchange.service.ts';
import { createRegistryService } from './registry.service.ts';
import type { RegistryService } from './registry.service.ts';
import { createAuditedNotifier } from './change-notifier.ts';
import type { AccessContext } from './registry.types.ts';

/** Services wired as the composition root wires them, on a test database; for service-level tests. */
export interface RegistryHarness {
  db: Kysely<DB>;
  audit: AuditService;
  crypto: FieldCrypto;
  metrics: Metrics;
  exchange: Exchange;
  registry: RegistryService;
  clock: { now: Date; (): Date };
}

export async function createHarness(
  database: Database,
  overrides: Partial<ExchangeDependencies> = {},
): Promise<RegistryHarness> {
  const clock = Object.assign(() => new Date(clock.now), { now: new Date('2026-03-02T15:00:00Z') });
  const db = database.db;
  const audit = createAuditService(db, undefined, clock);
  const crypto = createFieldCrypto(testConfig());
  const metrics = createMetrics();
  await createCatalogueService(db).seedReferenceData(loadReferenceData());
  const exchange = createExchange({
    db,
    audit,
    crypto,
    metrics,
    clock,
    dispatcher: { baseBackoffMs: 1000 },
    ...overrides,
  });
  await exchange.service.seedAgreements();
  const registry = createRegistryService({
    db,
    audit,
    crypto,
    publisher: exchange.publisher,
    notifier: createAuditedNotifier(audit),
    clock,
  });
  return { db, audit, crypto, metrics, exchange, registry, clock };
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
      is_demo: true,
    })
    .execute();
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
