/**
 * Sharing: information-sharing agreements, the person's consents, and tell-us-once delivery of each change
 * to the agencies allowed to know (transactional outbox, dispatcher, in-process or NATS JetStream transport).
 */
export const exchangeLocales = new URL('./locales/', import.meta.url);

export { createExchange } from './exchange.service.ts';
export type {
  Exchange,
  ExchangeService,
  ExchangeDependencies,
  DeliveryView,
  Bilingual,
} from './exchange.service.ts';
export type { ConsentService, ConsentView, ConsentOffer } from './consent.service.ts';
export type { Dispatcher, DispatcherOptions, DispatchReport } from './dispatcher.ts';
export type { DeliveryMessage, Subscriber, Transport } from './exchange.types.ts';
export { SubscriberUnavailableError } from './exchange.types.ts';
export type { InProcessTransport } from './in-process-transport.ts';
export { connectNatsTransport } from './nats-transport.ts';
export type { NatsOptions, TransportFactory } from './nats-transport.ts';
export { registerExchangeRoutes, exchangeNotices } from './exchange.routes.ts';
export { exchangePaths } from './exchange.paths.ts';
export { deliveriesTable } from './views/exchange.views.ts';
export type { Crumb } from './views/exchange.views.ts';
export { deleteConsentsOf } from './consent.repository.ts';
export { seedAgreements } from './exchange-seed.ts';
export { exchangeEncryptedColumns } from './exchange.tables.ts';
export { linkNats, TransportUnavailableError } from './nats-link.ts';
export type { NatsLink, NatsLinkState } from './nats-link.ts';
