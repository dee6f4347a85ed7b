// Submitting an application with its automated decision, at N concurrent clients, beside pgbench's TPC-B.
//   npm run bench:intake -- [--clients 16] [--seconds 15] [--people 4000] [--database postgres|pglite]
//                           [--processes 1] [--cpu-prof DIR] [--batching together|alone|both]
//                           [--max-batch 32] [--in-flight 2]
// Each submission is what applications does once the person confirms: one transaction in which decisions'
// `ApplicationSubmittedHandler.submitted` opens the case, runs the rules (CCB for a parent with one child),
// records the decision (facts and trace encrypted), enrols the person, writes the entitlement schedule and
// appends its audit entry, after the application's own row (answers encrypted) is written as submitted.
// pgbench runs first, in its own throwaway database, with the same client count and duration.
// Every submission is a different person with no enrolment yet (a new applicant), so concurrent clients never
// wait on one person's enrolment row; the bench says how many submissions had to reuse a person.
// Besides the rates it prints the CPU each submission costs in this process and in its PostgreSQL backends, the
// figure the neighbours on a shared host disturb least. `--cpu-prof DIR` writes DIR/intake.cpuprofile of the
// submissions only (not the seeding). `--processes N` spreads the clients over N child processes, as the server
// runs `WEB_CONCURRENCY` processes (ADR 0013), each with its own share of the people.
// `--batching` says how submissions are committed: `together` as the applications capability commits them
// (SUBMIT_BATCHING, ADR 0017 "Submissions committed together"), `alone` one transaction per submission as before,
// `both` one after the other in the same run (each on a freshly seeded schema), the second beside the first.
import { execFileSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { createServices } from '../src/app.services.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { backendCpu, cpuBetween } from './support/process-cpu.ts';
import { benchPool, seedRegister, submitApplications, warm } from './support/intake-clients.ts';
import { SUBMIT_BATCHING } from '../src/applications/index.ts';
import type { GroupCommitOptions } from '../src/platform/db/group-commit.ts';
import type { ChildOrder, ClientsRun } from './support/intake-clients.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '15' },
    people: { type: 'string', default: '4000' },
    database: { type: 'string', default: 'postgres' },
    'cpu-prof': { type: 'string' },
    processes: { type: 'string', default: '1' },
    batching: { type: 'string', default: 'together' },
    'max-batch': { type: 'string' },
    'in-flight': { type: 'string' },
  },
});
const BATCHINGS: Record<string, GroupCommitOptions> = {
  together: {
    maxBatch: Number(values['max-batch'] ?? SUBMIT_BATCHING.maxBatch),
    inFlight: Number(values['in-flight'] ?? SUBMIT_BATCHING.inFlight),
  },
  alone: { maxBatch: 1, inFlight: Number(values.clients) },
};
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APPLICATION_NAME = `guichet-intake-bench-${process.pid}`;

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

