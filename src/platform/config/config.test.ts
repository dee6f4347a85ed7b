import { productionSecrets } from '../../../test/support/production-env.ts';
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

test('a process runs the background pollers unless told it only answers requests', () => {
  assert.equal(loadConfig({}).backgroundWork, true);
  assert.equal(loadConfig({ BACKGROUND_WORK: 'false' }).backgroundWork, false);
  assert.throws(() => loadConfig({ BACKGROUND_WORK: 'sometimes' }), /BACKGROUND_WORK/);
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
