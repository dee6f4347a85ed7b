import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { DatabaseUnavailableError } from '../platform/db/database.ts';
import { commands } from './commands.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `Usage: guichet <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(22)} ${command.summary}`)
  .join('\n')}

Exit codes: 0 success, 1 failure, 2 bad input or usage.`;

/** Runs one command; returns the process exit code. Errors print a message, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, sub] = argv;
  const key = name && sub && `${name} ${sub}` in commands ? `${name} ${sub}` : name;
  const entry = key ? commands[key] : undefined;
  if (!entry || argv.includes('--help')) {
    console.log(USAGE);
    return entry || argv.includes('--help') ? 0 : 2;
  }
  const rest = argv.slice(key?.split(' ').length ?? 1);
  try {
    const command = await entry.load();
    return await command.run(rest, () => loadConfig());
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof UsageError
    ) {
      console.error(`guichet: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    console.error(`guichet: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
