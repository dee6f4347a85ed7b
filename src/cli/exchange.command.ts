import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedAgreements } from '../exchange/index.ts';
import { seedDemoEnrolments } from '../population/index.ts';
import type { Command } from './command.ts';

/** `guichet exchange seed`: loads sharing agreements and gives the demo population current enrolments. */
export const exchangeSeedCommand: Command = {
  summary: 'Load information-sharing agreements and demo enrolments (after `guichet seed`)',
  async run(_args, loadConfig) {
    const database = await openDatabase(loadConfig());
    try {
      await migrateToLatest(database.db);
      const agreements = await seedAgreements(database.db);
      const enrolments = await seedDemoEnrolments(database.db, new Date());
      console.log(
        `Agreements: ${agreements.agreements}; programme data uses: ${agreements.programmeElements}; demo enrolments: ${enrolments}.`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
