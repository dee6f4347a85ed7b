import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.ts';
import type { IdentityProviderConfig } from './platform/config/identity-config.ts';
import { startServer } from './server.ts';

/** What the primary tells each worker: the demo sign-in providers it runs (their ports and client secrets). */
interface WorkerBrief {
  readonly providers: readonly IdentityProviderConfig[];
}

const STOP_GRACE_MS = 10_000;
const BRIEF_PLEASE = 'guichet:brief-please';

/**
 * `WEB_CONCURRENCY=N`: N processes serve one port through node:cluster (ADR 0013). Nothing one process needs
 * is in another's memory: sessions, sign-in state, form memory and the audit chain are in PostgreSQL; the demo
 * sign-in providers run in the primary only. Resolves to a function that stops everything.
 */
export function serveClustered(config: Config, logger: Logger): Promise<() => Promise<void>> {
  return cluster.isPrimary ? startPrimary(config, logger) : startClusterWorker(config, logger);
}

async function startPrimary(config: Config, logger: Logger): Promise<() => Promise<void>> {
  const primary = await startServer(config, logger, { role: 'primary' });
  const brief: WorkerBrief = { providers: primary.config.identity.providers };
  let stopping = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    // Sent when the worker asks: a message sent before it listens for one would be lost.
    worker.on('message', (message) => message === BRIEF_PLEASE && worker.send(brief));
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ worker: worker.id, code, signal }, 'a worker stopped; starting another');
      fork();
    });
    return worker;
  };
  const workers = Array.from({ length: config.webConcurrency }, fork);
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
  logger.info({ processes: config.webConcurrency, url: config.publicUrl }, 'workers listening');
  return async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => worker && stopWorker(worker)));
    await primary.stop();
  };
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
  const brief = await new Promise<WorkerBrief>((resolve) => {
    process.once('message', resolve);
    process.send?.(BRIEF_PLEASE);
  });
  const worker = cluster.worker?.id ?? 0;
  const running = await startServer(
    {
      ...config,
      identity: { ...config.identity, providers: brief.providers },
      // Each process counts its own requests; connections are spread evenly, so each allows its share.
      rateLimitPerMinute: Math.max(1, Math.ceil(config.rateLimitPerMinute / config.webConcurrency)),
    },
    logger.child({ worker }),
    {
      role: 'worker',
      beforeListen: ({ app }) => {
        // Which process answered: a small number, for operators and the two-process test.
        app.addHook(
          'onSend',
          async (_request, reply) => void reply.header('x-guichet-process', String(worker)),
        );
      },
    },
  );
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= running.stop());
  // The primary gone, this worker must not linger.
  process.once('disconnect', () => void stop().finally(() => process.exit(0)));
  return stop;
}
