// Submitting an application with its automated decision, at N concurrent clients, beside pgbench's TPC-B.
//   npm run bench:intake -- [--clients 16] [--seconds 15] [--people 2000] [--database postgres|pglite]
// Each submission is what applications does once the person confirms: one transaction in which decisions'
// `ApplicationSubmittedHandler.submitted` opens the case, runs the rules (CCB for a parent with one child),
// records the decision (facts and trace encrypted), enrols the person, writes the entitlement schedule and
// appends its audit entry, after the application's own row (answers encrypted) is written as submitted.
// pgbench runs first, in its own throwaway database, with the same client count and duration.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createServices } from '../src/app.services.ts';
import { loadReferenceData } from '../src/catalogue/index.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { seedPopulation } from '../src/population/index.ts';
import { ccbHousehold, recordSubmitted, submittedApplication } from '../test/support/applications.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '15' },
    people: { type: 'string', default: '2000' },
    database: { type: 'string', default: 'postgres' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

function pgbench(): { tps: number; avgMs: number; p99Ms: number } {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const base = new URL(url);
  const args = ['-h', base.hostname, '-p', base.port || '5432', '-U', base.username || 'postgres'];
  execFileSync('createdb', [...args, name]);
  const dir = mkdtempSync(join(tmpdir(), 'pgbench-'));
  try {
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '10', name], { stdio: 'ignore' });
    const out = execFileSync(
      'pgbench',
      [
        ...args,
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-l',
        '--log-prefix',
        join(dir, 'log'),
        name,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
    const avgMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 0);
    const latencies = readdirSync(dir)
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    return { tps, avgMs, p99Ms: percentile(latencies, 0.99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('dropdb', [...args, name]);
  }
}

async function openTarget(): Promise<{ database: Database; db: Kysely<DB>; dispose(): Promise<void> }> {
  if (values.database === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    return { database, db: database.db, dispose: () => database.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
  await migrateToLatest(database.db);
  const pool = new pg.Pool({ connectionString: url, max: clients + 2, options: `-c search_path=${schema}` });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    database,
    db,
    async dispose() {
      await db.destroy();
      await database.close();
      await dropSchema(url, schema);
    },
  };
}

async function intake(): Promise<{ tps: number; avgMs: number; p99Ms: number; submissions: number }> {
  const target = await openTarget();
  const config = testConfig();
  const seeding = await createServices({
    config,
    db: target.database.db,
    metrics: createMetrics(),
    clock: () => new Date(),
  });
  await seeding.catalogue.seedReferenceData(loadReferenceData());
  await seedPopulation(target.database, seeding.crypto, { people: Number(values.people), seed: 2026 });
  await seeding.crypto.close();
  await seeding.exchange.transport.close();
  const people = (await target.db.selectFrom('person').select('id').execute()).map((r) => r.id);
  const services = await createServices({
    config,
    db: target.db,
    metrics: createMetrics(),
    clock: () => new Date(),
  });
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const personId = people[next++ % people.length] ?? '';
      const application = submittedApplication(personId, 'ccb', ccbHousehold(personId, 4_000_000));
      const started = performance.now();
      await target.db.transaction().execute(async (trx) => {
        // The application's own row, as applications marks it submitted (its answers encrypted), then the decision.
        await recordSubmitted(
          trx,
          application,
          services.crypto.cipher.encrypt(JSON.stringify(application.household)),
        );
        return services.decisions.handler.submitted(application, trx);
      });
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await services.crypto.close();
  await services.exchange.transport.close();
  await target.dispose();
  latencies.sort((a, b) => a - b);
  const avg = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return {
    tps: latencies.length / elapsed,
    avgMs: avg,
    p99Ms: percentile(latencies, 0.99),
    submissions: latencies.length,
  };
}

const load = loadavg()[0]?.toFixed(1);
const base = values.database === 'postgres' ? pgbench() : null;
const ours = await intake();
const fmt = (n: number) => n.toFixed(1);
console.log(
  `load average before: ${load}; clients ${clients}; ${seconds} s each; database ${values.database}`,
);
if (base)
  console.log(
    `pgbench TPC-B: ${fmt(base.tps)} tps, average ${fmt(base.avgMs)} ms, p99 ${fmt(base.p99Ms)} ms`,
  );
console.log(
  `intake + automated decision: ${fmt(ours.tps)} /s (${ours.submissions} submissions), average ${fmt(ours.avgMs)} ms, p99 ${fmt(ours.p99Ms)} ms`,
);
if (base)
  console.log(
    `ratio: ${fmt((100 * ours.tps) / base.tps)} % of pgbench's TPS; p99 ${fmt(ours.p99Ms / base.p99Ms)} × pgbench's`,
  );
