import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Config } from '../platform/config/config.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Metrics } from '../platform/observability/metrics.ts';
import { createExchange } from '../exchange/exchange.service.ts';
import type { Exchange } from '../exchange/exchange.service.ts';
import { connectNatsTransport } from '../exchange/nats-transport.ts';
import { createPrivacyService } from '../privacy/privacy.service.ts';
import type { PrivacyService } from '../privacy/privacy.service.ts';
import { createAuditedNotifier } from './change-notifier.ts';
import { createRegistryService } from './registry.service.ts';
import type { RegistryService } from './registry.service.ts';

/** The client record, tell-us-once and privacy services, wired once for the app and the CLI. */
export interface ClientRecordServices {
  registry: RegistryService;
  exchange: Exchange;
  privacy: PrivacyService;
}

export async function createClientRecordServices(
  db: Kysely<DB>,
  config: Config,
  audit: AuditService,
  metrics: Metrics,
  clock: () => Date,
): Promise<ClientRecordServices> {
  const crypto = createFieldCrypto(config);
  // NATS JetStream when NATS_URL is set; otherwise the embedded in-process transport does the same job.
  const transport = config.natsUrl === null ? undefined : await connectNatsTransport(config.natsUrl);
  const exchange = createExchange({ db, audit, crypto, metrics, clock, ...(transport ? { transport } : {}) });
  const notifier = createAuditedNotifier(audit);
  const registry = createRegistryService({
    db,
    audit,
    crypto,
    publisher: exchange.publisher,
    notifier,
    clock,
  });
  const privacy = createPrivacyService({
    db,
    audit,
    crypto,
    registry,
    exchange: exchange.service,
    consents: exchange.consents,
    schedule: { clientRecordYears: config.retentionClientRecordYears },
    clock,
  });
  return { registry, exchange, privacy };
}
