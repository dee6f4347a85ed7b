import cluster from 'node:cluster';
import { serveClustered } from '../cluster.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { startServer } from '../server.ts';
import type { Config } from '../platform/config/config.ts';
import type { Command } from './command.ts';

async function single(config: Config): Promise<() => Promise<void>> {
  const server = await startServer(config);
  return () => server.stop();
}

export const serveCommand: Command = {
  summary: 'Start the web service (migrates and seeds on first start)',
  async run(_args, loadConfig) {
    const config = loadConfig();
    const stop =
      config.webConcurrency > 1 ? await serveClustered(config, createLogger(config)) : await single(config);
    if (cluster.isPrimary) console.log(`Guichet is running at ${config.publicUrl} (Ctrl+C to stop)`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await stop();
    return 0;
  },
};
