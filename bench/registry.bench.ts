// Registry and tell-us-once benchmarks, on PostgreSQL and PGlite.
//   npx tsx bench/registry.bench.ts [--database pglite|postgres] [--people 2000] [--changes 4000] [--seconds 10]
// 1. "My profile" over real HTTP (fetch → Fastify → session → service → audit → HTML) for 50 signed-in users,
//    each with a real server-side session. The clients run on their own thread (bench/support/http-load.ts).
//    Two loads: every user asks again the moment a page arrives (saturation), and every user reads each page
//    for `--think-ms` (default 1000) before the next (50 people using the service at once).
// 2. One address change, committed and delivered to 5 subscribers (OAS, GIS, CCB, Ontario Works, CRA), p99.
// 3. Propagation throughput: a backlog of address changes drained by the dispatcher(s).
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database, DatabaseKind } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { personSession } from '../test/support/identity/sessions.ts';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../src/platform/worker-entry.ts';
import { createExchange } from '../src/exchange/index.ts';
import { createEnrolmentService } from '../src/person/index.ts';
import { seedDemoEnrolments } from '../src/population/index.ts';
import { createAgencySubscriber } from '../src/stand-ins/partner-agencies/index.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    people: { type: 'string', default: '2000' },
    changes: { type: 'string', default: '4000' },
    seconds: { type: 'string', default: '10' },
    dispatchers: { type: 'string', default: '4' },
    'think-ms': { type: 'string', default: '1000' },
  },
});
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kinds: DatabaseKind[] = values.database ? [values.database as DatabaseKind] : ['postgres', 'pglite'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function open(kind: DatabaseKind): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    return { database, dispose: () => database.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: postgresUrl, dataDir: null }, { schema });
  return { database, dispose: async () => (await database.close(), await dropSchema(postgresUrl, schema)) };
}

const ADDRESS = {
  kind: 'residential' as const,
  line1: '1 Bench St',
  line2: null,
  city: 'Toronto',
  provinceCode: 'ON' as const,
  postalCode: 'M5V 2T6',
  effectiveFrom: '2026-03-01',
};
const selfService = (personId: string) => ({
  actor: { type: 'person' as const, id: personId },
  channel: 'online' as const,
  purpose: 'self-service',
  correlationId: randomUUID(),
});

/** People on OAS, GIS, CCB and Ontario Works (with consent), each with an address, contact and deposit. */
async function seedPeople(g: GuichetApp, database: Database, count: number): Promise<string[]> {
  const crypto = createFieldCrypto(testConfig());
  const ids: string[] = [];
  const { exchange, person } = g.services;
  const registry = person.record;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const household = randomUUID();
    await database.db
      .insertInto('household')
      .values({ id: household, province_code: 'ON', is_demo: true })
      .execute();
    await database.db
      .insertInto('person')
      .values({
        id,
        household_id: household,
        given_name: 'Bench',
        family_name: `Person${i}`,
        birth_date: '1955-05-05',
        preferred_language: 'en',
        marital_status: 'single',
        sin_ciphertext: crypto.cipher.encrypt('046454286'),
        sin_lookup: `bench-${i}`,
        is_demo: true,
      })
      .execute();
    ids.push(id);
  }
  await seedDemoEnrolments(database.db, new Date('2026-01-01'));
  for (const id of ids) {
    for (const programme of ['gis', 'ccb', 'on-ontario-works'])
      await person.enrolments.enrol(id, programme, '2025-01-01');
    await exchange.consents.grant(id, 'esdc-on-social-assistance', 365, selfService(id));
  }
  for (const id of ids.slice(0, 200)) {
    await registry.changeContact(
      id,
      {
        email: 'bench@example.ca',
        phone: '613-555-0199',
        preferredChannel: 'online',
        preferredLanguage: 'en',
        accessibilityNeeds: null,
        alternateFormats: [],
      },
      selfService(id),
    );
    await registry.changeDirectDeposit(
      id,
      { institution: '001', transit: '12345', account: '1234567' },
      selfService(id),
    );
  }
  await exchange.dispatcher.drain();
  return ids;
}

/** Real sessions for the first `count` people: the same cookie a browser would send after signing in. */
async function signIn(g: GuichetApp, database: Database, people: string[], count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (const personId of people.slice(0, count))
    cookies.push(`__Host-guichet-session=${await personSession(g, database, personId)}`);
  return cookies;
}

