import { withServices } from './with-services.ts';
import type { Command } from './command.ts';
import { HELP_REQUEST_RETENTION_DAYS } from '../help/index.ts';

/** `guichet help purge [--dry-run] [--json]`: deletes call-back and appointment requests closed 90 days ago. */
export const helpPurgeCommand: Command = {
  summary: `Delete call-back and appointment requests closed over ${HELP_REQUEST_RETENTION_DAYS} days ago [--dry-run] [--json]`,
  async run(args, loadConfig) {
    const report = await withServices(loadConfig(), (services) =>
      services.help.purgeClosed({ dryRun: args.includes('--dry-run') }),
    );
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else
      console.log(
        `${report.dryRun ? 'Would delete' : 'Deleted'} ${report.purged} help request(s) closed before ${report.cutoff.toISOString().slice(0, 10)}.`,
      );
    return 0;
  },
};
