import { productionSecrets } from '../../../test/support/production-env.ts';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../config/config.ts';

// Production's other settings as production needs them, without the signing key this file is about.
const { AUDIT_SIGNING_KEY: _key, ...otherSecrets } = productionSecrets;
const production = { ...otherSecrets, DATABASE_URL: 'postgres://db/guichet' };
const base64 = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' }).toString('base64');

test('development: a fixed signing key and the witness copy under DATA_DIR', () => {
  const config = loadConfig({ DATA_DIR: '/srv/guichet' });
  assert.equal(config.audit.signingKey.asymmetricKeyType, 'ed25519');
  assert.equal(config.audit.witnessFile, '/srv/guichet/audit-witness.jsonl');
  assert.equal(config.audit.sealIntervalMs, 1000);
  assert.equal(loadConfig({ DATA_DIR: 'memory' }).audit.witnessFile, null);
  assert.equal(loadConfig({ AUDIT_WITNESS_FILE: 'none' }).audit.witnessFile, null);
  assert.equal(
    loadConfig({ AUDIT_WITNESS_FILE: '/mnt/witness/heads.jsonl' }).audit.witnessFile,
    '/mnt/witness/heads.jsonl',
  );
});

test('production requires a signing key and refuses the development one', () => {
  assert.throws(() => loadConfig(production), /AUDIT_SIGNING_KEY: is required in production/);
  const developmentKey = base64(loadConfig({}).audit.signingKey);
  assert.throws(
    () => loadConfig({ ...production, AUDIT_SIGNING_KEY: developmentKey }),
    /AUDIT_SIGNING_KEY: the development default is refused in production/,
  );
  const key = base64(generateKeyPairSync('ed25519').privateKey);
  assert.equal(base64(loadConfig({ ...production, AUDIT_SIGNING_KEY: key }).audit.signingKey), key);
});

test('a key file (PEM) is read; a key of the wrong type or not a key is refused, naming the variable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-audit-key-'));
  try {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const file = join(dir, 'audit-signing.pem');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const config = loadConfig({ ...production, AUDIT_SIGNING_KEY_FILE: file });
    assert.ok(createPublicKey(config.audit.signingKey).equals(publicKey));
    assert.throws(
      () => loadConfig({ AUDIT_SIGNING_KEY_FILE: join(dir, 'absent.pem') }),
      /AUDIT_SIGNING_KEY_FILE/,
    );
    assert.throws(
      () => loadConfig({ AUDIT_SIGNING_KEY: base64(generateKeyPairSync('x25519').privateKey) }),
      /AUDIT_SIGNING_KEY: must be an Ed25519 key/,
    );
    assert.throws(
      () => loadConfig({ AUDIT_SIGNING_KEY: 'bm90IGEga2V5' }),
      /AUDIT_SIGNING_KEY: is not a readable/,
    );
    assert.throws(() => loadConfig({ AUDIT_SEAL_INTERVAL_MS: '0' }), /AUDIT_SEAL_INTERVAL_MS/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
