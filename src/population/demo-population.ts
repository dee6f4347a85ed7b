import type { Logger } from 'pino';
import type { Config } from '../platform/config/config.ts';
import type { Database } from '../platform/db/database.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { hasPopulation } from './population.repository.ts';
import { PopulationNotEmptyError, seedPopulation } from './population-seeder.ts';
import type { SeedResult } from './population-seeder.ts';

// The demo population is the same on every machine: a fixed seed.
export const DEMO_SEED = 20_261_122;

export async function seedDemoPopulation(
  database: Database,
  config: Config,
  people: number,
  seed = DEMO_SEED,
): Promise<SeedResult> {
  const crypto = createFieldCrypto(config, { threads: 2 });
  try {
    return await seedPopulation(database, { cipher: crypto.cipher, hasher: crypto.hasher }, { people, seed });
  } finally {
    await crypto.close();
  }
}

/** On first start only: an empty register gets `DEMO_PEOPLE` synthetic people so every page has something to show. */
export async function seedDemoPopulationIfEmpty(
  database: Database,
  config: Config,
  logger: Logger,
): Promise<void> {
  if (config.demoPeople === 0 || (await hasPopulation(database.db))) return;
  try {
    const result = await seedDemoPopulation(database, config, config.demoPeople);
    logger.info(result, 'demo population seeded');
  } catch (error) {
    // Another instance starting at the same moment seeded it first: that is the outcome we wanted.
    if (!(error instanceof PopulationNotEmptyError)) throw error;
  }
}
