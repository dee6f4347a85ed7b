import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { findDelivery, markDelivered } from './delivery.repository.ts';
import type { DeliveryRow } from './delivery.repository.ts';
import type { ExchangeMetrics } from './exchange.metrics.ts';

/**
 * Records that subscribers applied deliveries: after the dispatcher sent them itself, or when a broker's
 * consumer confirms one later. Both the dispatcher and the broker transport write through it.
 */
export interface DeliveryLedger {
  /** One UPDATE for the whole batch: the subscribers have applied these, so only the bookkeeping is left. */
  recordDelivered(rows: readonly Pick<DeliveryRow, 'id' | 'created_at'>[]): Promise<void>;
  /** A subscriber's confirmation that arrived through a broker. */
  confirm(deliveryId: string): Promise<void>;
}

export function createDeliveryLedger(
  db: Kysely<DB>,
  metrics: ExchangeMetrics,
  clock: () => Date,
  transportName: string,
): DeliveryLedger {
  async function recordDelivered(rows: readonly Pick<DeliveryRow, 'id' | 'created_at'>[]): Promise<void> {
    if (rows.length === 0) return;
    const at = clock();
    const updated = new Set(
      await markDelivered(
        db,
        rows.map((row) => row.id),
        at,
      ),
    );
    for (const row of rows) {
      if (updated.has(row.id))
        metrics.latency.observe(
          { transport: transportName },
          Math.max(0, at.getTime() - row.created_at.getTime()) / 1000,
        );
    }
  }
  return {
    recordDelivered,
    async confirm(deliveryId) {
      const row = await findDelivery(db, deliveryId);
      if (row) await recordDelivered([row]);
    },
  };
}
