import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Metrics } from '../platform/observability/metrics.ts';
import type { ChangePublisher } from '../person/index.ts';
import { createConsentService } from './consent.service.ts';
import type { ResidencePort } from './consent.service.ts';
import type { ConsentService } from './consent.service.ts';
import { createDeliveryLedger } from './delivery-ledger.ts';
import { createDispatcher } from './dispatcher.ts';
import type { Dispatcher, DispatcherOptions } from './dispatcher.ts';
import { seedAgreements } from './exchange-seed.ts';
import { createExchangeMetrics } from './exchange.metrics.ts';
import * as repo from './delivery.repository.ts';
import type { Subscriber, Transport } from './exchange.types.ts';
import { createInProcessTransport } from './in-process-transport.ts';
import { createOutboxPublisher } from './outbox.ts';
import type { EnrolmentsPort } from './outbox.ts';

export interface Bilingual {
  en: string;
  fr: string;
}

/** One line of "who was told, and when". */
export interface DeliveryView {
  id: string;
  changeId: string;
  element: string;
  version: number;
  status: 'pending' | 'sent' | 'delivered' | 'withheld';
  recipientAgencyId: string;
  recipient: Bilingual;
  programme: Bilingual | null;
  purpose: Bilingual;
  queuedAt: Date;
  deliveredAt: Date | null;
}

export interface ExchangeService {
  whoWasTold(personId: string): Promise<DeliveryView[]>;
  queue(
    limit?: number,
  ): Promise<{ counts: Record<string, number>; items: Awaited<ReturnType<typeof repo.listUndelivered>> }>;
  retryNow(deliveryId: string): Promise<void>;
  seedAgreements(): ReturnType<typeof seedAgreements>;
}

export interface Exchange {
  readonly publisher: ChangePublisher;
  readonly dispatcher: Dispatcher;
  readonly transport: Transport;
  readonly consents: ConsentService;
  readonly service: ExchangeService;
}

export interface ExchangeDependencies {
  db: Kysely<DB>;
  audit: AuditService;
  crypto: FieldCrypto;
  metrics: Metrics;
  clock: () => Date;
  /** The person's enrolments, read inside a change's transaction to find who must hear of it. */
  enrolments: EnrolmentsPort;
  /** The receiving system of each agency (the demonstration partner agencies until real ones connect). */
  subscriberFor: (agencyId: string) => Subscriber;
  /** Defaults to the embedded in-process transport; `connectNatsTransport` when NATS_URL is set. */
  transport?: (
    confirm: (deliveryId: string) => Promise<void>,
    subscriberFor: (agencyId: string) => Subscriber,
  ) => Transport;
  dispatcher?: DispatcherOptions;
  /** Where the person lives, so that consents are offered for their own province's agencies only. */
  residence?: ResidencePort;
}

export function createExchange(deps: ExchangeDependencies): Exchange {
  const metrics = createExchangeMetrics(deps.metrics);
  const { subscriberFor } = deps;
  const ledger = createDeliveryLedger(deps.db, metrics, deps.clock, deps.transport ? 'nats' : 'in-process');
  const transport = deps.transport
    ? deps.transport(ledger.confirm, subscriberFor)
    : createInProcessTransport(subscriberFor);
  const active = createDispatcher(deps.db, transport, ledger, metrics, deps.clock, deps.dispatcher);
  return {
    publisher: createOutboxPublisher(deps.crypto.cipher, deps.enrolments, metrics, () => active.wake()),
    dispatcher: active,
    transport,
    consents: createConsentService(deps.db, deps.audit, deps.clock, deps.residence),
    service: createExchangeService(deps.db, deps.clock),
  };
}

function createExchangeService(db: Kysely<DB>, clock: () => Date): ExchangeService {
  return {
    async whoWasTold(personId) {
      return (await repo.listDeliveriesForPerson(db, personId)).map((row) => ({
        id: row.id,
        changeId: row.change_id,
        element: row.element,
        version: row.version,
        status: row.status,
        recipientAgencyId: row.recipient_agency_id,
        recipient: { en: row.agency_en, fr: row.agency_fr },
        programme:
          row.programme_en && row.programme_fr ? { en: row.programme_en, fr: row.programme_fr } : null,
        purpose: { en: row.purpose_en, fr: row.purpose_fr },
        queuedAt: row.created_at,
        deliveredAt: row.delivered_at,
      }));
    },
    async queue(limit = 100) {
      const counts: Record<string, number> = { pending: 0, sent: 0, delivered: 0, withheld: 0 };
      for (const row of await repo.countByStatus(db)) counts[row.status] = Number(row.count);
      return { counts, items: await repo.listUndelivered(db, limit) };
    },
    retryNow: (deliveryId) => repo.retryNow(db, deliveryId, clock()),
    seedAgreements: () => seedAgreements(db),
  };
}
