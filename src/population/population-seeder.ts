import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { LookupHasher } from '../platform/crypto/lookup-hash.ts';
import type { BinaryCopy, CopySession, Database } from '../platform/db/database.ts';
import { withKeysAndIndexesLifted, withSeedingLock } from './bulk-load.ts';
import { iterateHouseholds } from './population-generator.ts';
import type { GeneratedHousehold, PopulationOptions } from './population.types.ts';
import { householdRows, incomeRows, personRows, relationshipRows } from './population-copy.ts';

export interface SeedDependencies {
  readonly cipher: FieldCipher;
  readonly hasher: LookupHasher;
}

/** Fictitious SINs from two seeds would collide, and the bulk load assumes empty tables. */
export class PopulationNotEmptyError extends Error {
  constructor() {
    super('The population register already has people; demo seeding only fills an empty one');
    this.name = 'PopulationNotEmptyError';
  }
}

export interface SeedResult {
  readonly people: number;
  readonly households: number;
  readonly relationships: number;
  readonly incomes: number;
  readonly milliseconds: number;
}

// Big enough that COPY's per-statement cost disappears, small enough to keep memory flat at any size.
const BATCH_PEOPLE = 20_000;

type Totals = { -readonly [key in keyof Omit<SeedResult, 'milliseconds'>]: number };

/**
 * Fills an empty register with a generated demo population, streamed in with COPY batch by batch. The
 * next batch's encryption (on the cipher's worker threads, when it has them) overlaps this batch's COPY.
 * It is one transaction with the keys and indexes lifted (see bulk-load.ts): a failure leaves nothing.
 * Throws `PopulationNotEmptyError` if anyone is already registered.
 */
export async function seedPopulation(
  database: Database,
  dependencies: SeedDependencies,
  options: PopulationOptions,
): Promise<SeedResult> {
  const started = performance.now();
  const totals = await withSeedingLock(database, () =>
    withKeysAndIndexesLifted(
      database,
      () => new PopulationNotEmptyError(),
      (copyIn) => loadPopulation(copyIn, dependencies, options),
    ),
  );
  return { ...totals, milliseconds: Math.round(performance.now() - started) };
}

async function loadPopulation(
  copyIn: CopySession['copyIn'],
  dependencies: SeedDependencies,
  options: PopulationOptions,
): Promise<Totals> {
  const totals: Totals = { people: 0, households: 0, relationships: 0, incomes: 0 };
  let copying: Promise<void> = Promise.resolve();
  try {
    for (const households of populationBatches(options)) {
      const copies = await prepareBatch(households, dependencies);
      await copying;
      copying = copyAll(copyIn, copies);
      copying.catch(() => undefined); // awaited on the next turn; this only stops an early failure counting as unhandled
      addTotals(totals, households);
    }
    await copying;
  } catch (error) {
    await copying.catch(() => undefined); // nothing may still be writing when the transaction rolls back
    throw error;
  }
  return totals;
}

/** The population in batches of about `BATCH_PEOPLE` people, whole households each. */
export function* populationBatches(options: PopulationOptions): Generator<GeneratedHousehold[]> {
  let batch: GeneratedHousehold[] = [];
  let people = 0;
  for (const household of iterateHouseholds(options)) {
    batch.push(household);
    people += household.people.length;
    if (people >= BATCH_PEOPLE) {
      yield batch;
      batch = [];
      people = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A batch ready to COPY: its Protected B values encrypted (SINs, with their look-up hash, and income
 * amounts; nothing else is) and its rows written in binary, one COPY per table.
 */
export async function prepareBatch(
  households: readonly GeneratedHousehold[],
  { cipher, hasher }: SeedDependencies,
): Promise<readonly BinaryCopy[]> {
  const sins: string[] = [];
  const amounts: string[] = [];
  for (const household of households) {
    for (const person of household.people) if (person.sin !== null) sins.push(person.sin);
    for (const income of household.incomes) amounts.push(String(income.amountCents));
  }
  const [sinCiphertexts, sinLookups, amountCiphertexts] = await Promise.all([
    cipher.encryptMany(sins),
    hasher.hashMany(sins),
    cipher.encryptMany(amounts),
  ]);
  const values = { sinCiphertexts, sinLookups, amountCiphertexts };
  return [
    householdRows(households),
    personRows(households, values),
    relationshipRows(households),
    incomeRows(households, values),
  ];
}

// One session, so one COPY at a time; the order does not matter while the keys are lifted.
async function copyAll(copyIn: CopySession['copyIn'], copies: readonly BinaryCopy[]): Promise<void> {
  for (const copy of copies) await copyIn(copy);
}

function addTotals(totals: Totals, households: readonly GeneratedHousehold[]): void {
  totals.households += households.length;
  for (const household of households) {
    totals.people += household.people.length;
    totals.relationships += household.relationships.length;
    totals.incomes += household.incomes.length;
  }
}
