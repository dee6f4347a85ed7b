import { randomUUID } from 'node:crypto';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import { createFieldCipher } from '../platform/crypto/field-cipher.ts';
import { rotateEncryptedColumns } from '../platform/crypto/key-rotation.ts';
import type { RotationReport } from '../platform/crypto/key-rotation.ts';
import type { Config } from '../platform/config/config.ts';
import { encryptedColumns } from '../app.keys.ts';
import { fillMaskedHints } from '../person/index.ts';
import type { Command } from './command.ts';
import { createProgressBar } from './progress-bar.ts';
import { UsageError } from './usage-error.ts';

/**
 * `guichet keys rotate [--batch N] [--json]`: re-encrypts every Protected B column under the first key of
 * FIELD_ENCRYPTION_KEYS. Run it after putting a new key first; once it reports nothing remaining, the older
 * keys can be removed from the configuration. Killed, it is finished by running it again.
 */
export const keysRotateCommand: Command = {
  summary:
    'Re-encrypt every Protected B field under the newest key, in resumable batches [--batch N] [--json]',
  async run(args, loadConfig) {
    const batch = Number(option(args, '--batch') ?? '500');
    if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
      throw new UsageError('--batch takes a whole number from 1 to 100000');
    const report = await rotate(loadConfig(), batch, !args.includes('--json'));
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else
      console.log(
        `Re-encrypted ${report.reencrypted} field(s) under key ${report.keyId}; ${report.remaining} remaining under older keys.`,
      );
    return report.remaining === 0 ? 0 : 1;
  },
};

export async function rotate(
  config: Config,
  batchSize: number,
  showProgress: boolean,
): Promise<RotationReport> {
  const database = await openDatabase(config);
  const bar = showProgress ? createProgressBar() : null;
  try {
    await migrateToLatest(database.db);
    const cipher = createFieldCipher(config.encryptionKeys);
    const report = await rotateEncryptedColumns(database.db, cipher, encryptedColumns().list(), {
      batchSize,
      onProgress: ({ column, done, total }) => bar?.update(done, total, `${column.table}.${column.column}`),
    });
    // The clear hints of a masked SIN or account do not change with the key; rows older than them get theirs.
    await fillMaskedHints(database.db, cipher, batchSize);
    await createAuditService(database.db, undefined, undefined, config.audit).record({
      actor: { type: 'system', id: 'keys-rotate' },
      action: 'platform.keys.rotated',
      purpose: 'key-rotation',
      channel: 'system',
      outcome: report.remaining === 0 ? 'success' : 'failure',
      correlationId: randomUUID(),
      details: { keyId: report.keyId, reencrypted: report.reencrypted, remaining: report.remaining },
    });
    return report;
  } finally {
    bar?.stop();
    await database.close();
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
