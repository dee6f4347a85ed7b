import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { claimDue, countByStatus, markRetry, markWithheld } from './delivery.repository.ts';
import type { DeliveryRow } from './delivery.repository.ts';
import type { ExchangeMetrics } from './exchange.metrics.ts';
import type { DeliveryMessage, Transport } from './exchange.types.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import { loadSharingPolicy } from './sharing-policy.ts';

export interface DispatcherOptions {
  batchSize?: number;
  /** How long a claimed delivery waits for its acknowledgement before it is sent again. */
  leaseMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  pollMs?: number;
}

export interface DispatchReport {
  claimed: number;
  delivered: number;
  accepted: number;
  retried: number;
  withheld: number;
}

export interface Dispatcher {
  runOnce(): Promise<DispatchReport>;
  /** Runs until nothing is due (or `maxRounds`), for tests, the CLI and benchmarks. */
  drain(maxRounds?: number): Promise<DispatchReport>;
  start(): void;
  wake(): void;
  stop(): Promise<void>;
}

/**
 * At-least-once delivery from the outbox. A delivery is claimed with a lease, sent, and marked delivered
 * only once the subscriber has applied it; a failure is retried with exponential back-off and never
 * dropped. Consent and the agreement are checked again just before sending, so a revocation or an
 * expiry stops sharing immediately, even for deliveries already queued.
 */
export function createDispatcher(
  db: Kysely<DB>,
  transport: Transport,
  ledger: DeliveryLedger,
  metrics: ExchangeMetrics,
  clock: () => Date,
  options: DispatcherOptions = {},
): Dispatcher {
  const settings = {
    batchSize: 200,
    leaseMs: 30_000,
    baseBackoffMs: 1_000,
    maxBackoffMs: 300_000,
    pollMs: 500,
    ...options,
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let wakeRequested = false;
  let stopped = true;

  async function runOnce(): Promise<DispatchReport> {
    const now = clock();
    const claimed = await claimDue(db, now, new Date(now.getTime() + settings.leaseMs), settings.batchSize);
    const report: DispatchReport = {
      claimed: claimed.length,
      delivered: 0,
      accepted: 0,
      retried: 0,
      withheld: 0,
    };
    if (claimed.length === 0) return report;
    const policy = await loadSharingPolicy(
      db,
      claimed.map((d) => d.person_id),
      now,
    );
    const delivered: DeliveryRow[] = [];
    const allowed: DeliveryRow[] = [];
    for (const delivery of claimed) {
      const refusal = policy.refusal(delivery.agreement_id, delivery.person_id);
      if (refusal === null) allowed.push(delivery);
      else await withhold(delivery, refusal, report);
    }
    const groups = transport.sendBatch ? groupByAgency(allowed) : allowed.map((delivery) => [delivery]);
    await Promise.all(groups.map((group) => dispatchGroup(group, delivered, report)));
    await ledger.recordDelivered(delivered);
    await refreshGauge();
    return report;
  }

  async function withhold(delivery: DeliveryRow, reason: string, report: DispatchReport): Promise<void> {
    await markWithheld(db, delivery.id, reason);
    metrics.outcomes.inc({ outcome: 'withheld', transport: transport.name });
    report.withheld += 1;
  }

  async function dispatchGroup(
    group: DeliveryRow[],
    delivered: DeliveryRow[],
    report: DispatchReport,
  ): Promise<void> {
    const messages = group.map(toMessage);
    try {
      const outcome =
        transport.sendBatch && group.length > 1
          ? await transport.sendBatch(messages)
          : await sendOne(messages[0]);
      if (outcome === 'delivered') delivered.push(...group);
      metrics.outcomes.inc({ outcome, transport: transport.name }, group.length);
      report[outcome] += group.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const delivery of group) {
        const wait = backoff(delivery.attempts, settings.baseBackoffMs, settings.maxBackoffMs);
        await markRetry(db, delivery.id, new Date(clock().getTime() + wait), reason);
      }
      metrics.outcomes.inc({ outcome: 'retry', transport: transport.name }, group.length);
      report.retried += group.length;
    }
  }

  function sendOne(message: DeliveryMessage | undefined): Promise<'delivered' | 'accepted'> {
    if (!message) return Promise.resolve('delivered');
    return transport.send(message);
  }

  let gaugeAt = 0;
  // Counting the outbox is not free: at most every few seconds, however busy the dispatcher is.
  async function refreshGauge(): Promise<void> {
    if (Date.now() - gaugeAt < 5_000) return;
    gaugeAt = Date.now();
    metrics.undelivered.reset();
    for (const row of await countByStatus(db)) {
      if (row.status === 'pending' || row.status === 'sent')
        metrics.undelivered.set({ status: row.status }, Number(row.count));
    }
  }

  async function drain(maxRounds = 10_000): Promise<DispatchReport> {
    const total: DispatchReport = { claimed: 0, delivered: 0, accepted: 0, retried: 0, withheld: 0 };
    for (let round = 0; round < maxRounds; round++) {
      const report = await runOnce();
      for (const key of Object.keys(total) as (keyof DispatchReport)[]) total[key] += report[key];
      if (report.claimed === 0) break;
    }
    return total;
  }

  function loop(): void {
    if (stopped) return;
    wakeRequested = false;
    running = drain(50)
      .catch(() => undefined) // a database hiccup: the next round retries; nothing is lost from the outbox
      .finally(() => {
        running = undefined;
        // unref: a forgotten app in a test never keeps the process alive.
        if (!stopped) timer = setTimeout(loop, wakeRequested ? 0 : settings.pollMs).unref();
      });
  }

  return {
    runOnce,
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    wake() {
      if (stopped) return;
      if (running) {
        wakeRequested = true;
        return;
      }
      clearTimeout(timer);
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Exponential back-off with ±20% jitter, so a partner coming back up is not hit by every retry at once. */
export function backoff(attempts: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

function groupByAgency(deliveries: readonly DeliveryRow[]): DeliveryRow[][] {
  const groups = new Map<string, DeliveryRow[]>();
  for (const delivery of deliveries) {
    const group = groups.get(delivery.recipient_agency_id) ?? [];
    group.push(delivery);
    groups.set(delivery.recipient_agency_id, group);
  }
  return [...groups.values()];
}

function toMessage(delivery: DeliveryRow): DeliveryMessage {
  return {
    deliveryId: delivery.id,
    changeId: delivery.change_id,
    personId: delivery.person_id,
    element: delivery.element,
    version: delivery.version,
    agreementId: delivery.agreement_id,
    recipientAgencyId: delivery.recipient_agency_id,
    enrolmentId: delivery.enrolment_id,
    payloadCiphertext: delivery.payload_ciphertext,
    occurredAt: delivery.created_at.toISOString(),
  };
}
