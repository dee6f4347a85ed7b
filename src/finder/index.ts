/** The benefits finder: one question per page, nothing stored, every programme a household may qualify for. */
export const finderLocales = new URL('./locales/', import.meta.url);

export { registerFinderRoutes } from './finder.routes.ts';
export type { FinderDependencies } from './finder.routes.ts';
export { finderPaths } from './finder.paths.ts';
export { carriedFacts, createFinderCarryOver } from './finder.carry-over.ts';
