/**
 * Demonstration identity providers (a GCKey-like credential service, a bank sign-in partner and provincial
 * digital IDs), each a real OpenID Connect provider on its own port, so that real ones are a configuration
 * change. Never started in production.
 */
import type { Config } from '../../platform/config/config.ts';
import type { DbExecutor } from '../../platform/db/schema.ts';
import { startBuiltInProviders } from './provider-server.ts';

export interface IdentityStartup {
  /** The configuration with the running built-in providers added. */
  readonly config: Config;
  close(): Promise<void>;
}

/**
 * Starts the demonstration providers when configured (never in production) and returns the config that trusts
 * them. Their keys and state are in the database, so every process of a cluster runs them on the same ports.
 */
export async function startIdentityProviders(
  config: Config,
  db: DbExecutor,
  options: { clock?: () => Date; processTag?: string } = {},
): Promise<IdentityStartup> {
  if (!config.identity.builtInProviders) return { config, close: async () => undefined };
  const running = await startBuiltInProviders({
    rpBaseUrl: config.publicUrl,
    portBase: config.identity.builtInPortBase,
    db,
    ...options,
  });
  const providers = [...running.providers.map((provider) => provider.rp), ...config.identity.providers];
  return {
    config: Object.freeze({ ...config, identity: { ...config.identity, providers } }),
    close: running.close,
  };
}

export { createProvider, startBuiltInProviders, startProvider } from './provider-server.ts';
export type { ProviderInstance, RunningProvider } from './provider-server.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
export type { BuiltInProviderId, DemoAccount } from './demo-accounts.ts';
export { totp } from './totp.ts';
export const idpLocales = new URL('./locales/', import.meta.url);
