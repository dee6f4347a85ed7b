import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import type { Command } from './command.ts';
import { purgeSignInState, SIGN_IN_STATE_RETENTION } from '../identity/index.ts';

/** `guichet identity purge [--dry-run] [--json]`: deletes sign-in state past its retention. */
export const identityPurgeCommand: Command = {
  summary:
    'Delete expired sign-in state: requests, counters, access codes, old sessions [--dry-run] [--json]',
  async run(args, loadConfig) {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const report = await purgeSignInState(database.db, new Date(), config.identity.absoluteTimeoutSeconds, {
        dryRun: args.includes('--dry-run'),
      });
      if (args.includes('--json')) console.log(JSON.stringify(report));
      else {
        const verb = report.dryRun ? 'Would delete' : 'Deleted';
        console.log(
          `${verb} ${report.authRequests} sign-in request(s), ${report.throttles} failure counter(s), ` +
            `${report.linkCodes} access code(s) and ${report.sessions} session(s) ended over ` +
            `${SIGN_IN_STATE_RETENTION.sessionDays} days ago.`,
        );
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
