import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { connect } from 'nats';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { TestDatabase } from '../../test/support/databases.ts';
import { ADDRESS, createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { createAgencySubscriber } from '../stand-ins/partner-agencies/agency-subscriber.ts';
import type { Subscriber } from './exchange.types.ts';
import { connectNatsTransport } from './nats-transport.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

async function natsUnavailableReason(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000 });
    await (await nc.jetstreamManager()).getAccountInfo();
    await nc.close();
    return null;
  } catch (error) {
    return `NATS JetStream not reachable at ${NATS_URL} (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for deliveries');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const reason = await natsUnavailableReason();

describe('tell-us-once over NATS JetStream', { skip: reason ?? false }, () => {
  const suffix = randomBytes(4).toString('hex');
  const stream = `GUICHET_TEST_${suffix}`;
  let test_db: TestDatabase;
  let h: RegistryHarness;
  let craDown = false;

  before(async () => {
    test_db = await openTestDatabase('pglite');
    const factory = await connectNatsTransport(NATS_URL, {
      stream,
      subjectPrefix: `test${suffix}.exchange`,
      retryDelayMs: 100,
    });
    let real: Subscriber | undefined;
    h = await createHarness(test_db.database, {
      transport: factory,
      subscriberFor: (agencyId) => ({
        apply: (message) => {
          if (agencyId === 'cra' && craDown) return Promise.reject(new Error('CRA is down'));
          real ??= createAgencySubscriber(h.db, h.clock);
          return real.apply(message);
        },
      }),
    });
  });

  after(async () => {
    await h.exchange.transport.close();
    const nc = await connect({ servers: NATS_URL });
    await (await nc.jetstreamManager()).streams.delete(stream).catch(() => false);
    await nc.close();
    await test_db.dispose();
  });

  test('a change travels through JetStream to every subscriber and is confirmed in the outbox', async () => {
    const personId = await createPerson(h);
    for (const programme of ['oas', 'gis', 'ccb'])
      await h.person.enrolments.enrol(personId, programme, '2025-01-01');
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    const report = await h.exchange.dispatcher.drain();
    assert.equal(report.accepted, 4);
    await waitUntil(async () =>
      (await h.exchange.service.whoWasTold(personId)).every((r) => r.status === 'delivered'),
    );
    assert.deepEqual(
      (await h.agencyCopies(personId)).map((c) => c.recipient_agency_id),
      ['cra', 'esdc'],
    );
  });

  test('a subscriber that is down is redelivered by JetStream until it applies the change', async () => {
    const personId = await createPerson(h);
    await h.person.enrolments.enrol(personId, 'ccb', '2025-01-01');
    craDown = true;
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.exchange.dispatcher.drain();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok((await h.exchange.service.whoWasTold(personId)).every((r) => r.status === 'sent'));
    craDown = false;
    await waitUntil(async () =>
      (await h.exchange.service.whoWasTold(personId)).every((r) => r.status === 'delivered'),
    );
    assert.equal((await h.agencyCopies(personId))[0]?.applied_count, 1);
  });
});
