// Signed-in pages at saturation, against a bare Fastify + pg server reading one row by primary key, in one run.
//   npm run bench:pages -- [--database postgres|pglite] [--seconds 3] [--warmup 1] [--connections 50] [--cpu-prof DIR]
//                          [--processes 1,2] [--pages profile,home,told,access-log,record]
// Each server runs as a child process (N processes behind one port with node:cluster); the load generator
// (autocannon, `--connections` clients each asking again the moment a page arrives) runs in this process.
// 50 people, each signed in with a real server-side session, and 50 agents, each with a client file open
// under a stated purpose. Prints req/s, p50/p95/p99, the ratio to the baseline's req/s, and CPU per request
// of the server's processes and of the PostgreSQL backends serving them (from /proc; PostgreSQL on this host).
// `--cpu-prof DIR` writes a CPU profile of each page's measured load (one process only) as DIR/<page>.cpuprofile.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import type { GuichetApp } from '../src/app.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { Database, DatabaseKind } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { hashToken } from '../src/identity/session.service.ts';
import { insertFileAccess } from '../src/workspace/file-access.repository.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { personSession, staffSession } from '../test/support/identity/sessions.ts';
import { backendCpu, cpuBetween, groupCpu } from './support/process-cpu.ts';
import { askProfile } from './support/profiler.ts';
import { serverReady, stopServer } from './support/child-server.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    processes: { type: 'string', default: '1,2' },
    pages: { type: 'string', default: 'profile,home,told,access-log,record' },
    port: { type: 'string', default: '3290' },
    'cpu-prof': { type: 'string' },
  },
});
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kinds: DatabaseKind[] = values.database ? [values.database as DatabaseKind] : ['postgres', 'pglite'];
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const port = Number(values.port);
const PEOPLE = 50;

const PAGES: Record<string, { staff: boolean; path: (personId: string) => string }> = {
  profile: { staff: false, path: () => '/en/my-guichet/profile' },
  home: { staff: false, path: () => '/en/my-guichet' },
  told: { staff: false, path: () => '/en/my-guichet/who-was-told' },
  'access-log': { staff: false, path: () => '/en/my-guichet/access-log' },
  record: { staff: true, path: (id) => `/en/staff/clients/${id}/record` },
};

interface Fixture {
  people: string[];
  personCookies: string[];
  staffCookies: string[];
}

const cookie = (token: string) => `__Host-guichet-session=${token}`;

async function seed(g: GuichetApp, database: Database): Promise<Fixture> {
  const crypto = createFieldCrypto(testConfig());
  const fixture: Fixture = { people: [], personCookies: [], staffCookies: [] };
  const { person } = g.services;
  for (let i = 0; i < PEOPLE; i++) {
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
        // As every writer keeps it (migration 0950): the page shows the SIN masked without decrypting it.
        sin_last3: '286',
        is_demo: true,
      })
      .execute();
    for (const programme of ['oas', 'gis']) await person.enrolments.enrol(id, programme, '2025-01-01');
    fixture.people.push(id);
    fixture.personCookies.push(cookie(await personSession(g, database, id)));
    const staffToken = await staffSession(g, database, ['agent']);
    const staffId = (await g.services.identity.sessions.resolve(staffToken)) as {
      identity: { staffId: string };
    };
    await insertFileAccess(database.db, {
      id: randomUUID(),
      session_id_hash: hashToken(staffToken),
      staff_id: staffId.identity.staffId,
      person_id: id,
      purpose: 'phone-call',
      channel: 'phone',
      client_consent: false,
      created_at: new Date(),
    });
    fixture.staffCookies.push(cookie(staffToken));
  }
  return fixture;
}

interface Target {
  databaseUrl: string | null;
  schema: string | null;
  dataDir: string | null;
}

async function prepare(
  kind: DatabaseKind,
): Promise<{ target: Target; fixture: Fixture; dispose(): Promise<void> }> {
  const target: Target =
    kind === 'pglite'
      ? { databaseUrl: null, schema: null, dataDir: mkdtempSync(join(tmpdir(), 'guichet-bench-')) }
      : { databaseUrl: postgresUrl, schema: `bench_${randomBytes(4).toString('hex')}`, dataDir: null };
  const database = await openDatabase(
    { databaseUrl: target.databaseUrl, dataDir: target.dataDir },
    target.schema ? { schema: target.schema } : {},
  );
  await migrateToLatest(database.db);
  const g = await buildApp({ config: testConfig({ logLevel: 'warn' }), database });
  await g.services.catalogue.seedReferenceData(loadReferenceData());
  const fixture = await seed(g, database);
  await g.app.close();
  await database.close();
  return {
    target,
    fixture,
    async dispose() {
      if (target.schema) await dropSchema(postgresUrl, target.schema);
      if (target.dataDir) rmSync(target.dataDir, { recursive: true, force: true });
    },
  };
}

