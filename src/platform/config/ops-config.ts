import { ConfigError } from './config.ts';

type Env = Record<string, string | undefined>;

/** Where operators read metrics and the detailed health report: never the open Internet by default. */
export interface OpsConfig {
  /** A second listener for `/metrics`, `/health` (detailed) and `/ready`; `null`: none. */
  readonly port: number | null;
  readonly host: string;
  /**
   * `Authorization: Bearer <token>` opens `/metrics` and the detailed `/health` on the public port. With
   * neither a port nor a token (development, tests) they are open; production requires one of the two.
   */
  readonly token: string | null;
}

export function parseOpsConfig(env: Env, isProduction: boolean): OpsConfig {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const rawPort = read('OPS_PORT');
  if (rawPort !== undefined && (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535))
    throw new ConfigError('OPS_PORT', 'expected a port number from 0 to 65535');
  const token = read('OPS_TOKEN') ?? null;
  if (token !== null && token.length < 32)
    throw new ConfigError('OPS_TOKEN', 'must be at least 32 characters');
  const port = rawPort === undefined ? null : Number(rawPort);
  if (isProduction && port === null && token === null)
    throw new ConfigError(
      'OPS_TOKEN',
      'set OPS_PORT or OPS_TOKEN in production: metrics and detailed health are not for the public',
    );
  return { port, host: read('OPS_HOST') ?? '127.0.0.1', token };
}
