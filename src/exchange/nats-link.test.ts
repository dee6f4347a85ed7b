import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkNats, TransportUnavailableError } from './nats-link.ts';
import type { TransportFactory } from './nats-transport.ts';
import type { DeliveryMessage } from './exchange.types.ts';

const message = { deliveryId: 'd1', recipientAgencyId: 'cra' } as unknown as DeliveryMessage;

test('NATS unreachable at start: sends are refused (the outbox keeps them) until it connects, then go through', async () => {
  let attempts = 0;
  let dropped: ((connected: boolean) => void) | undefined;
  const sent: string[] = [];
  const states: string[] = [];
  const link = linkNats('nats://127.0.0.1:1', {
    retryMs: 10,
    onStateChange: (state) => states.push(state),
    connect: async (_url, options) => {
      if (++attempts < 3) throw new Error('ECONNREFUSED');
      dropped = options?.onConnectionChange;
      const factory: TransportFactory = () => ({
        name: 'nats',
        send: async (m) => {
          sent.push(m.deliveryId);
          return 'accepted';
        },
        close: async () => undefined,
      });
      return factory;
    },
  });
  const transport = link.transport(
    async () => undefined,
    () => ({ apply: async () => undefined }),
  );
  try {
    await assert.rejects(transport.send(message), TransportUnavailableError);
    assert.notEqual(link.state(), 'connected');
    for (let i = 0; i < 100 && link.state() !== 'connected'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(link.state(), 'connected');
    assert.equal(await transport.send(message), 'accepted');
    assert.deepEqual(sent, ['d1']);
    // Later, the connection drops: sends wait in the outbox again until the client reconnects.
    dropped?.(false);
    assert.equal(link.state(), 'disconnected');
    await assert.rejects(transport.send(message), TransportUnavailableError);
    dropped?.(true);
    assert.equal(await transport.send(message), 'accepted');
    assert.ok(states.includes('disconnected') && states.at(-1) === 'connected');
  } finally {
    await transport.close();
  }
});
