import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createCatalogueService } from '../catalogue/catalogue.service.ts';
import { CANADA_REFERENCE_DIR, loadReferenceData } from '../catalogue/reference-data.ts';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Command } from './commands.ts';

export const seedCommand: Command = {
  summary: 'Load reference data (--reference DIR) and a demo population (--people N --seed S)',
  async run(args, loadConfig) {
    const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
    const referenceDir = option('--reference');
    const database = await openDatabase(loadConfig());
    try {
      await migrateToLatest(database.db);
      const dir = referenceDir ? pathToFileURL(`${resolve(referenceDir)}/`) : CANADA_REFERENCE_DIR;
      const counts = await createCatalogueService(database.db).seedReferenceData(loadReferenceData(dir));
      console.log(
        `Reference data: ${counts.jurisdictions} jurisdictions, ${counts.agencies} agencies, ${counts.programmes} programmes.`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
