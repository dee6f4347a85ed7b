import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import { startServer } from './server.ts';

const STOP_GRACE_MS = 10_000;

/**
 * `WEB_CONCURRENCY=N`: N processes serve one port through node:cluster (ADR 0013). Nothing one process needs
 * is in another's memory: sessions, sign-in state, form memory, the rate limit's counters, the audit chain and
 * the demo sign-in providers' keys and state are in PostgreSQL, and every worker runs the providers on their
 * shared ports. Resolves to a function that stops everything.
 */
export function serveClustered(config: Config, logger: Logger): Promise<() => Promise<void>> {
  return cluster.isPrimary ? startPrimary(config, logger) : startClusterWorker(config, logger);
}

async function startPrimary(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const primary = await startServer(config, logger, { role: 'primary' });
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ worker: worker.id, code, signal }, 'a worker stopped; starting another');
      fork();
    });
    return worker;
  };
  const workers = Array.from({ length: config.webConcurrency }, fork);
  await Promise.all(workers.map((worker) => servingPort(worker, config.port)));
  logger.info({ processes: config.webConcurrency, url: config.publicUrl }, 'workers listening');
  return async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => worker && stopWorker(worker)));
    await primary.stop();
  };
}

/** Resolves once the worker listens on Guichet's port (it listens on the demo providers' ports first). */
function servingPort(worker: Worker, port: number): Promise<void> {
  return new Promise((resolve) => {
    const listening = (address: { port: number }) => {
      if (address.port !== port) return;
      worker.off('listening', listening);
      resolve();
    };
    worker.on('listening', listening);
  });
}

function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
    worker.once('exit', () => (clearTimeout(timer), resolve()));
    worker.process.kill('SIGTERM');
  });
}

async function startClusterWorker(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const worker = cluster.worker?.id ?? 0;
  const running = await startServer(config, logger.child({ worker }), {
    role: 'worker',
    processTag: String(worker),
    beforeListen: ({ app }) => {
      // Which process answered: a small number, for operators and the two-process test.
      app.addHook(
        'onSend',
        async (_request, reply) => void reply.header('x-guichet-process', String(worker)),
      );
    },
  });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= running.stop());
  // The primary gone, this worker must not linger.
  process.once('disconnect', () => void stop().finally(() => process.exit(0)));
  return stop;
}
