import { withServices } from './with-services.ts';
import { formatReleaseReport, InvalidReleaseDatesError } from '../policy/index.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

interface DiffArgs {
  readonly from: string;
  readonly to: string;
  readonly impact: boolean;
  readonly json: boolean;
}

export function parseDiffArgs(args: readonly string[]): DiffArgs {
  const dates = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--no-impact' && a !== '--json');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0] ?? ''}`);
  const [from, to] = dates;
  if (dates.length !== 2 || from === undefined || to === undefined)
    throw new UsageError('give two dates: guichet rules diff <from> <to> (YYYY-MM-DD)');
  return { from, to, impact: !args.includes('--no-impact'), json: args.includes('--json') };
}

/**
 * `guichet rules diff <from> <to> [--no-impact] [--json]`: the parameters whose value in force differs
 * between two dates (a dated entry is a parameter version: give its effective date), with citations,
 * and the impact of the change on the people in the database.
 */
export const rulesDiffCommand: Command = {
  summary: 'Show what changed in the rules between two dates and preview its impact on the register',
  async run(args, loadConfig) {
    const parsed = parseDiffArgs(args);
    const preview = await withServices(loadConfig(), (services) =>
      services.policy
        .previewRelease({
          from: parsed.from,
          to: parsed.to,
          withImpact: parsed.impact,
          actor: { type: 'system', id: 'guichet-cli', role: null },
          channel: 'system',
        })
        .catch((error: unknown) => {
          if (error instanceof InvalidReleaseDatesError)
            throw new UsageError(`${error.field} is not a date (YYYY-MM-DD)`);
          throw error;
        }),
    );
    console.log(parsed.json ? JSON.stringify(preview) : formatReleaseReport(preview));
    return 0;
  },
};