/** A server child process in its own process group, so stopping it stops its cluster workers too. */
async function startServer(
  mode: 'guichet' | 'baseline',
  target: Target,
  processes: number,
): Promise<ChildProcess> {
  const cpuProf = values['cpu-prof'];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./support/pages-server.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: {
        ...process.env,
        BENCH_MODE: mode,
        BENCH_PORT: String(port),
        BENCH_PROCESSES: String(processes),
        BENCH_DATABASE_URL: target.databaseUrl ?? '',
        BENCH_SCHEMA: target.schema ?? '',
        BENCH_DATA_DIR: target.dataDir ?? '',
        // Names the server's PostgreSQL connections, so the bench can read their backends' CPU time.
        PGAPPNAME: applicationName,
        ...(cpuProf && processes === 1 ? { BENCH_PROFILE_DIR: cpuProf } : {}),
      },
    },
  );
  // Two processes on a loaded two-core host can take over a minute to start.
  await serverReady(child, 180);
  return child;
}

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU per answered request: the server's processes, and PostgreSQL's backends serving them. */
  nodeCpuMs: number;
  postgresCpuMs: number;
}

const applicationName = `guichet-bench-${process.pid}`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `connections` clients, each with its own session and path, asking again the moment an answer arrives. */
async function load(paths: string[], cookies: string[], duration: number): Promise<Measure> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  let finished: (result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve) => (finished = resolve));
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${port}`,
      connections,
      duration,
      requests: [
        {
          setupRequest: (request, context) => {
            const slot = context as { index?: number };
            slot.index ??= next++;
            const i = slot.index;
            return {
              ...request,
              path: paths[i % paths.length],
              headers: { cookie: cookies[i % cookies.length] ?? '' },
            };
          },
        },
      ],
    },
    (error, result) => {
      if (error) throw error;
      finished(result);
    },
  );
  instance.on('response', (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (status !== 200) errors++;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    nodeCpuMs: NaN,
    postgresCpuMs: NaN,
  };
}

interface Server {
  child: ChildProcess;
  /** The PostgreSQL server's URL when its backends' CPU can be read (a server on this host). */
  postgresUrl: string | null;
}

async function measure(server: Server, paths: string[], cookies: string[], label: string): Promise<Measure> {
  if (warmup > 0) await load(paths, cookies, warmup);
  const pgrp = server.child.pid as number;
  const cpuBefore = groupCpu(pgrp);
  const pgBefore = server.postgresUrl ? await backendCpu(server.postgresUrl, applicationName) : new Map();
  if (values['cpu-prof']) await askProfile(server.child, 'start', label);
  const m = await load(paths, cookies, seconds);
  if (values['cpu-prof']) await askProfile(server.child, 'stop');
  const requests = Math.max(1, m.rps * seconds);
  const pgAfter = server.postgresUrl ? await backendCpu(server.postgresUrl, applicationName) : new Map();
  return {
    ...m,
    nodeCpuMs: cpuBetween(cpuBefore, groupCpu(pgrp)) / requests,
    postgresCpuMs: server.postgresUrl ? cpuBetween(pgBefore, pgAfter) / requests : NaN,
  };
}

const row = (name: string, m: Measure, base: number) =>
  `| ${name} | ${Math.round(m.rps)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${(m.rps / base).toFixed(2)} | ${m.nodeCpuMs.toFixed(2)} | ${m.postgresCpuMs.toFixed(2)} | ${m.errors} |`;

async function runKind(kind: DatabaseKind): Promise<void> {
  const { target, fixture, dispose } = await prepare(kind);
  try {
    // PGlite is one in-process database: one server process only, and no separate baseline (the baseline is
    // the PostgreSQL one of the same run).
    const counts = kind === 'pglite' ? [1] : values.processes.split(',').map(Number);
    for (const processes of counts) {
      console.log(
        `\n${kind}, ${processes} process${processes > 1 ? 'es' : ''}, ${connections} clients, ${seconds} s each`,
      );
      console.log(
        '| page | req/s | p50 ms | p95 ms | p99 ms | ratio | Node CPU ms/req | PostgreSQL CPU ms/req | errors |',
      );
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      let base = NaN;
      if (kind === 'postgres') {
        const server = await startServer('baseline', target, processes);
        try {
          const m = await measure(
            { child: server, postgresUrl },
            fixture.people.map((id) => `/row/${id}`),
            [''],
            'baseline',
          );
          base = m.rps;
          console.log(row('baseline: Fastify + pg, one row by primary key', m, base));
        } finally {
          await stopServer(server);
        }
      } else base = baselines.get(processes) ?? NaN;
      const server = await startServer('guichet', target, processes);
      try {
        for (const name of values.pages.split(',')) {
          const page = PAGES[name];
          if (!page) throw new Error(`unknown page ${name}`);
          const paths = fixture.people.map(page.path);
          const cookies = page.staff ? fixture.staffCookies : fixture.personCookies;
          const postgres = kind === 'postgres' ? postgresUrl : null;
          console.log(
            row(name, await measure({ child: server, postgresUrl: postgres }, paths, cookies, name), base),
          );
        }
      } finally {
        await stopServer(server);
      }
      if (kind === 'postgres') baselines.set(processes, base);
    }
  } finally {
    await dispose();
  }
}

const baselines = new Map<number, number>();
console.log(
  `Node ${process.version}, load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}, ${new Date().toISOString()}`,
);
for (const kind of kinds) await runKind(kind);
