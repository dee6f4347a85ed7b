import { resolve } from 'node:path';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import { createMetrics } from '../platform/observability/metrics.ts';
import { buildPrintFile, resumePrintFiles } from '../inbox/index.ts';
import { withServices } from './with-services.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * `guichet inbox print [--date YYYY-MM-DD] [--out DIR] [--json]`: the day's print file for the mail house.
 * First releases the held letters whose person now has an address, and finishes any print file a killed run
 * committed but did not finish writing, so nothing is printed twice and nothing is lost.
 */
export const inboxPrintCommand: Command = {
  summary:
    "Write the day's print file (letters.pdf, large-print.pdf, braille/*.brf, manifest.json) [--date D] [--out DIR] [--json]",
  async run(args, loadConfig) {
    const config = loadConfig();
    const printDate = option(args, '--date') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(printDate)) throw new UsageError('--date takes YYYY-MM-DD');
    const outDir = resolve(option(args, '--out') ?? `${config.dataDir ?? '.'}/print`);
    // Letters held for want of an address whose person now has one go into this print file (ADR 0018).
    const released = await withServices(config, (services) => services.heldLetters.release());
    const database = await openDatabase(config);
    const crypto = createFieldCrypto(config);
    try {
      await migrateToLatest(database.db);
      const resumed = await resumePrintFiles(database.db, crypto.cipher, outDir);
      const clock = () => new Date();
      const audit = createAuditService(database.db, createMetrics(), clock, config.audit);
      const file = await buildPrintFile(database.db, crypto.cipher, { printDate, outDir, clock, audit });
      const summary = {
        resumed,
        released,
        file: file ? { directory: file.directory, letters: file.manifest.length } : null,
      };
      if (args.includes('--json')) console.log(JSON.stringify(summary));
      else if (file) console.log(`${file.manifest.length} letter(s) in ${file.directory}`);
      else console.log('No letters waiting for the mail house.');
      return 0;
    } finally {
      await crypto.close();
      await database.close();
    }
  },
};

/** `guichet inbox notices [--json]`: one pass over the notices due (the server does this every few seconds). */
export const inboxNoticesCommand: Command = {
  summary: 'Send the notices due from the queue, once [--json]',
  async run(args, loadConfig) {
    const run = await withServices(loadConfig(), async (services) => {
      const notices = await services.noticeSender.sendDue();
      // Security notices to a previous contact point leave from their own queue (ADR 0012).
      return { ...notices, security: await services.securityNotices.sendDue() };
    });
    if (args.includes('--json')) console.log(JSON.stringify(run));
    else console.log(`Sent ${run.sent}, waiting to retry ${run.retrying}, sent to paper ${run.toPaper}.`);
    return 0;
  },
};

/**
 * `guichet inbox reminders [--json]`: one pass over the reminder sources (the server does this every hour):
 * information requested and not received, reconsideration deadlines coming, returned payments whose banking
 * details were not updated. Each reminder is sent once.
 */
export const inboxRemindersCommand: Command = {
  summary:
    'Send the reminders due (information awaited, reconsideration deadlines, bank returns), once [--json]',
  async run(args, loadConfig) {
    const run = await withServices(loadConfig(), (services) => services.reminders.runOnce());
    if (args.includes('--json')) console.log(JSON.stringify(run));
    else {
      const sent = Object.entries(run.sent).map(([source, count]) => `${source} ${count}`);
      console.log(`Reminders sent: ${sent.join(', ')}; already sent before: ${run.alreadySent}.`);
    }
    return 0;
  },
};

/**
 * `guichet inbox mailed <YYYY-MM-DD-NNN>`: the mail house confirms a print file went to the post; staff then
 * see its letters as mailed in the client file. Exit 1 when the file is unknown or was confirmed already.
 */
export const inboxMailedCommand: Command = {
  summary: 'Record that the mail house mailed a print file: <YYYY-MM-DD-NNN>',
  async run(args, loadConfig) {
    const name = args.find((arg) => !arg.startsWith('--')) ?? '';
    if (!/^\d{4}-\d{2}-\d{2}-\d{3}$/.test(name)) throw new UsageError('give the print file: YYYY-MM-DD-NNN');
    const marked = await withServices(loadConfig(), (services) =>
      services.deliveries.mailed(name, new Date()),
    );
    console.log(marked ? `${name} recorded as mailed.` : `${name}: no such print file, or already mailed.`);
    return marked ? 0 : 1;
  },
};
