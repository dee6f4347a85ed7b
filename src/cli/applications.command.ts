import { draftHousekeeping } from '../app.services.ts';
import { withServices } from './with-services.ts';
import type { Command } from './command.ts';

/**
 * `guichet applications purge-drafts [--json]`: reminds every person whose draft expires within the week (once
 * per draft and date, in the inbox) and deletes the drafts past their date. The server does this every hour.
 */
export const applicationsPurgeDraftsCommand: Command = {
  summary: 'Remind drafts expiring within a week, then delete expired drafts [--json]',
  async run(args, loadConfig) {
    const run = await withServices(loadConfig(), (services) => draftHousekeeping(services, new Date()));
    if (args.includes('--json')) console.log(JSON.stringify(run));
    else
      console.log(
        `Reminded ${run.reminded} draft(s) about to expire; deleted ${run.purged} expired draft(s).`,
      );
    return 0;
  },
};
