import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { CANADA_REFERENCE_DIR, createCatalogueService, loadReferenceData } from '../catalogue/index.ts';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Command } from './command.ts';
import { DEMO_SEED, seedDemoPopulation } from '../population/index.ts';
import { UsageError } from './usage-error.ts';
import { countPeople } from '../population/index.ts';

export const seedCommand: Command = {
  summary: 'Load reference data [--reference DIR] and a demo population [--people N] [--seed S]',
  async run(args, loadConfig) {
    const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
    const referenceDir = option('--reference');
    const people = wholeNumber(option('--people') ?? '0', '--people');
    const seed = wholeNumber(option('--seed') ?? String(DEMO_SEED), '--seed');
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const dir = referenceDir ? pathToFileURL(`${resolve(referenceDir)}/`) : CANADA_REFERENCE_DIR;
      const counts = await createCatalogueService(database.db).seedReferenceData(loadReferenceData(dir));
      console.log(
        `Reference data: ${counts.jurisdictions} jurisdictions, ${counts.agencies} agencies, ${counts.programmes} programmes.`,
      );
      const existing = people > 0 ? await countPeople(database.db) : 0;
      if (existing > 0) {
        // Generated ids come from the seed, so a second run would collide; the demo register is seeded once.
        console.error(
          `The register already has ${existing} people; no demo population was added. Use an empty database.`,
        );
        return 1;
      }
      if (people > 0) {
        const result = await seedDemoPopulation(database, config, people, seed);
        const seconds = result.milliseconds / 1000;
        console.log(
          `Population: ${result.people} people in ${result.households} households (seed ${seed}) in ${seconds.toFixed(1)} s (${Math.round(result.people / seconds)} people/s).`,
        );
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} needs a whole number`);
  return Number(text);
}
