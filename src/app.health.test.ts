import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildApp } from './app.ts';
import type { GuichetApp } from './app.ts';
import { loadReferenceData } from './catalogue/index.ts';
import { testConfig } from './platform/config/config.ts';
import type { Config } from './platform/config/config.ts';
import { openDatabase } from './platform/db/database.ts';
import type { Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { startOpsServer } from './platform/observability/ops.ts';
import { ADDRESS, selfService } from '../test/support/person-harness.ts';

/** A port nothing listens on: NATS "down" from the first moment. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

async function start(config: Config): Promise<{ guichet: GuichetApp; database: Database }> {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateToLatest(database.db);
  const guichet = await buildApp({ config, database });
  await guichet.services.catalogue.seedReferenceData(loadReferenceData());
  await guichet.services.exchange.service.seedAgreements();
  await guichet.app.ready();
  return { guichet, database };
}

type Health = { status: string; checks?: Record<string, { status: string; output?: string }[]> };

describe('degrade, do not die: NATS down at start', () => {
  let guichet: GuichetApp;
  let database: Database;
  before(async () => {
    ({ guichet, database } = await start(testConfig({ natsUrl: `nats://127.0.0.1:${await closedPort()}` })));
  });
  after(async () => {
    await guichet.app.close();
    await database.close();
  });

  it('the server runs, is ready, reports NATS as warn and keeps changes in the outbox', async () => {
    assert.equal((await guichet.app.inject({ url: '/ready' })).statusCode, 200);
    const health = await guichet.app.inject({ url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.match(String(health.headers['content-type']), /application\/health\+json/);
    const body = health.json<Health>();
    assert.equal(body.status, 'warn');
    assert.equal(body.checks?.['database:responseTime']?.[0]?.status, 'pass');
    assert.equal(body.checks?.['nats:connection']?.[0]?.status, 'warn');

    const personId = randomUUID();
    const householdId = randomUUID();
    await database.db
      .insertInto('household')
      .values({ id: householdId, province_code: 'ON', is_demo: true })
      .execute();
    await database.db
      .insertInto('person')
      .values({
        id: personId,
        household_id: householdId,
        given_name: 'Alex',
        family_name: 'Tremblay',
        birth_date: '1950-04-12',
        preferred_language: 'en',
        marital_status: 'single',
        is_demo: true,
      })
      .execute();
    await guichet.services.person.enrolments.enrol(personId, 'oas', '2025-01-01');
    await guichet.services.person.record.changeAddress(personId, ADDRESS, selfService(personId));
    // The running dispatcher tries, cannot reach NATS, and leaves the delivery in the outbox for later.
    const outbox = () =>
      database.db
        .selectFrom('outbox_delivery')
        .select(['status', 'attempts', 'last_error'])
        .where('person_id', '=', personId)
        .execute();
    let waiting = await outbox();
    for (let tries = 0; tries < 50 && !waiting.every((row) => row.last_error !== null); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      waiting = await outbox();
    }
    assert.ok(waiting.length >= 1);
    assert.ok(
      waiting.every(
        (row) => row.status === 'pending' && row.attempts >= 1 && /NATS/.test(row.last_error ?? ''),
      ),
      JSON.stringify(waiting),
    );
  });
});

describe('operations endpoints: a token or their own port', () => {
  const token = randomBytes(24).toString('hex');
  let withToken: { guichet: GuichetApp; database: Database };
  let withPort: { guichet: GuichetApp; database: Database };
  before(async () => {
    withToken = await start(testConfig({ ops: { port: null, host: '127.0.0.1', token } }));
    withPort = await start(testConfig({ ops: { port: 0, host: '127.0.0.1', token: null } }));
  });
  after(async () => {
    for (const { guichet, database } of [withToken, withPort]) {
      await guichet.app.close();
      await database.close();
    }
  });

  it('refuses /metrics and hides health details without the bearer token', async () => {
    const { app } = withToken.guichet;
    const refused = await app.inject({ url: '/metrics' });
    assert.equal(refused.statusCode, 401);
    assert.doesNotMatch(refused.body, /guichet_http/);
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const summary = (await app.inject({ url: '/health' })).json<Health>();
    assert.equal(summary.status, 'pass');
    assert.equal(summary.checks, undefined);
    const authorization = `Bearer ${token}`;
    const metrics = await app.inject({ url: '/metrics', headers: { authorization } });
    assert.equal(metrics.statusCode, 200);
    assert.match(metrics.body, /guichet_http_request_duration_seconds/);
    const detailed = (await app.inject({ url: '/health', headers: { authorization } })).json<Health>();
    assert.equal(detailed.checks?.['database:responseTime']?.[0]?.status, 'pass');
  });

  it('with OPS_PORT, /metrics is absent from the public port and served on the operators’ port', async () => {
    const { app, ops } = withPort.guichet;
    assert.equal((await app.inject({ url: '/metrics' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/health' })).json<Health>().checks, undefined);
    assert.equal((await app.inject({ url: '/ready' })).statusCode, 200);
    const server = await startOpsServer({ port: 0, host: '127.0.0.1', token: null }, ops);
    try {
      const metrics = await fetch(`${server.url}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(await metrics.text(), /guichet_http_request_duration_seconds/);
      const health = (await (await fetch(`${server.url}/health`)).json()) as Health;
      assert.equal(health.checks?.['database:responseTime']?.[0]?.status, 'pass');
    } finally {
      await server.close();
    }
  });
});
