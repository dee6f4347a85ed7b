/**
 * The inbox: every letter Guichet sends a person, stored once and encrypted, in their official language; the
 * notice that something arrived (email or SMS through GC Notify, nothing personal in it); paper, large print
 * and braille for those who need them; the daily print file for the mail house. See docs/adr/0018-inbox.md.
 */
export const inboxLocales = new URL('./locales/', import.meta.url);

export { createInboxService, noticeChannelFor, printFormatFor } from './inbox.service.ts';
export type {
  InboxService,
  InboxDependencies,
  Recipient,
  RecipientDirectory,
  RepresentativeCopies,
  DeliveryRequest,
  Delivered,
  DocumentSummary,
} from './inbox.service.ts';
export { createNoticeSender, PermanentNoticeError, DEFAULT_NOTICE_SENDER_OPTIONS } from './notice-sender.ts';
export type { NoticeSender, NoticeGateway, OutgoingNotice, NoticeRun } from './notice-sender.ts';
export { buildPrintFile, resumePrintFiles } from './print-file.ts';
export type { PrintFileResult, ManifestLine } from './print-file.ts';
export { registerInboxRoutes, registerNotifyReceipts } from './inbox.routes.ts';
export { createDeliveryRecord } from './delivery-record.ts';
export type { DeliveryRecord, DeliveryLine, PaperState } from './delivery-record.ts';
export { registerDeliveryRoutes, clientDeliveriesSection } from './deliveries.routes.ts';
export { createHeldLetters } from './held-letters.ts';
export type { HeldLetters, HeldLetter } from './held-letters.ts';
export { inboxPaths, NOTIFY_RECEIPTS_PATH } from './inbox.paths.ts';
export { DOCUMENT_KINDS, isDocumentKind } from './document-kinds.ts';
export type { DocumentKind } from './document-kinds.ts';
export { createMessagesService } from './messages.service.ts';
export { answerWithinBusinessDays } from './message-standards.ts';
export type { AttachmentRules } from './message-attachments.ts';
export type { MessagesService, MessageProgramme } from './messages.service.ts';
export { registerMessageRoutes, messageNotices } from './messages.routes.ts';
export type { RepresentationPort, Represented } from './messages.routes.ts';
export { sendReminders } from './reminders.ts';
export {
  createReminderSchedule,
  loadReminderTiming,
  informationRequestedSource,
  reviewDeadlineSource,
  bankReturnReminder,
  bankReturnSource,
  NO_RETURNS,
} from './reminder-sources.ts';
export type {
  ReminderSchedule,
  ReminderScheduleDependencies,
  ReminderTiming,
  CaseDeadlines,
  InformationOutstanding,
  ReviewDeadline,
  BankReturn,
  ReturnsAwaitingDetails,
} from './reminder-sources.ts';
export type { DueReminder, ReminderSource, ReminderRun } from './reminders.ts';
export { REMINDER_NOTICE_INTERVAL_MS } from './inbox.service.ts';
export { inboxEncryptedColumns } from './inbox.tables.ts';
export { createSecurityNotices } from './security-notices.ts';
export type { SecurityNotices, SecurityNoticeRequest } from './security-notices.ts';
export { securityNoticeEncryptedColumns } from './security-notice.tables.ts';
export { securityNoticesOf } from './security-notice.repository.ts';
