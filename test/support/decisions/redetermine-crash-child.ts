/**
 * Run as a separate process by `redetermination.crash.test.ts`: `guichet decisions redetermine --year 2026
 * --resume` against a PostgreSQL schema, one person per batch. The test kills it with SIGKILL at random moments.
 */
import { openDatabase } from '../../../src/platform/db/database.ts';
import { testConfig } from '../../../src/platform/config/config.ts';
import { createMetrics } from '../../../src/platform/observability/metrics.ts';
import { closeServices, createServices } from '../../../src/app.services.ts';
import { redeterminationOf } from '../../../src/cli/redetermine.command.ts';
import { runRedetermineCommand } from '../../../src/decisions/index.ts';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: redetermine-crash-child.ts <url> <schema>');
const database = await openDatabase({ databaseUrl: url, dataDir: null }, { schema });
const services = await createServices({
  config: testConfig(),
  db: database.db,
  metrics: createMetrics(),
  clock: () => new Date('2025-11-20T15:00:00Z'),
});
const progress = { write: (text: string) => process.stdout.write(text), isTTY: false };
process.exitCode = await runRedetermineCommand(
  ['--year', '2026', '--resume'],
  redeterminationOf(database, services, 1),
  {
    progress,
    result: process.stdout,
  },
);
await closeServices(services);
await database.close();
