import type { Config } from '../platform/config/config.ts';

/** One `guichet` sub-command: it reads the configuration only when it runs, and returns the exit code. */
export interface Command {
  readonly summary: string;
  run(args: string[], config: () => Config): Promise<number>;
}
