// Where a submission's PostgreSQL CPU goes, statement by statement (issue #15 item 10).
//   npm run bench:intake-statements -- [--submissions 600] [--people 4000] [--batch 1]
// The server here loads no pg_stat_statements, so the backend reports its own CPU: one connection opened with
// `log_statement_stats` on and `client_min_messages = log` sends, after each protocol step (parse, bind,
// execute, a simple query such as COMMIT), the user and system CPU that step took (getrusage in the backend),
// which this process adds up per statement. The submissions are the intake benchmark's, one after another
// on that single connection (no neighbours of its own), into a throwaway schema seeded like it; `--batch N`
// submits them N at a time, committed together as the applications capability commits them (ADR 0017). Needs a
// superuser connection (`log_statement_stats` is superuser-only).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { createServices } from '../src/app.services.ts';
import type { Services } from '../src/app.services.ts';
import { testConfig } from '../src/platform/config/config.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { namingPool } from '../src/platform/db/prepared.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createMetrics } from '../src/platform/observability/metrics.ts';
import { seedRegister, submitter } from './support/intake-clients.ts';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '600' },
    people: { type: 'string', default: '4000' },
    batch: { type: 'string', default: '1' },
  },
});
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(4).toString('hex')}`;
const config = testConfig();

interface Cost {
  steps: number;
  cpuMs: number;
}
const costs = new Map<string, Cost>();
let running = '';

/** A one-connection pool that reports each protocol step's CPU and tags it with the statement running. */
function reportingPool(): PostgresPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    options: `-c search_path=${schema} -c log_statement_stats=on -c client_min_messages=log`,
  });
  pool.on('connect', (client) =>
    client.on('notice', ({ message, detail }) => {
      const used = /([\d.]+) s user, ([\d.]+) s system/.exec(detail ?? '');
      if (!used) return;
      const key = `${running} [${(message ?? '').replace(' STATISTICS', '').toLowerCase()}]`;
      const cost = costs.get(key) ?? { steps: 0, cpuMs: 0 };
      cost.steps += 1;
      cost.cpuMs += (Number(used[1]) + Number(used[2])) * 1000;
      costs.set(key, cost);
    }),
  );
  const named = namingPool(pool);
  const tag = (client: PostgresPoolClient): PostgresPoolClient => ({
    query: ((text: string, parameters: readonly unknown[]) => {
      running = String(text).replace(/\s+/g, ' ').trim().slice(0, 60);
      return client.query(text, parameters);
    }) as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return { connect: async () => tag(await named.connect()), end: () => named.end() };
}

async function seed(): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
  await migrateToLatest(database.db);
  await seedRegister(database, Number(values.people));
  await database.close();
}

async function submit(db: Kysely<DB>, services: Services, people: string[], count: number): Promise<void> {
  const batch = Number(values.batch);
  const together = submitter(db, services, { maxBatch: batch, inFlight: 1 });
  for (let i = 0; i < count; i += batch) {
    const chunk = people.splice(0, Math.min(batch, count - i));
    if (chunk.length === 0) throw new Error('not enough new applicants: raise --people');
    // The first goes alone (nothing is being written yet); the rest of the chunk wait for it and go together.
    await Promise.all(chunk.map((personId) => together.add(personId)));
  }
}

await seed();
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: reportingPool() }) });
const services = await createServices({ config, db, metrics: createMetrics(), clock: () => new Date() });
const people = (await db.selectFrom('person').select('id').orderBy('id').execute()).map((r) => r.id);
await submit(db, services, people, 20); // every statement prepared on the connection before counting
costs.clear();
const submissions = Number(values.submissions);
await submit(db, services, people, submissions);
await services.crypto.close();
await services.exchange.transport.close();
await db.destroy();
await dropSchema(url, schema);

const rows = [...costs.entries()].sort((a, b) => b[1].cpuMs - a[1].cpuMs);
const total = rows.reduce((sum, [, cost]) => sum + cost.cpuMs, 0);
console.log(
  `PostgreSQL CPU per submission, by statement and protocol step (${submissions} submissions, one connection):`,
);
for (const [key, cost] of rows)
  console.log(`${(cost.cpuMs / submissions).toFixed(3).padStart(7)} ms  ${key}`);
console.log(`${(total / submissions).toFixed(3).padStart(7)} ms  in all`);
