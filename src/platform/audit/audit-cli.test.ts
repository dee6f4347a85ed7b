import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { auditEntry } from '../../../test/support/audit.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createAuditService } from './audit.service.ts';

test('`guichet audit seal` and `guichet audit verify` on the embedded database, with the demo witness copy', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-audit-cli-'));
  const guichet = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/guichet.js', 'audit', ...args], {
      // Empty values fall back to the defaults whatever the calling shell sets.
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        AUDIT_WITNESS_FILE: '',
        AUDIT_SIGNING_KEY: '',
        AUDIT_SIGNING_KEY_FILE: '',
      },
      encoding: 'utf8',
    });
  try {
    const database = await openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    const audit = createAuditService(database.db);
    for (let n = 0; n < 3; n += 1) await audit.record(auditEntry(n));
    await database.close();

    const sealed = guichet('seal');
    assert.equal(sealed.status, 0, sealed.stderr);
    assert.match(sealed.stdout, /Sealed 3 entries; tree size 3\./);
    assert.ok(
      existsSync(join(dataDir, 'audit-witness.jsonl')),
      'the demo keeps its witness copy under DATA_DIR',
    );
    const intact = guichet('verify');
    assert.equal(intact.status, 0, intact.stdout + intact.stderr);
    assert.match(
      intact.stdout,
      /intact: 3 entries in the tree, 1 signed tree heads \(1 in the witness copy\), 0 not sealed yet/,
    );
    const json = JSON.parse(guichet('verify', '--json').stdout) as { ok: boolean; checked: number };
    assert.deepEqual([json.ok, json.checked], [true, 3]);

    const again = await openDatabase({ databaseUrl: null, dataDir });
    await sql`ALTER TABLE audit_event DISABLE TRIGGER USER`.execute(again.db);
    await sql`UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 2`.execute(again.db);
    await again.close();
    const tampered = guichet('verify');
    assert.equal(tampered.status, 1);
    assert.match(tampered.stdout, /TAMPERED/);
    assert.match(tampered.stdout, /modified: entry 2 \(position 1\) was changed/);
    assert.match(tampered.stdout, /root-mismatch: tree head of size 3 \(database\)/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
