// The server side of `npm run bench:pages`, started as a child process so the load generator does not share
// its event loop. BENCH_MODE=guichet serves Guichet itself; BENCH_MODE=baseline a bare Fastify + pg server
// that reads one person row by primary key (the floor a signed-in page is measured against).
// BENCH_PROCESSES=N runs N processes behind one port (node:cluster). Says `ready` over IPC once listening.
import cluster from 'node:cluster';
import fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { answerProfileRequests } from './profiler.ts';

const env = process.env;
const port = Number(env.BENCH_PORT);
const processes = Number(env.BENCH_PROCESSES ?? '1');
const databaseUrl = env.BENCH_DATABASE_URL || null;
const schema = env.BENCH_SCHEMA || undefined;
const dataDir = env.BENCH_DATA_DIR || null;

async function guichet(): Promise<() => Promise<void>> {
  const config = testConfig({ databaseUrl, dataDir, rateLimitPerMinute: 1_000_000, logLevel: 'fatal' });
  const database = await openDatabase(config, schema ? { schema } : {});
  const { app } = await buildApp({ config, database });
  await app.listen({ port, host: '127.0.0.1' });
  return async () => (await app.close(), await database.close());
}

async function baseline(): Promise<() => Promise<void>> {
  const pool = new pg.Pool({
    connectionString: databaseUrl ?? '',
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const app = fastify();
  app.get('/row/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { rows } = await pool.query(
      'SELECT id, given_name, family_name, birth_date FROM person WHERE id = $1',
      [id],
    );
    return rows[0] ? rows[0] : reply.code(404).send();
  });
  await app.listen({ port, host: '127.0.0.1' });
  return async () => (await app.close(), await pool.end());
}

if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === processes) process.send?.('ready');
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const stop = await (env.BENCH_MODE === 'baseline' ? baseline() : guichet());
  if (cluster.isPrimary) {
    answerProfileRequests();
    process.send?.('ready');
  }
  // The load generator's last requests may still be in flight when it stops: let them finish first.
  process.once('SIGTERM', () => setTimeout(() => void stop().finally(() => process.exit(0)), 1000));
}
