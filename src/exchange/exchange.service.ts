import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Metrics } from '../platform/observability/metrics.ts';
import type { ChangePublisher } from '../registry/registry.types.ts';
import { createAgencySubscriber } from './agency-subscriber.ts';
import { createConsentService } from './consent.service.ts';
import type { ConsentService } from './consent.service.ts';
import { createDispatcher } from './dispatcher.ts';
import type { Dispatcher, DispatcherOptions } from './dispatcher.ts';
import { seedAgreements, seedDemoEnrolments } from './exchange-seed.ts';
import { createExchangeMetrics } from './exchange.metrics.ts';
import * as repo from './exchange.repository.ts';
import type { Subscriber, Transport } from './exchange.types.ts';
import { createInProcessTransport } from './in-process-transport.ts';
import { createOutboxPublisher } from './outbox.ts';
import { listCopies } from './subscriber.repository.ts';

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
  enrolments(personId: string): ReturnType<typeof repo.listEnrolmentsForPerson>;
  enrol(personId: string, programmeId: string, since: string): Promise<string>;
  agencyCopies(personId: string): ReturnType<typeof listCopies>;
  seedAgreements(): ReturnType<typeof seedAgreements>;
  seedDemoEnrolments(asOf: Date): Promise<number>;
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
  /** Defaults to the embedded in-process transport; `createNatsTransport` when NATS_URL is set. */
  transport?: (
    confirm: (deliveryId: string) => Promise<void>,
    subscriberFor: (agencyId: string) => Subscriber,
  ) => Transport;
  subscriberFor?: (agencyId: string) => Subscriber;
  dispatcher?: DispatcherOptions;
}

export function createExchange(deps: ExchangeDependencies): Exchange {
  const metrics = createExchangeMetrics(deps.metrics);
  const defaultSubscriber = createAgencySubscriber(deps.db, deps.clock);
  const subscriberFor = deps.subscriberFor ?? (() => defaultSubscriber);
  // The broker transport confirms deliveries through the dispatcher, which needs the transport first.
  const late: { dispatcher?: Dispatcher } = {};
  const confirm = (deliveryId: string) => late.dispatcher?.confirm(deliveryId) ?? Promise.resolve();
  const transport = deps.transport
    ? deps.transport(confirm, subscriberFor)
    : createInProcessTransport(subscriberFor);
  const active = createDispatcher(deps.db, transport, metrics, deps.clock, deps.dispatcher);
  late.dispatcher = active;
  return {
    publisher: createOutboxPublisher(deps.crypto.cipher, metrics, () => active.wake()),
    dispatcher: active,
    transport,
    consents: createConsentService(deps.db, deps.audit, deps.clock),
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
    enrolments: (personId) => repo.listEnrolmentsForPerson(db, personId),
    enrol: (personId, programmeId, since) => repo.insertEnrolment(db, personId, programmeId, since),
    agencyCopies: (personId) => listCopies(db, personId),
    seedAgreements: () => seedAgreements(db),
    seedDemoEnrolments: (asOf) => seedDemoEnrolments(db, asOf),
  };
}
