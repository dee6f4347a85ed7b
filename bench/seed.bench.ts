// Seeds a demo population into fresh databases and prints how fast it went.
//   npm run bench:seed -- [--people 1000000] [--database pglite|postgres] [--threads 2] [--pglite-dir DIR|memory]
//                          [--phases]
// --phases times the two halves apart instead of overlapped: first every batch is prepared in memory
// (generated, encrypted, written as binary rows), then the database alone COPYs them and rebuilds the keys.
// PGlite is on disk, as the product runs it, in a new directory under --pglite-dir (default the system's
// temporary directory; removed afterwards), or in memory with --pglite-dir memory. PostgreSQL uses a
// throwaway schema at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCatalogueService } from '../src/catalogue/catalogue.service.ts';
import { loadReferenceData } from '../src/catalogue/reference-data.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { dropSchema, openDatabase } from '../src/platform/db/database.ts';
import type { BinaryCopy, Database, DatabaseKind } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { withKeysAndIndexesLifted } from '../src/population/bulk-load.ts';
import { populationBatches, prepareBatch, seedPopulation } from '../src/population/population-seeder.ts';
import type { SeedDependencies } from '../src/population/population-seeder.ts';
import type { SeedResult } from '../src/population/population-seeder.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    database: { type: 'string' },
    threads: { type: 'string', default: '2' },
    'pglite-dir': { type: 'string' },
    seed: { type: 'string', default: '2026' },
    phases: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const threads = Number(values.threads);
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kinds: DatabaseKind[] =
  values.database === undefined ? ['pglite', 'postgres'] : [values.database as DatabaseKind];

interface Target {
  readonly database: Database;
  readonly label: string;
  dispose(): Promise<void>;
}

async function openTarget(kind: DatabaseKind): Promise<Target> {
  if (kind === 'postgres') {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ databaseUrl: postgresUrl, dataDir: null }, { schema });
    return {
      database,
      label: 'PostgreSQL',
      async dispose() {
        await database.close();
        await dropSchema(postgresUrl, schema);
      },
    };
  }
  const parent = values['pglite-dir'] ?? tmpdir();
  const dir = parent === 'memory' ? null : mkdtempSync(join(parent, 'guichet-bench-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  const label = dir === null ? 'PGlite (in memory)' : 'PGlite (on disk)';
  return {
    database,
    label,
    async dispose() {
      await database.close();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function bench(kind: DatabaseKind): Promise<void> {
  let target: Target;
  try {
    target = await openTarget(kind);
  } catch (error) {
    console.log(`${kind}: skipped (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const crypto = createFieldCrypto(
    { encryptionKeys: [{ id: 'bench', key: randomBytes(32) }], lookupHashKey: randomBytes(32) },
    { threads },
  );
  try {
    await migrateToLatest(target.database.db);
    await createCatalogueService(target.database.db).seedReferenceData(loadReferenceData());
    if (values.phases) {
      await benchPhases(target, crypto);
      return;
    }
    const cpuBefore = process.cpuUsage();
    const result = await seedPopulation(target.database, crypto, { people, seed: Number(values.seed) });
    report(target.label, result, process.cpuUsage(cpuBefore));
  } finally {
    await crypto.close();
    await target.dispose();
  }
}

/** What the database alone costs (COPY, then rebuilding keys and indexes), and what preparing costs. */
async function benchPhases(target: Target, dependencies: SeedDependencies): Promise<void> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const batches: (readonly BinaryCopy[])[] = [];
  for (const households of populationBatches({ people, seed: Number(values.seed) }))
    batches.push(await prepareBatch(households, dependencies));
  const prepared = performance.now();
  const prepareCpu = process.cpuUsage(cpuBefore);
  let copied = prepared;
  await withKeysAndIndexesLifted(
    target.database,
    () => new Error('The population tables are not empty'),
    async (copyIn) => {
      for (const copies of batches) for (const copy of copies) await copyIn(copy);
      copied = performance.now();
    },
  );
  const done = performance.now();
  const seconds = (from: number, to: number): string => `${((to - from) / 1000).toFixed(1)} s`;
  const cpu = ({ user, system }: NodeJS.CpuUsage): string => `${((user + system) / 1e6).toFixed(1)} s`;
  console.log(
    `${target.label}, ${people.toLocaleString('en-CA')} people in phases: prepare ${seconds(started, prepared)} ` +
      `(process CPU ${cpu(prepareCpu)}), COPY ${seconds(prepared, copied)}, keys and indexes ` +
      `${seconds(copied, done)}; database alone ${seconds(prepared, done)} (load average now ${loadavg()[0]?.toFixed(1)})`,
  );
}

// On a shared host wall-clock time says more about the neighbours; the process's CPU time (all its
// threads; for PostgreSQL the server's own work is not included) is the steadier figure.
function report(label: string, result: SeedResult, cpu: NodeJS.CpuUsage): void {
  const seconds = result.milliseconds / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = (value: number): string => value.toLocaleString('en-CA');
  console.log(
    `${label}: ${count(result.people)} people, ${count(result.households)} households, ` +
      `${count(result.relationships)} relationships, ${count(result.incomes)} incomes in ${seconds.toFixed(1)} s ` +
      `= ${count(Math.round(result.people / seconds))} people/s (process CPU ${cpuSeconds.toFixed(1)} s, ` +
      `load average now ${loadavg()[0]?.toFixed(1)})`,
  );
}

console.log(
  `Seeding ${people.toLocaleString('en-CA')} people, ${threads} crypto worker thread(s), ${availableParallelism()} CPUs, ` +
    `Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
);
for (const kind of kinds) await bench(kind);
