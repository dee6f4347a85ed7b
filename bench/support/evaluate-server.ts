// The server side of `npm run bench:evaluate`, a child process so the load generator does not share its event
// loop. BENCH_MODE=guichet serves Guichet (PGlite in memory: the route reads no database); BENCH_MODE=baseline
// a bare Fastify server that parses the same JSON body and answers with the same bytes Guichet answers, made
// once at start-up (the floor the route is measured against). BENCH_PROCESSES=N runs N processes behind one
// port (node:cluster). Says `ready` over IPC once listening.
import cluster from 'node:cluster';
import fastify from 'fastify';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/platform/config/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { evaluateRequest } from '../../src/eligibility/eligibility.service.ts';
import { COUPLE, EVALUATION_DATE } from './evaluate-household.ts';
import { answerProfileRequests } from './profiler.ts';

const port = Number(process.env.BENCH_PORT);

async function guichet(): Promise<() => Promise<void>> {
  // An API-only process: none of the background pollers (they would poll the empty in-memory database).
  const config = testConfig({ rateLimitPerMinute: 1_000_000, logLevel: 'fatal', backgroundWork: false });
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateToLatest(database.db);
  const { app } = await buildApp({ config, database });
  await app.listen({ port, host: '127.0.0.1' });
  return async () => (await app.close(), await database.close());
}

async function baseline(): Promise<() => Promise<void>> {
  const outcome = evaluateRequest({ household: COUPLE, asOf: EVALUATION_DATE, trace: false });
  if (!outcome.ok) throw new Error('the bench household does not evaluate');
  const answer = JSON.stringify(outcome.response);
  const app = fastify();
  app.post('/api/v1/evaluate', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(answer),
  );
  await app.listen({ port, host: '127.0.0.1' });
  return () => app.close();
}

const processes = Number(process.env.BENCH_PROCESSES ?? '1');
if (processes > 1 && cluster.isPrimary) {
  // N processes behind one port, each with its own in-memory database (the route reads none).
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
  const stop = await (process.env.BENCH_MODE === 'baseline' ? baseline() : guichet());
  if (cluster.isPrimary) {
    answerProfileRequests();
    process.send?.('ready');
  }
  process.once('SIGTERM', () => setTimeout(() => void stop().finally(() => process.exit(0)), 500));
}
