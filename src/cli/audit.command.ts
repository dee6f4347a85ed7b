import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import type { AuditService, AuditVerification } from '../platform/audit/audit.service.ts';
import type { Config } from '../platform/config/config.ts';
import type { Command } from './command.ts';

async function withAudit<T>(config: Config, work: (audit: AuditService) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await work(createAuditService(database.db, undefined, undefined, config.audit));
  } finally {
    await database.close();
  }
}

export const auditVerifyCommand: Command = {
  summary:
    'Recompute the audit tree and check every signed tree head and the witness copy; exit 1 naming what is wrong',
  async run(args, loadConfig) {
    const report = await withAudit(loadConfig(), (audit) => audit.verify());
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else printVerification(report);
    return report.ok ? 0 : 1;
  },
};

function printVerification(report: AuditVerification): void {
  const witness =
    report.witnessHeads === null ? 'no witness copy' : `${report.witnessHeads} in the witness copy`;
  const counts = `${report.checked} entries in the tree, ${report.treeHeads} signed tree heads (${witness}), ${report.pending} not sealed yet`;
  if (report.ok) {
    console.log(`Audit log intact: ${counts}.`);
    return;
  }
  console.log(`Audit log TAMPERED: ${report.problems.length} problem(s); ${counts}.`);
  for (const problem of report.problems) console.log(`  ${problem.kind}: ${problem.detail}`);
}

export const auditSealCommand: Command = {
  summary:
    'Seal committed audit entries into the Merkle tree and sign a tree head (the server does this itself)',
  async run(args, loadConfig) {
    const report = await withAudit(loadConfig(), (audit) => audit.seal());
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else if (report.head) console.log(`Sealed ${report.sealed} entries; tree size ${report.head.treeSize}.`);
    else console.log('Nothing to seal.');
    return 0;
  },
};
