import type { Config } from '../platform/config/config.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { Database } from '../platform/db/database.ts';
import { ensureDemoPeople } from './identity.demo.ts';
import { startBuiltInProviders } from './providers/provider-server.ts';

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

/** The registry people the demonstration logins link to (development only). */
export async function seedIdentityDemo(database: Database, config: Config): Promise<void> {
  if (!config.identity.builtInProviders) return;
  const crypto = createFieldCrypto(config);
  try {
    await ensureDemoPeople(database.db, crypto);
  } finally {
    await crypto.close();
  }
}
