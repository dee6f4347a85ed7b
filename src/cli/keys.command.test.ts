import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../platform/config/config.ts';
import { createFieldCipher, keyIdOf } from '../platform/crypto/field-cipher.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

const BIN = fileURLToPath(new URL('../../bin/guichet.js', import.meta.url));
const ROWS = 60;
const oldKeys = loadConfig({ NODE_ENV: 'test' }).encryptionKeys;
const newKey = { id: 'k2', key: randomBytes(32) };
const keyList = (keys: readonly { id: string; key: Buffer }[]) =>
  keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');

let dataDir = '';
const env = () => ({
  ...process.env,
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  DEMO_PEOPLE: '0',
  FIELD_ENCRYPTION_KEYS: keyList([newKey, ...oldKeys]),
});

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'guichet-keys-'));
  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    await migrateToLatest(database.db);
    const cipher = createFieldCipher(oldKeys);
    await database.db
      .insertInto('platform_form_memory')
      .values(
        Array.from({ length: ROWS }, (_, index) => ({
          owner: `session-${String(index).padStart(3, '0')}`,
          form_id: 'portal.deposit',
          payload_ciphertext: cipher.encrypt(`{"account":"${1_000_000 + index}"}`),
          expires_at: new Date(Date.now() + 3_600_000),
        })),
      )
      .execute();
  } finally {
    await database.close();
  }
});
after(() => rm(dataDir, { recursive: true, force: true }));

test('keys rotate killed with SIGKILL mid-run is finished by the next run; then the old key can go', async () => {
  const child = spawn(process.execPath, [BIN, 'keys', 'rotate', '--batch', '5'], { env: env() });
  let stderr = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // The first progress line comes after the first committed batch: the worst moment is any moment.
    if (/\d+% \d+\/\d+/.test(stderr)) child.kill('SIGKILL');
  });
  assert.equal(await exited, 'SIGKILL', stderr);

  const second = spawnSync(process.execPath, [BIN, 'keys', 'rotate', '--batch', '5', '--json'], {
    env: env(),
    encoding: 'utf8',
  });
  assert.equal(second.status, 0, second.stderr);
  const report = JSON.parse(second.stdout.trim().split('\n').pop() ?? '{}') as {
    reencrypted: number;
    remaining: number;
  };
  assert.equal(report.remaining, 0);
  assert.ok(
    report.reencrypted > 0 && report.reencrypted < ROWS,
    `the first run had done some: ${report.reencrypted}`,
  );

  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    const onlyNew = createFieldCipher([newKey]);
    const rows = await database.db.selectFrom('platform_form_memory').select('payload_ciphertext').execute();
    assert.equal(rows.length, ROWS);
    const values = rows.map((row) => {
      assert.equal(keyIdOf(row.payload_ciphertext), 'k2');
      return onlyNew.decrypt(row.payload_ciphertext);
    });
    assert.equal(new Set(values).size, ROWS);
  } finally {
    await database.close();
  }
});
