/**
 * Public face of payments: the payment calendar (schedules, bank holidays, banking days) and the bank files
 * (CPA 005, ISO 20022 pain.001 / pain.002 / camt.054, cheque print files). See docs/adr/0009.
 */
export type {
  BankAccount,
  Payee,
  Payment,
  Originator,
  ReturnReason,
  PaymentReturn,
  PaymentProblem,
} from './payment.ts';
export {
  InvalidPaymentError,
  MAX_AMOUNT_CENTS,
  problemWith,
  problemWithAccount,
  assertWritable,
} from './payment.ts';

export type { ScheduleId, PaymentDate, PaymentSchedule } from './calendar/schedules.ts';
export {
  scheduleOf,
  paymentDateFor,
  paymentDatesIn,
  nextPaymentDate,
  UnknownScheduleError,
  NoPublishedDateError,
  AnchorRequiredError,
} from './calendar/schedules.ts';
export { JURISDICTIONS, holidaysIn, UnknownJurisdictionError } from './calendar/holidays.ts';
export type { Jurisdiction, Holiday } from './calendar/holidays.ts';
export {
  BusinessCalendar,
  bankingCalendar,
  businessDaysAfter,
  isBankingDay,
  fileDueDate,
} from './calendar/business-days.ts';

export { collect } from './files/collect.ts';
export { describeRefusal, FileRefusedError, REFUSAL_MESSAGES } from './files/file-refusal.ts';
export type { RefusalCode } from './files/file-refusal.ts';
export { codesOfReason, reasonOfCpaCode, reasonOfIsoCode } from './files/return-reasons.ts';
export { isKnownInstitution, INSTITUTIONS } from './files/institutions.ts';
export type { Institution } from './files/institutions.ts';
export { writeCpa005Credits, InvalidFileHeaderError } from './files/cpa005/cpa005-writer.ts';
export type { Cpa005FileHeader, Cpa005Totals } from './files/cpa005/cpa005-writer.ts';
export { readCpa005 } from './files/cpa005/cpa005-reader.ts';
export type { Cpa005Item, Cpa005Summary, Cpa005ReadOptions } from './files/cpa005/cpa005-reader.ts';
export { readCpa005Returns, writeCpa005Returns } from './files/cpa005/cpa005-returns.ts';
export {
  writePain001,
  PAIN_001_NAMESPACE,
  ControlTotalMismatchError,
} from './files/iso20022/pain001-writer.ts';
export type { Pain001Header } from './files/iso20022/pain001-writer.ts';
export { readPain001 } from './files/iso20022/pain001-reader.ts';
export type {
  Pain001Summary,
  Pain001Transaction,
  Pain001ReadOptions,
} from './files/iso20022/pain001-reader.ts';
export { writePain002, writeCamt054 } from './files/iso20022/status-writers.ts';
export { readPain002Returns, readCamt054Returns } from './files/iso20022/status-readers.ts';
export { writeChequePrintFile, InvalidChequeError } from './files/cheques/cheque-print.ts';
export type { ChequePayment, ChequeRun, MailingAddress } from './files/cheques/cheque-print.ts';
export { amountInWords, amountInFigures } from './files/cheques/amount-in-words.ts';

// The payment run (issue #16 item 2, ADR 0020).
export type { PaymentsTables } from './payments.tables.ts';
export type {
  EntitlementRow,
  EntitlementQuery,
  EntitlementSource,
  DeathRegister,
  PayeeDetails,
  PayeeDirectory,
  ReturnNotifier,
} from './run/run-ports.ts';
export { paymentsDue } from './run/due-payments.ts';
export type { DuePayment, RunWindow } from './run/due-payments.ts';
export {
  createPaymentRunService,
  DEFAULT_RUN_OPTIONS,
  RunTakenOverError,
  InvalidRunPeriodError,
} from './run/payment-run.service.ts';
export type {
  PaymentRunService,
  PaymentRunDependencies,
  PaymentRunOptions,
  ProgressListener,
  StartRequest,
} from './run/payment-run.service.ts';
export type { RunSummary } from './run/run-parts.ts';
export { percentDone } from './run/run-parts.ts';
export {
  PAYABLE_PROGRAMMES,
  UnpayableProgrammeError,
  payDateOfRun,
  scheduleOfProgramme,
} from './run/programme-schedules.ts';
export { createPaymentsModule, NO_ENTITLEMENTS } from './payments.module.ts';
export type { PaymentsModule, PaymentsModuleDependencies } from './payments.module.ts';
export { progressBar } from './run/run-progress.ts';
export { runPaymentsCommand, RunUsageError } from './run/run-command.ts';
export type { PaymentsRunOutput } from './run/run-command.ts';
export { DEFAULT_RELEASE_POLICY } from './release/release.service.ts';
export type {
  ReleasePolicy,
  ReleaseService,
  ReleaseOutcome,
  ReleaseRefusal,
} from './release/release.service.ts';
export { DEMO_BANK_FILE_SETTINGS, BankFileCheckError } from './bank-files/bank-file.service.ts';
export type {
  BankFileService,
  BankFileSettings,
  BankFile,
  BankFileOutcome,
} from './bank-files/bank-file.service.ts';
export const paymentsLocales = new URL('./locales/', import.meta.url);
export { paymentsPaths } from './payments.paths.ts';
export { registerPaymentRunRoutes, registerMyPaymentsRoutes, paymentNotices } from './payments.routes.ts';
export type { MyPaymentsService, PersonPayment } from './my-payments.service.ts';
export type { PaymentRouteDependencies } from './payments.routes.ts';
export type { ProgrammeName } from './views/runs.views.ts';
export type {
  ReturnsService,
  ReturnsLoaded,
  ReturnTask,
  ReturnsFormat,
  ToldReturn,
} from './returns/returns.service.ts';
export { paymentsEncryptedColumns } from './payments.tables.ts';

// Returns uploaded and followed up, reissue, reconciliation, cheque print files (issue #16 items 3 and 5).
export { registerPaymentReturnRoutes, paymentReturnNotices } from './payment-returns.routes.ts';
export type { PaymentReturnRouteDependencies } from './payment-returns.routes.ts';
export { paymentReturnsPaths } from './payment-returns.paths.ts';
export type { ReturnLetterPort, ReturnLetterRecipient } from './returns/return-letter.ts';
export { DEMO_CHEQUE_SETTINGS } from './cheques/cheque-file.service.ts';
export type {
  ChequeAddressBook,
  ChequeMailing,
  ChequeSettings,
  ChequeFileService,
} from './cheques/cheque-file.service.ts';
export type { Reconciliation, ReconciliationLine, Tally } from './reconciliation/reconciliation.ts';
export type { ReturnLoad, UploadOutcome } from './returns/returns.service.ts';
// Overpayments, underpayments, statements and tax slips (issue #16 items 6 and 8, ADR 0024).
export type { PersonDebt, PaymentLetterPort, DebtsService } from './adjustments/debts.service.ts';
export type { CancelOutcome, CancelRefusal, RunCancelService } from './cancel/run-cancel.service.ts';
export type { StatementRecipients, StatementsService } from './statements/statements.service.ts';
export { registerStatementRoutes, clientPaymentsSection } from './statements/statements.routes.ts';
export type { OpenClientFile } from './statements/statements.routes.ts';
export { SLIP_IDS } from './statements/tax-slips.ts';
export type { SlipId } from './statements/tax-slips.ts';
