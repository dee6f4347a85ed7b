/** Privacy: the person's access log, the download of everything held about them, and disposition on schedule. */
export const privacyLocales = new URL('./locales/', import.meta.url);

export { createPrivacyService, MINIMUM_RETENTION_YEARS } from './privacy.service.ts';
export type {
  PrivacyService,
  PrivacyDependencies,
  SharingRecords,
  DispositionReport,
  RetentionSchedule,
} from './privacy.service.ts';
export { registerPrivacyRoutes } from './privacy.routes.ts';
export { privacyPaths } from './privacy.paths.ts';
export type { AccessLogEntry } from './access-log.ts';
