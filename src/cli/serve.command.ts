import { startServer } from '../server.ts';
import type { Command } from './command.ts';

export const serveCommand: Command = {
  summary: 'Start the web service (migrates and seeds on first start)',
  async run(_args, loadConfig) {
    const config = loadConfig();
    const server = await startServer(config);
    console.log(`Guichet is running at ${config.publicUrl} (Ctrl+C to stop)`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await server.stop();
    return 0;
  },
};
