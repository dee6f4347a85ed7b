/**
 * The demonstration population: a deterministic synthetic register (households, people, relationships,
 * incomes) bulk-loaded into the person module's tables, the people the demonstration sign-ins link to, and
 * demo enrolments. A data loader above the person module, never used by product code paths.
 */
export { seedPopulation, PopulationNotEmptyError } from './population-seeder.ts';
export type { SeedResult, SeedDependencies } from './population-seeder.ts';
export { DEMO_PEOPLE, ensureDemoPeople, seedIdentityDemo } from './demo-people.ts';
export { seedDemoEnrolments } from './demo-enrolments.ts';
export { seedDemoRecordsOfEmployment, DEMO_EMPLOYER_ID } from './demo-employment.ts';
export { countPeople, countPopulationRows, hasPopulation } from './population.repository.ts';
export type { PopulationOptions } from './population.types.ts';
export { DEMO_SEED, seedDemoPopulation, seedDemoPopulationIfEmpty } from './demo-population.ts';
export { seedDemoDirectDeposits } from './demo-direct-deposits.ts';
export { demoAddressOf, seedDemoAddresses } from './demo-addresses.ts';
