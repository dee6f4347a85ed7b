import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { createServices } from '../app.services.ts';
import type { ReplayReport } from '../decisions/index.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * `guichet decisions replay <id|--since YYYY-MM-DD> [--json]`: re-evaluates stored decisions on today's code and
 * parameters; exit 0 when every one is the same to the cent and on the same parameter files, 1 naming what differs.
 */
export const decisionsReplayCommand: Command = {
  summary:
    'Replay decisions on the current rules: <id> or --since YYYY-MM-DD [--json]; exit 1 on a difference',
  async run(args, loadConfig) {
    const since = option(args, '--since');
    const id = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--since');
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since))
      throw new UsageError('--since takes YYYY-MM-DD');
    if (since === undefined && id === undefined)
      throw new UsageError('give a decision id or --since YYYY-MM-DD');
    const config = loadConfig();
    const database = await openDatabase(config);
    const services = await createServices({
      config,
      db: database.db,
      metrics: createMetrics(),
      clock: () => new Date(),
    });
    try {
      await migrateToLatest(database.db);
      const reports: ReplayReport[] =
        since !== undefined
          ? await services.decisions.replaySince(since)
          : [await services.decisions.replay(id ?? '')].filter((r): r is ReplayReport => r !== null);
      if (args.includes('--json')) console.log(JSON.stringify(reports));
      else
        for (const report of reports)
          console.log(
            report.same
              ? `${report.decisionId} same (${report.recorded.annualCents ?? '-'} cents a year)`
              : `${report.decisionId} DIFFERENT\n  ${report.differences.join('\n  ')}`,
          );
      if (id !== undefined && since === undefined && reports.length === 0) {
        console.error(`No decision ${id}`);
        return 1;
      }
      console.log(
        `${reports.filter((r) => r.same).length} same, ${reports.filter((r) => !r.same).length} different`,
      );
      return reports.every((r) => r.same) ? 0 : 1;
    } finally {
      await services.exchange.transport.close();
      await services.crypto.close();
      await database.close();
    }
  },
};
