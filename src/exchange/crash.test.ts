import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import {
  describeOnBothDatabases,
  postgresUnavailableReason,
  TEST_POSTGRES_URL,
} from '../../test/support/databases.ts';
import { dropSchema, openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { ADDRESS, createHarness, createPerson, selfService } from '../../test/support/person-harness.ts';
import type { RegistryHarness } from '../../test/support/person-harness.ts';
import { createExchange } from './exchange.service.ts';
import { subscriberThatThen } from '../../test/support/exchange-faults.ts';
import { createMetrics } from '../platform/observability/metrics.ts';

const PEOPLE = 6;

/** Six people on OAS, GIS and the CCB each move: 6 × 4 deliveries (three enrolments and CRA's tax record). */
async function queueChanges(h: RegistryHarness): Promise<string[]> {
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const personId = await createPerson(h);
    for (const programme of ['oas', 'gis', 'ccb'])
      await h.person.enrolments.enrol(personId, programme, '2025-01-01');
    await h.registry.changeAddress(personId, ADDRESS, selfService(personId));
    await h.registry.changeAddress(
      personId,
      { ...ADDRESS, line1: '80 Wellington St', postalCode: 'K1A 0A2' },
      selfService(personId),
    );
    people.push(personId);
  }
  return people;
}

/** Every change reached every subscriber exactly once in effect: newest version held, applied once. */
async function assertFullyPropagated(h: RegistryHarness, people: string[]): Promise<void> {
  const deliveries = await h.db.selectFrom('outbox_delivery').select(['status']).execute();
  assert.equal(deliveries.length, PEOPLE * 2 * 4);
  assert.ok(deliveries.every((d) => d.status === 'delivered'));
  for (const personId of people) {
    const copies = await h.agencyCopies(personId);
    assert.deepEqual(
      copies.map((c) => [c.recipient_agency_id, c.version]),
      [
        ['cra', 2],
        ['esdc', 2],
      ],
    );
    // Two versions per agency: the first insert plus one newer version; redeliveries added nothing.
    assert.ok(
      copies.every((c) => c.applied_count === 2),
      JSON.stringify(copies.map((c) => c.applied_count)),
    );
  }
  const receipts = await h.db
    .selectFrom('agency_receipt')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(receipts.n), PEOPLE * 2 * 4);
}

describeOnBothDatabases('a dispatcher dying mid-propagation', (database) => {
  let h: RegistryHarness;
  before(async () => {
    h = await createHarness(database());
  });

  test('after restart every change reaches every subscriber, and applying twice changes nothing', async () => {
    const people = await queueChanges(h);
    // The process "dies" here: messages applied by subscribers, never recorded as delivered.
    const dying = subscriberThatThen(h.wiring.subscriberFor('every-agency'), (applied) =>
      applied > 9 ? new Promise<void>(() => undefined) : undefined,
    );
    const doomed = createExchange({
      db: h.db,
      audit: h.audit,
      crypto: h.crypto,
      metrics: createMetrics(),
      clock: h.clock,
      ...h.wiring,
      subscriberFor: () => dying,
      dispatcher: { batchSize: 5 },
    });
    void doomed.dispatcher.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const delivered = await h.db
      .selectFrom('outbox_delivery')
      .select('id')
      .where('status', '=', 'delivered')
      .execute();
    assert.ok(delivered.length < PEOPLE * 8, 'the crash left deliveries unrecorded');
    h.clock.now = new Date(h.clock.now.getTime() + 60_000); // past the 30-second lease of the dead dispatcher
    const restarted = createExchange({
      db: h.db,
      audit: h.audit,
      crypto: h.crypto,
      metrics: createMetrics(),
      clock: h.clock,
      ...h.wiring,
    });
    await restarted.dispatcher.drain();
    await assertFullyPropagated(h, people);
  });
});

test('a real process killed with SIGKILL mid-propagation loses nothing (PostgreSQL)', async (t) => {
  const reason = await postgresUnavailableReason();
  if (reason) return t.skip(reason);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: TEST_POSTGRES_URL, dataDir: null }, { schema });
  try {
    await migrateToLatest(database.db);
    const h = await createHarness(database);
    h.clock.now = new Date(Date.now() - 60_000);
    const people = await queueChanges(h);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('../../test/support/exchange-crash-child.ts', import.meta.url).pathname,
        TEST_POSTGRES_URL,
        schema,
        '11',
      ],
      { stdio: 'inherit' },
    );
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    assert.equal(signal, 'SIGKILL');
    const undelivered = await h.db
      .selectFrom('outbox_delivery')
      .select('id')
      .where('status', '!=', 'delivered')
      .execute();
    assert.ok(undelivered.length > 0);
    h.clock.now = new Date(Date.now() + 60_000);
    await h.exchange.dispatcher.drain();
    await assertFullyPropagated(h, people);
  } finally {
    await database.close();
    await dropSchema(TEST_POSTGRES_URL, schema);
  }
});
