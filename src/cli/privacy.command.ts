import { withServices } from './with-services.ts';
import type { Command } from './command.ts';

/** `guichet privacy dispose [--dry-run] [--json]`: applies the retention and disposition schedule. */
export const privacyDisposeCommand: Command = {
  summary: 'Dispose of client records past their retention period [--dry-run] [--json]',
  async run(args, loadConfig) {
    const report = await withServices(loadConfig(), (services) =>
      services.privacy.dispose({ dryRun: args.includes('--dry-run') }),
    );
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
  },
};
