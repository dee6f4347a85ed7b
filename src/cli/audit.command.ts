import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createAuditService } from '../platform/audit/audit.service.ts';
import type { Command } from './command.ts';

export const auditVerifyCommand: Command = {
  summary: 'Check the audit log hash chain; exit 1 if a row was edited, inserted or deleted',
  async run(args, loadConfig) {
    const database = await openDatabase(loadConfig());
    try {
      await migrateToLatest(database.db);
      const report = await createAuditService(database.db).verify();
      if (args.includes('--json')) console.log(JSON.stringify(report));
      else if (report.ok) console.log(`Audit log intact: ${report.checked} entries verified.`);
      else {
        console.log(`Audit log TAMPERED: ${report.problems.length} problem(s) in ${report.checked} entries.`);
        for (const problem of report.problems) console.log(`  entry ${problem.seq}: ${problem.kind}`);
      }
      return report.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
