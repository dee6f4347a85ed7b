import { openDatabase } from '../platform/db/database.ts';
import type { Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { closeServices, createServices } from '../app.services.ts';
import type { Services } from '../app.services.ts';
import { createHouseholdReader } from '../person/index.ts';
import {
  createRedeterminationService,
  runRedetermineCommand,
  RedetermineUsageError,
} from '../decisions/index.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

/** The redetermination with the application's services: the decisions module, the register, the inbox. */
export function redeterminationOf(database: Database, services: Services, batchSize?: number) {
  return createRedeterminationService({
    db: database.db,
    audit: services.audit,
    cipher: services.crypto.cipher,
    households: createHouseholdReader(database.db, services.crypto.cipher),
    letters: { deliverMany: (items) => services.inbox.deliverMany(items) },
    reviews: services.decisions,
    programmeName: async (programmeId, lang) => {
      const found = (await services.catalogue.listProgrammes()).find((p) => p.id === programmeId);
      return found ? (lang === 'fr' ? found.name_fr : found.name_en) : programmeId;
    },
    clock: () => new Date(),
    ...(batchSize === undefined ? {} : { batchSize }),
  });
}

export const decisionsRedetermineCommand: Command = {
  summary: 'The July redetermination of the income-tested benefits: --year YYYY [--resume] [--json]',
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
        return await runRedetermineCommand(args, redeterminationOf(database, services), {
          progress: process.stderr,
          result: process.stdout,
        }).catch((error: unknown) => {
          throw error instanceof RedetermineUsageError ? new UsageError(error.message) : error;
        });
      } finally {
        await closeServices(services);
      }
    } finally {
      await database.close();
    }
  },
};
