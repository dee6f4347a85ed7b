import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { createServices } from '../app.services.ts';
import type { Command } from './command.ts';

/** `guichet privacy dispose [--dry-run] [--json]`: applies the retention and disposition schedule. */
export const privacyDisposeCommand: Command = {
  summary: 'Dispose of client records past their retention period [--dry-run] [--json]',
  async run(args, loadConfig) {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const clock = () => new Date();
      const services = await createServices({ config, db: database.db, metrics: createMetrics(), clock });
      const report = await services.privacy.dispose({ dryRun: args.includes('--dry-run') });
      await services.exchange.transport.close();
      await services.crypto.close();
      if (args.includes('--json')) console.log(JSON.stringify(report));
      else {
        const verb = report.dryRun ? 'Would dispose of' : 'Disposed of';
        console.log(
          `${verb} ${report.disposed.length} client record(s) last used before ${report.cutoff.toISOString().slice(0, 10)}.`,
        );
        console.log(
          `Kept: ${report.heldForOpenRequest.length} under an open access or correction request, ${report.heldForActiveEnrolment.length} with an active enrolment.`,
        );
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