async function profileLoad(
  url: string,
  cookies: string[],
  seconds: number,
  thinkMs: number,
  concurrency = 50,
) {
  const worker = new Worker(workerEntry(new URL('./support/http-load.ts', import.meta.url)), {
    workerData: { url: `${url}/en/my-guichet/profile`, cookies, seconds, concurrency, thinkMs },
  });
  const { latencies, errors } = await new Promise<{ latencies: number[]; errors: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  return {
    users: concurrency,
    thinkMs,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

async function endToEnd(g: GuichetApp, database: Database, people: string[], samples: number) {
  const registry = g.services.person.record;
  const latencies: number[] = [];
  for (const personId of people.slice(0, samples)) {
    const started = performance.now();
    const { changeId } = await registry.changeAddress(personId, ADDRESS, selfService(personId));
    for (;;) {
      const rows = await database.db
        .selectFrom('outbox_delivery')
        .select('status')
        .where('change_id', '=', changeId)
        .execute();
      if (rows.length === 5 && rows.every((r) => r.status === 'delivered')) break;
      if (rows.length !== 5) throw new Error(`expected 5 subscribers, got ${rows.length}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    samples: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

async function throughput(
  g: GuichetApp,
  database: Database,
  people: string[],
  changes: number,
  dispatchers: number,
) {
  const { exchange } = g.services;
  const registry = g.services.person.record;
  await exchange.dispatcher.stop();
  const commitStart = performance.now();
  const queue = Array.from({ length: changes }, (_, i) => people[i % people.length] ?? '');
  await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; i < queue.length; i += 8)
        await registry.changeAddress(
          queue[i] ?? '',
          { ...ADDRESS, line1: `${i} Bench St` },
          selfService(queue[i] ?? ''),
        );
    }),
  );
  const commitSeconds = (performance.now() - commitStart) / 1000;
  const workers = Array.from({ length: dispatchers }, () =>
    createExchange({
      db: database.db,
      audit: g.services.audit,
      crypto: createFieldCrypto(testConfig()),
      metrics: createMetrics(),
      clock: () => new Date(),
      enrolments: createEnrolmentService(database.db),
      subscriberFor: () => createAgencySubscriber(database.db),
      dispatcher: { batchSize: 500 },
    }),
  );
  const started = performance.now();
  const reports = await Promise.all(workers.map((w) => w.dispatcher.drain()));
  const seconds = (performance.now() - started) / 1000;
  const delivered = reports.reduce((sum, r) => sum + r.delivered, 0);
  return {
    changes,
    commitPerSecond: changes / commitSeconds,
    delivered,
    seconds,
    deliveriesPerSecond: delivered / seconds,
    changesPerSecond: delivered / 5 / seconds,
  };
}

for (const kind of kinds) {
  const target = await open(kind);
  await migrateToLatest(target.database.db);
  const g = await buildApp({
    config: testConfig({ rateLimitPerMinute: 1_000_000 }),
    database: target.database,
  });
  await g.services.catalogue.seedReferenceData(loadReferenceData());
  await g.services.exchange.service.seedAgreements();
  const url = await g.app.listen({ port: 0, host: '127.0.0.1' });
  const people = await seedPeople(g, target.database, Number(values.people));
  const cookies = await signIn(g, target.database, people, 200);
  const seconds = Number(values.seconds);
  await profileLoad(url, cookies, 2, 0); // warm-up
  const saturated = await profileLoad(url, cookies, seconds, 0);
  const profile = await profileLoad(url, cookies, seconds, Number(values['think-ms']));
  const e2e = await endToEnd(g, target.database, people.slice(200), 300);
  const flow = await throughput(
    g,
    target.database,
    people,
    Number(values.changes),
    kind === 'pglite' ? 1 : Number(values.dispatchers),
  );
  console.log(
    JSON.stringify(
      {
        database: kind,
        node: process.version,
        cpus: availableParallelism(),
        load: loadavg().map((l) => l.toFixed(1)),
        saturated,
        profile,
        e2e,
        flow,
      },
      (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v),
    ),
  );
  console.log(
    `${kind}: My profile, 50 users reading each page ${profile.thinkMs} ms: p95 ${ms(profile.p95)} (p50 ${ms(profile.p50)}, ${profile.rps.toFixed(0)} req/s, ${profile.errors} errors); saturated: p95 ${ms(saturated.p95)} at ${saturated.rps.toFixed(0)} req/s (${saturated.errors} errors); address → 5 subscribers p99 ${ms(e2e.p99)}; ${flow.deliveriesPerSecond.toFixed(0)} deliveries/s = ${flow.changesPerSecond.toFixed(0)} changes/s fully propagated`,
  );
  await g.app.close();
  await target.dispose();
}
