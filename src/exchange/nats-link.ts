import { connectNatsTransport } from './nats-transport.ts';
import type { NatsOptions, TransportFactory } from './nats-transport.ts';
import type { DeliveryMessage, Subscriber, Transport } from './exchange.types.ts';

export type NatsLinkState = 'connected' | 'connecting' | 'disconnected';

/** NATS for tell-us-once, reached in the background: the service starts and runs without it. */
export interface NatsLink {
  readonly transport: TransportFactory;
  state(): NatsLinkState;
  /** Why the last attempt failed, without addresses or credentials. */
  lastError(): string | null;
}

export class TransportUnavailableError extends Error {
  constructor() {
    super('NATS is not connected: the delivery waits in the outbox');
    this.name = 'TransportUnavailableError';
  }
}

export interface NatsLinkOptions extends Omit<NatsOptions, 'onConnectionChange'> {
  /** Wait between attempts to connect while NATS cannot be reached. */
  readonly retryMs?: number;
  readonly onStateChange?: (state: NatsLinkState, error: string | null) => void;
  /** Tests put a failing or slow connection in. */
  readonly connect?: typeof connectNatsTransport;
}

/**
 * Degrade, don't die: while NATS is down (at start or later) deliveries fail to send and wait in the
 * outbox with back-off, the dispatcher keeps its schedule, and health reports `warn`. Once connected, the
 * NATS client reconnects by itself; every delivery the outbox still holds is sent again.
 */
export function linkNats(url: string, options: NatsLinkOptions = {}): NatsLink {
  const { retryMs = 5_000, onStateChange, connect = connectNatsTransport, ...nats } = options;
  let state: NatsLinkState = 'connecting';
  let error: string | null = null;
  const setState = (next: NatsLinkState, why: string | null) => {
    state = next;
    error = why;
    onStateChange?.(next, why);
  };
  let inner: Transport | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = Promise.resolve();
  let wiring: { confirm: (id: string) => Promise<void>; subscriberFor: (id: string) => Subscriber } | null =
    null;

  const attempt = async (): Promise<void> => {
    try {
      const factory = await connect(url, {
        ...nats,
        onConnectionChange: (connected) => setState(connected ? 'connected' : 'disconnected', null),
      });
      if (!wiring) return;
      inner = factory(wiring.confirm, wiring.subscriberFor);
      if (closed) await inner.close();
      else setState('connected', null);
    } catch (cause) {
      setState('disconnected', cause instanceof Error ? cause.name : 'Error');
      if (!closed) {
        timer = setTimeout(() => (pending = attempt()), retryMs);
        timer.unref();
      }
    }
  };

  const transport: TransportFactory = (confirm, subscriberFor) => {
    wiring = { confirm, subscriberFor };
    pending = attempt();
    return {
      name: 'nats',
      async send(message: DeliveryMessage) {
        if (!inner || state !== 'connected') throw new TransportUnavailableError();
        return inner.send(message);
      },
      async close() {
        closed = true;
        clearTimeout(timer);
        await pending;
        await inner?.close();
      },
    };
  };
  return { transport, state: () => state, lastError: () => error };
}
