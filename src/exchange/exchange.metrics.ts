import { Counter, Gauge, Histogram } from 'prom-client';
import type { Metrics } from '../platform/observability/metrics.ts';

export interface ExchangeMetrics {
  readonly queued: Counter<'element'>;
  readonly outcomes: Counter<'outcome' | 'transport'>;
  readonly latency: Histogram<'transport'>;
  readonly undelivered: Gauge<'status'>;
}

/** Registered on the application's own registry, so `/metrics` shows the tell-us-once queue. */
export function createExchangeMetrics(metrics: Metrics): ExchangeMetrics {
  const registers = [metrics.registry];
  return {
    queued: new Counter({
      name: 'guichet_exchange_deliveries_queued_total',
      help: 'Deliveries written to the outbox',
      labelNames: ['element'],
      registers,
    }),
    outcomes: new Counter({
      name: 'guichet_exchange_delivery_attempts_total',
      help: 'Delivery attempts by outcome (delivered, accepted, retry, withheld)',
      labelNames: ['outcome', 'transport'],
      registers,
    }),
    latency: new Histogram({
      name: 'guichet_exchange_delivery_latency_seconds',
      help: 'From the change being committed to the subscriber applying it',
      labelNames: ['transport'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
      registers,
    }),
    undelivered: new Gauge({
      name: 'guichet_exchange_undelivered',
      help: 'Deliveries not yet delivered, by status',
      labelNames: ['status'],
      registers,
    }),
  };
}
