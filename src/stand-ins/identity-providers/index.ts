/**
 * Demonstration identity providers (a GCKey-like credential service, a bank sign-in partner and provincial
 * digital IDs), each a real OpenID Connect provider on its own port, so that real ones are a configuration
 * change. Never started in production.
 */
import type { Config } from '../../platform/config/config.ts';
import { startBuiltInProviders } from './provider-server.ts';

export interface IdentityStartup {
  /** The configuration with the running built-in providers added. */
  readonly config: Config;
  close(): Promise<void>;
}

/** Starts the demonstration providers when configured (never in production) and returns the config that trusts them. */
export async function startIdentityProviders(config: Config, clock?: () => Date): Promise<IdentityStartup> {
  if (!config.identity.builtInProviders) return { config, close: async () => undefined };
  const running = await startBuiltInProviders({
    rpBaseUrl: config.publicUrl,
    portBase: config.identity.builtInPortBase,
    clock,
  });
  const providers = [...running.providers.map((provider) => provider.rp), ...config.identity.providers];
  return {
    config: Object.freeze({ ...config, identity: { ...config.identity, providers } }),
    close: running.close,
  };
}

export { startBuiltInProviders, startProvider } from './provider-server.ts';
export type { RunningProvider } from './provider-server.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
export type { BuiltInProviderId, DemoAccount } from './demo-accounts.ts';
export { totp } from './totp.ts';
export const idpLocales = new URL('./locales/', import.meta.url);
