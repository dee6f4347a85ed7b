import { RedeterminationStartedError } from './redetermination.service.ts';
import type { RedeterminationService, RedeterminationSummary } from './redetermination.service.ts';

export class RedetermineUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedetermineUsageError';
  }
}

export interface RedetermineOutput {
  readonly progress: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly result: { write(text: string): unknown };
}

function line(s: RedeterminationSummary): string {
  const percent = s.personsTotal === 0 ? 100 : Math.floor((100 * s.personsDone) / s.personsTotal);
  return `${String(s.year)} ${s.status} ${String(percent)}% ${String(s.personsDone)}/${String(s.personsTotal)} people: ${String(s.changed)} changed, ${String(s.unchanged)} unchanged, ${String(s.needsReview)} to review`;
}

/**
 * `guichet decisions redetermine --year YYYY [--resume] [--json]`: the July redetermination of the benefit
 * year starting in July YYYY, with its progress on `progress` (a line per batch) and the summary on `result`.
 */
export async function runRedetermineCommand(
  args: readonly string[],
  service: RedeterminationService,
  output: RedetermineOutput,
): Promise<number> {
  const index = args.indexOf('--year');
  const raw = index >= 0 ? args[index + 1] : undefined;
  if (raw === undefined || !/^\d{4}$/.test(raw))
    throw new RedetermineUsageError('give --year YYYY (the July the benefit year starts)');
  const year = Number(raw);
  try {
    const summary = await service.redetermine(year, {
      resume: args.includes('--resume'),
      onProgress: (s) => output.progress.write(`${output.progress.isTTY ? '\r' : ''}${line(s)}\n`),
    });
    output.result.write(args.includes('--json') ? `${JSON.stringify(summary)}\n` : `${line(summary)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RedeterminationStartedError) {
      output.result.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
