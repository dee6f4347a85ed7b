import type { Config } from '../platform/config/config.ts';
import { serveCommand } from './serve.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { auditVerifyCommand } from './audit.command.ts';
import { seedCommand } from './seed.command.ts';

export interface Command {
  readonly summary: string;
  run(args: string[], config: () => Config): Promise<number>;
}

/** Every `guichet` sub-command. Domains add theirs here. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  'audit verify': auditVerifyCommand,
};
