import { createInterface } from 'node:readline';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';
import { todayIso } from '../platform/clock.ts';
import { evaluateRequest } from '../eligibility/index.ts';
import type { EvaluationOutcome } from '../eligibility/index.ts';

interface EvaluateArgs {
  asOf: string;
  programmes: string[];
  batch: boolean;
  trace: boolean;
  estimates: boolean;
}

export function parseEvaluateArgs(args: readonly string[], today: string): EvaluateArgs {
  const parsed: EvaluateArgs = { asOf: today, programmes: [], batch: false, trace: true, estimates: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--batch') parsed.batch = true;
    else if (arg === '--no-trace') parsed.trace = false;
    else if (arg === '--estimates') parsed.estimates = true;
    else if (arg === '--date') parsed.asOf = args[(i += 1)] ?? '';
    else if (arg === '--programme') {
      while (args[i + 1] !== undefined && !args[i + 1]?.startsWith('--'))
        parsed.programmes.push(args[(i += 1)] ?? '');
    } else throw new UsageError(`unknown option ${arg ?? ''}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parsed.asOf)) throw new UsageError('--date needs YYYY-MM-DD');
  return parsed;
}

/** The message printed for a refused household; the CLI exits 2 after it. */
export function describeFailure(outcome: Exclude<EvaluationOutcome, { ok: true }>): string {
  switch (outcome.kind) {
    case 'invalid-household':
      return `invalid household: ${outcome.issues.map((issue) => `${issue.path} ${issue.code}`).join('; ')}`;
    default:
      return outcome.detail;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function evaluateOne(args: EvaluateArgs): Promise<number> {
  const json = parseJson(await readStdin());
  if (!json.ok) {
    console.error('guichet evaluate: the input is not valid JSON');
    return 2;
  }
  const outcome = evaluateRequest({
    household: json.value,
    asOf: args.asOf,
    programmes: args.programmes,
    trace: args.trace,
    estimates: args.estimates,
  });
  if (!outcome.ok) {
    console.error(`guichet evaluate: ${describeFailure(outcome)}`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(outcome.response, null, 2)}\n`);
  return 0;
}

/** JSON Lines in, JSON Lines out: one `{ asOf, results }` (or `{ line, error }`) per household, in order. */
async function evaluateStream(args: EvaluateArgs): Promise<number> {
  let line = 0;
  let refused = 0;
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    const json = parseJson(text);
    const outcome = json.ok
      ? evaluateRequest({
          household: json.value,
          asOf: args.asOf,
          programmes: args.programmes,
          trace: args.trace,
          estimates: args.estimates,
        })
      : null;
    if (outcome?.ok) process.stdout.write(`${JSON.stringify(outcome.response)}\n`);
    else {
      refused += 1;
      process.stdout.write(
        `${JSON.stringify({ line, error: outcome ? describeFailure(outcome) : 'not valid JSON' })}\n`,
      );
    }
  }
  if (refused > 0) console.error(`guichet evaluate: ${refused} of ${line} lines refused`);
  return refused > 0 ? 2 : 0;
}

export const evaluateCommand: Command = {
  summary:
    'Evaluate a household (JSON on stdin; --batch for JSON Lines) [--date YYYY-MM-DD, default today] [--programme ID…] [--no-trace] [--estimates]',
  async run(args) {
    let parsed: EvaluateArgs;
    try {
      parsed = parseEvaluateArgs(
        args,
        todayIso(() => new Date()),
      );
    } catch (error) {
      console.error(`guichet evaluate: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    return parsed.batch ? evaluateStream(parsed) : evaluateOne(parsed);
  },
};
