import { AckPolicy, DeliverPolicy, JSONCodec, RetentionPolicy, StorageType, connect, nanos } from 'nats';
import type { ConsumerMessages, JetStreamClient, JsMsg, NatsConnection } from 'nats';
import type { DeliveryMessage, Subscriber, Transport } from './exchange.types.ts';

export interface NatsOptions {
  /** Stream and subject prefix; tests use their own so runs never meet. */
  stream?: string;
  subjectPrefix?: string;
  /** Unacknowledged messages are redelivered after this long. */
  ackWaitMs?: number;
  /** Back-off before JetStream redelivers a message the subscriber could not apply. */
  retryDelayMs?: number;
  /** Told when the connection drops and when it comes back (the client reconnects on its own, forever). */
  onConnectionChange?: (connected: boolean) => void;
}

export type TransportFactory = (
  confirm: (deliveryId: string) => Promise<void>,
  subscriberFor: (agencyId: string) => Subscriber,
) => Transport;

const codec = JSONCodec<DeliveryMessage>();

/**
 * Tell-us-once over NATS JetStream. The dispatcher publishes each delivery with its id as `Nats-Msg-Id`
 * (JetStream drops duplicates inside its window); a durable consumer applies it through the agency's
 * subscriber, confirms it to the outbox, then acknowledges. A message not acknowledged is redelivered,
 * and the outbox re-publishes anything never confirmed, so nothing is lost on either side.
 */
export async function connectNatsTransport(
  url: string,
  options: NatsOptions = {},
): Promise<TransportFactory> {
  const settings = {
    stream: 'GUICHET_EXCHANGE',
    subjectPrefix: 'guichet.exchange',
    ackWaitMs: 30_000,
    retryDelayMs: 1_000,
    ...options,
  };
  const nc = await connect({ servers: url, name: 'guichet-exchange', maxReconnectAttempts: -1 });
  if (options.onConnectionChange) void watchConnection(nc, options.onConnectionChange);
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({
    name: settings.stream,
    subjects: [`${settings.subjectPrefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(7 * 86_400_000),
    duplicate_window: nanos(120_000),
  });
  const durable = `${settings.stream.toLowerCase()}-subscribers`;
  await jsm.consumers.add(settings.stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: -1,
  });
  const js = nc.jetstream();
  return (confirm, subscriberFor) => {
    const consuming = startConsuming(
      js,
      settings.stream,
      durable,
      async (message) => {
        await subscriberFor(message.recipientAgencyId).apply(message);
        await confirm(message.deliveryId);
      },
      settings.retryDelayMs,
    );
    return {
      name: 'nats',
      async send(message) {
        await js.publish(`${settings.subjectPrefix}.${message.recipientAgencyId}`, codec.encode(message), {
          msgID: message.deliveryId,
        });
        return 'accepted';
      },
      close: () => closeAll(nc, consuming),
    };
  };
}

function startConsuming(
  js: JetStreamClient,
  stream: string,
  durable: string,
  handle: (message: DeliveryMessage) => Promise<void>,
  retryDelayMs: number,
): Promise<ConsumerMessages> {
  return (async () => {
    const consumer = await js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 256 });
    void (async () => {
      for await (const msg of messages) void process(msg);
    })();
    return messages;
  })();

  async function process(msg: JsMsg): Promise<void> {
    try {
      await handle(codec.decode(msg.data));
      msg.ack();
    } catch {
      msg.nak(retryDelayMs); // the subscriber is down or the outbox unreachable: try again later
    }
  }
}

async function watchConnection(nc: NatsConnection, onChange: (connected: boolean) => void): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') onChange(false);
    else if (status.type === 'reconnect') onChange(true);
  }
}

async function closeAll(nc: NatsConnection, consuming: Promise<ConsumerMessages>): Promise<void> {
  const messages = await consuming.catch(() => null);
  await messages?.close().catch(() => undefined);
  await nc.drain().catch(() => undefined);
}
