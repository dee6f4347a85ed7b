/** The catalogue: jurisdictions, agencies and programmes as reference data, and their public pages. */
export const catalogueLocales = new URL('./locales/', import.meta.url);

export { createCatalogueService } from './catalogue.service.ts';
export type { CatalogueService } from './catalogue.service.ts';
export { registerCatalogueRoutes } from './catalogue.routes.ts';
export { cataloguePaths } from './catalogue.paths.ts';
export { CANADA_REFERENCE_DIR, loadReferenceData } from './reference-data.ts';
export type { ProgrammeRow } from './catalogue.repository.ts';
export type { GuidePorts } from './programme-guide.ts';
