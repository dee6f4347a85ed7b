import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('development defaults give a runnable embedded configuration', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, null);
  assert.match(config.dataDir ?? '', /data$/);
  assert.ok(Object.isFrozen(config));
});

test('a wrong variable stops start-up with a message naming it', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  assert.throws(() => loadConfig({ FIELD_ENCRYPTION_KEYS: 'k1:dG9vc2hvcnQ=' }), /FIELD_ENCRYPTION_KEYS/);
});

const productionSecrets = {
  NODE_ENV: 'production',
  // Metrics and detailed health on their own listener, never the public one.
  OPS_PORT: '9464',
  SESSION_SECRET: 'a-production-secret-that-is-long-enough-123',
  FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  LOOKUP_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIFmJ7qOhOVt0yQ2Hk3Kp3q9kZfXG3W2cVv0S4dO1u5aZ',
  // Production sends notices through a real GC Notify (the stand-in is refused there).
  NOTIFY_BASE_URL: 'https://api.notification.canada.ca',
  NOTIFY_API_KEY: `live-${'11111111-1111-4111-8111-111111111111'}-${'22222222-2222-4222-8222-222222222222'}`,
  NOTIFY_CALLBACK_BEARER_TOKEN: 'a-callback-token-that-is-long-enough-for-production',
  NOTIFY_TEMPLATE_IDS: JSON.stringify(
    Object.fromEntries(
      ['new-document', 'new-message', 'reminder'].map((kind) => [
        kind,
        Object.fromEntries(
          ['email', 'sms'].map((channel) => [
            channel,
            { en: '33333333-3333-4333-8333-333333333333', fr: '33333333-3333-4333-8333-333333333334' },
          ]),
        ),
      ]),
    ),
  ),
};

test('production refuses the embedded database unless explicitly allowed', () => {
  assert.throws(() => loadConfig(productionSecrets), /PGlite.*refused in production/);
  assert.equal(
    loadConfig({ ...productionSecrets, ALLOW_EMBEDDED_DB_IN_PRODUCTION: 'true' }).databaseUrl,
    null,
  );
  assert.equal(
    loadConfig({ ...productionSecrets, DATABASE_URL: 'postgres://db/guichet' }).databaseUrl,
    'postgres://db/guichet',
  );
});

test('production refuses development secrets', () => {
  const withDb = { ...productionSecrets, DATABASE_URL: 'postgres://db/guichet' };
  for (const name of ['SESSION_SECRET', 'FIELD_ENCRYPTION_KEYS', 'LOOKUP_HASH_KEY'] as const) {
    const env: Record<string, string | undefined> = { ...withDb, [name]: undefined };
    assert.throws(() => loadConfig(env), new RegExp(name));
  }
});
