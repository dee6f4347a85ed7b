/**
 * Applications: a form per programme kept as data, prefilled from the record (tell us once), one question a
 * page, evidence encrypted as Protected B, every channel (online, phone, in person, paper, representatives)
 * making one case per submission. The deciding capability is reached through `ApplicationSubmittedHandler`
 * and moves statuses through `ApplicationStatusPort`. See docs/adr/0016-applications.md.
 */
export const applicationsLocales = new URL('./locales/', import.meta.url);

export type {
  ApplicationChannel,
  ApplicationStatus,
  ApplicationStatusPort,
  ApplicationSubmittedHandler,
  StatusChange,
  SubmissionOutcome,
  SubmittedApplication,
} from './submitted-application.ts';
export { createApplicationsModule } from './applications.module.ts';
export type { ApplicationsModule, ApplicationsModuleDependencies } from './applications.module.ts';
export type { RecordOfEmploymentInput } from './employment.service.ts';
export { queueingHandler, SUBMIT_BATCHING } from './applications.service.ts';
export type { ApplicationSummary, ApplicationsService } from './applications.service.ts';
export { loadApplicationForms } from './application-forms.ts';
export type { ApplicationForm } from './application-forms.ts';
export { registerApplicationRoutes } from './applications.routes.ts';
export { registerStaffRoutes, clientApplications } from './staff.routes.ts';
export { registerRepresentativeRoutes } from './representatives.routes.ts';
export type { ApplicationRouteDependencies } from './applications.routes.ts';
export { applicationsPaths, personFlow, staffFlow } from './applications.paths.ts';
export { registerMultipart } from './multipart.ts';
export { registerEmploymentApi } from './employment.api.ts';
export { REMINDER_DAYS } from './draft-expiry.ts';
export type { DraftExpiry, DraftReminder } from './draft-expiry.ts';
export { applicationsEncryptedColumns } from './applications.tables.ts';
export { newReference } from './reference.ts';
export { cleanEvidenceFile, EVIDENCE_MAX_BYTES } from './evidence-files.ts';
export { tidyFileName } from './evidence.service.ts';
