import { progressBar } from './run-progress.ts';
import type { PaymentRunService } from './payment-run.service.ts';
import type { RunSummary } from './run-parts.ts';

/** Wrong options: the command line prints the message and exits 2 (the CLI's UsageError has the same name). */
export class RunUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const CLI_CONTEXT = {
  actor: { type: 'system' as const, id: null, role: 'payments-cli' },
  channel: 'system' as const,
  purpose: 'payment-run',
  correlationId: `cli-${process.pid}`,
};

export interface PaymentsRunOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * `guichet payments run --programme ID --period YYYY-MM [--by STAFF] [--json]` prepares a run (or joins the
 * one already there); `--resume` finishes every run a stopped process left in preparation. Either way each
 * payment exists once: the run commits a batch and its cursor together, the database refuses a second copy.
 */
export async function runPaymentsCommand(
  args: readonly string[],
  runs: PaymentRunService,
  out: { progress: PaymentsRunOutput; result: PaymentsRunOutput },
): Promise<number> {
  const programmeId = option(args, '--programme');
  const period = option(args, '--period');
  const onProgress = args.includes('--json') ? undefined : progressBar(out.progress);
  let finished: RunSummary[];
  if (programmeId && period) {
    const { run } = await runs.start(
      { programmeId, period, preparedBy: option(args, '--by') ?? 'cli' },
      CLI_CONTEXT,
    );
    finished = [await runs.resume(run.id, onProgress)];
  } else if (args.includes('--resume')) finished = await runs.resumeAll(onProgress);
  else throw new RunUsageError('payments run takes --programme ID --period YYYY-MM, or --resume');
  if (args.includes('--json')) out.result.write(`${JSON.stringify(finished)}\n`);
  else
    for (const run of finished)
      out.result.write(
        `${run.programmeId} ${run.period}: ${run.paymentCount} payments, ${run.totalCents} cents, ${run.status}\n`,
      );
  return 0;
}
