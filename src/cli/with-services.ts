import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import type { Config } from '../platform/config/config.ts';
import { closeServices, createServices } from '../app.services.ts';
import type { Services } from '../app.services.ts';

/**
 * A command's whole life with the application's services: opens and migrates the database, builds the
 * services as the server does, runs the work, then closes everything it opened (the Notify stand-in, the
 * transport, the crypto workers, the database), whatever the work did. No background loop is started.
 */
export async function withServices<T>(config: Config, work: (services: Services) => Promise<T>): Promise<T> {
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
      return await work(services);
    } finally {
      await closeServices(services);
    }
  } finally {
    await database.close();
  }
}
