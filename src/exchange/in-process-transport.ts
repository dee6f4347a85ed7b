import type { Subscriber, Transport } from './exchange.types.ts';
import { SubscriberUnavailableError } from './exchange.types.ts';

export interface InProcessTransport extends Transport {
  /** Simulates a partner system going down or coming back (tests, demos). */
  setAvailable(agencyId: string, available: boolean): void;
}

/** The embedded default: hands each message straight to the subscriber and waits until it is applied. */
export function createInProcessTransport(
  subscriberFor: (agencyId: string) => Subscriber,
): InProcessTransport {
  const down = new Set<string>();
  return {
    name: 'in-process',
    async send(message) {
      if (down.has(message.recipientAgencyId))
        throw new SubscriberUnavailableError(message.recipientAgencyId);
      await subscriberFor(message.recipientAgencyId).apply(message);
      return 'delivered';
    },
    async sendBatch(messages) {
      const agencyId = messages[0]?.recipientAgencyId ?? '';
      if (down.has(agencyId)) throw new SubscriberUnavailableError(agencyId);
      const subscriber = subscriberFor(agencyId);
      if (subscriber.applyBatch) await subscriber.applyBatch(messages);
      else for (const message of messages) await subscriber.apply(message);
      return 'delivered';
    },
    setAvailable(agencyId, available) {
      if (available) down.delete(agencyId);
      else down.add(agencyId);
    },
    close: () => Promise.resolve(),
  };
}