async function openTarget(): Promise<{
  database: Database;
  db: Kysely<DB>;
  schema: string | null;
  dispose(): Promise<void>;
}> {
  if (values.database === 'pglite') {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    await migrateToLatest(database.db);
    return { database, db: database.db, schema: null, dispose: () => database.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
  await migrateToLatest(database.db);
  const db = benchPool(url, schema, APPLICATION_NAME, clients);
  return {
    database,
    db,
    schema,
    async dispose() {
      await db.destroy();
      await database.close();
      await dropSchema(url, schema);
    },
  };
}

interface IntakeFigures {
  tps: number;
  avgMs: number;
  p99Ms: number;
  submissions: number;
  reused: number;
  nodeCpuMs: number;
  pgCpuMs: number | null;
}

/** Profiles this process while `work` runs, when `--cpu-prof DIR` is given. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const dir = values['cpu-prof'];
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, 'intake.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The clients spread over child processes, each with its own pool and every n-th person; CPU summed over them. */
async function inChildren(
  schema: string,
  people: readonly string[],
  processes: number,
  pgSnapshot: () => Promise<Map<number, number> | null>,
  batching: GroupCommitOptions,
): Promise<{ latencies: number[]; cpuMs: number; elapsed: number; pgCpuMs: number | null }> {
  const children = Array.from({ length: processes }, () =>
    fork(new URL('./support/intake-child.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] }),
  );
  const reply = <T>(child: ChildProcess) => new Promise<T>((resolve) => child.once('message', resolve));
  const ready = children.map((child) => reply<string>(child));
  children.forEach((child, i) =>
    child.send({
      url,
      schema,
      applicationName: APPLICATION_NAME,
      people: people.filter((_, n) => n % processes === i),
      clients: Math.ceil(clients / processes),
      seconds,
      batching,
    } satisfies ChildOrder),
  );
  await Promise.all(ready);
  const before = await pgSnapshot();
  const runs = children.map((child) => reply<ClientsRun>(child));
  const started = performance.now();
  for (const child of children) child.send('go');
  const done = await Promise.all(runs);
  const elapsed = (performance.now() - started) / 1000;
  const after = before ? await backendCpu(url, APPLICATION_NAME) : null;
  const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.send('close');
  await Promise.all(exited);
  return {
    latencies: done.flatMap((r) => r.latencies),
    cpuMs: done.reduce((sum, r) => sum + r.cpuMs, 0),
    elapsed,
    pgCpuMs: before && after ? cpuBetween(before, after) : null,
  };
}

async function intake(batching: GroupCommitOptions): Promise<IntakeFigures> {
  const target = await openTarget();
  const config = testConfig();
  await seedRegister(target.database, Number(values.people));
  // New applicants: people with no CCB enrolment (the seeded register has none; a rerun would).
  const people = (
    await target.db
      .selectFrom('person')
      .select('id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('enrolment')
              .select('enrolment.id')
              .whereRef('enrolment.person_id', '=', 'person.id')
              .where('enrolment.programme_id', '=', 'ccb'),
          ),
        ),
      )
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const processes = Number(values.processes);
  const pgBefore = async () => (values.database === 'postgres' ? backendCpu(url, APPLICATION_NAME) : null);
  let run: { latencies: number[]; cpuMs: number; elapsed: number; pgCpuMs: number | null };
  if (processes > 1 && target.schema !== null) {
    run = await inChildren(target.schema, people, processes, pgBefore, batching);
  } else {
    const services = await createServices({
      config,
      db: target.db,
      metrics: createMetrics(),
      clock: () => new Date(),
    });
    await warm(target.db, clients);
    const before = await pgBefore();
    const started = performance.now();
    const { latencies, cpuMs } = await profiled(() =>
      submitApplications(target.db, services, people, clients, seconds, batching),
    );
    const elapsed = (performance.now() - started) / 1000;
    const after = before ? await backendCpu(url, APPLICATION_NAME) : null;
    await services.crypto.close();
    await services.exchange.transport.close();
    run = { latencies, cpuMs, elapsed, pgCpuMs: before && after ? cpuBetween(before, after) : null };
  }
  await target.dispose();
  const latencies = run.latencies.sort((a, b) => a - b);
  const avg = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return {
    tps: latencies.length / run.elapsed,
    avgMs: avg,
    p99Ms: percentile(latencies, 0.99),
    submissions: latencies.length,
    reused: Math.max(0, latencies.length - people.length),
    nodeCpuMs: run.cpuMs,
    pgCpuMs: run.pgCpuMs,
  };
}

const load = loadavg()[0]?.toFixed(1);
const base = values.database === 'postgres' ? pgbench() : null;
const modes = values.batching === 'both' ? ['alone', 'together'] : [values.batching];
const fmt = (n: number) => n.toFixed(1);
console.log(
  `load average before: ${load}; clients ${clients} in ${values.processes} process(es); ${seconds} s each; database ${values.database}`,
);
if (base)
  console.log(
    `pgbench TPC-B: ${fmt(base.tps)} tps, average ${fmt(base.avgMs)} ms, p99 ${fmt(base.p99Ms)} ms`,
  );
const rates = new Map<string, number>();
for (const mode of modes) {
  const batching = BATCHINGS[mode];
  if (!batching) throw new Error(`--batching ${mode}: together, alone or both`);
  const ours = await intake(batching);
  rates.set(mode, ours.tps);
  console.log(
    `intake + automated decision, ${mode} (${batching.maxBatch} a transaction, ${batching.inFlight} at once): ${fmt(ours.tps)} /s (${ours.submissions} submissions, ${ours.reused} reusing a person), average ${fmt(ours.avgMs)} ms, p99 ${fmt(ours.p99Ms)} ms`,
  );
  const perSubmission = (ms: number) => fmt(ms / Math.max(1, ours.submissions));
  console.log(
    `  CPU per submission: ${perSubmission(ours.nodeCpuMs)} ms in Node` +
      (ours.pgCpuMs === null ? '' : `, ${perSubmission(ours.pgCpuMs)} ms in its PostgreSQL backends`) +
      `; load average after: ${loadavg()[0]?.toFixed(1)}`,
  );
  if (base)
    console.log(
      `  ratio: ${fmt((100 * ours.tps) / base.tps)} % of pgbench's TPS; p99 ${fmt(ours.p99Ms / base.p99Ms)} × pgbench's`,
    );
}
const alone = rates.get('alone');
const together = rates.get('together');
if (alone && together) console.log(`together against alone: ${fmt(together / alone)} ×`);
