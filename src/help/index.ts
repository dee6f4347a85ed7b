/** Help: contact lines per programme, offices by postal code, call-back and appointment requests (issue #14). */
export const helpLocales = new URL('./locales/', import.meta.url);

export { createHelpService } from './help.service.ts';
export type { HelpService, HelpTask } from './help.service.ts';
export { registerHelpRoutes } from './help.routes.ts';
export type { HelpRouteDependencies } from './help.routes.ts';
export { helpPaths } from './help.paths.ts';
export type { ContactLine, HelpProgramme, Office } from './help-data.ts';
export { helpEncryptedColumns } from './help.tables.ts';
export {
  HELP_REQUEST_RETENTION_DAYS,
  purgeClosedHelpRequests,
  scheduleHelpRequestPurge,
} from './help-purge.ts';
export type { HelpPurgeReport } from './help-purge.ts';
