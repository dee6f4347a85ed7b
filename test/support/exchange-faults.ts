import type { DeliveryMessage, Subscriber } from '../../src/exchange/index.ts';

/**
 * A partner agency's system that applies each message, then runs `afterApplied` before answering: where a
 * test makes the sender die, the worst moment (applied by the agency, not yet recorded as delivered).
 */
export function subscriberThatThen(
  inner: Subscriber,
  afterApplied: (appliedSoFar: number) => Promise<void> | void,
): Subscriber {
  let applied = 0;
  const after = async (messages: readonly DeliveryMessage[]) => {
    for (const _message of messages) await afterApplied(++applied);
  };
  return {
    async apply(message) {
      await inner.apply(message);
      await after([message]);
    },
    async applyBatch(messages) {
      if (inner.applyBatch) await inner.applyBatch(messages);
      else for (const message of messages) await inner.apply(message);
      await after(messages);
    },
  };
}
