import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { runPaymentsCommand, RunUsageError } from '../payments/index.ts';
import { UsageError } from './usage-error.ts';
import { createServices } from '../app.services.ts';
import type { Command } from './command.ts';

export const paymentsRunCommand: Command = {
  summary:
    'Prepare a payment run [--programme ID --period YYYY-MM] or finish stopped ones [--resume] [--json]',
  async run(args, loadConfig) {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const services = await createServices({
        config,
        db: database.db,
        metrics: createMetrics(),
        clock: () => new Date(),
      });
      try {
        return await runPaymentsCommand(args, services.payments.runs, {
          progress: process.stderr,
          result: process.stdout,
        }).catch((error: unknown) => {
          throw error instanceof RunUsageError ? new UsageError(error.message) : error;
        });
      } finally {
        await services.notices.close();
        await services.exchange.transport.close();
        await services.crypto.close();
      }
    } finally {
      await database.close();
    }
  },
};
