import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AuditService } from '../platform/audit/audit.service.ts';
import { createPaymentRunService } from './run/payment-run.service.ts';
import type { PaymentRunOptions, PaymentRunService } from './run/payment-run.service.ts';
import type {
  DeathRegister,
  EntitlementSource,
  PayeeDirectory,
  PersonEnrolments,
  ReturnNotifier,
} from './run/run-ports.ts';
import { createReturnsService } from './returns/returns.service.ts';
import { addReissues } from './returns/reissue.ts';
import { returnLetters } from './returns/return-letter.ts';
import { createChequeFileService, DEMO_CHEQUE_SETTINGS } from './cheques/cheque-file.service.ts';
import type { ChequeAddressBook, ChequeFileService, ChequeSettings } from './cheques/cheque-file.service.ts';
import { reconciliationOf } from './reconciliation/reconciliation.ts';
import type { Reconciliation } from './reconciliation/reconciliation.ts';
import { findRun } from './run/payment-run.repository.ts';
import { runSummaryOf } from './run/run-parts.ts';
import type { RunSummary } from './run/run-parts.ts';
import type { ReturnLetterPort } from './returns/return-letter.ts';
import { createI18n, PLATFORM_LOCALES } from '../platform/i18n/i18n.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { ReturnsService } from './returns/returns.service.ts';
import { createReturnMatchService } from './returns/return-match.service.ts';
import type { ReturnMatchService } from './returns/return-match.service.ts';
import { createMyPaymentsService } from './my-payments.service.ts';
import type { MyPaymentsService } from './my-payments.service.ts';
import { countByStatus } from './release/release.repository.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { createReleaseService, DEFAULT_RELEASE_POLICY } from './release/release.service.ts';
import type { ReleasePolicy, ReleaseService } from './release/release.service.ts';
import { createBankFileService, DEMO_BANK_FILE_SETTINGS } from './bank-files/bank-file.service.ts';
import type { BankFileService, BankFileSettings } from './bank-files/bank-file.service.ts';
import { createRunCancelService } from './cancel/run-cancel.service.ts';
import type { RunCancelService } from './cancel/run-cancel.service.ts';
import { createBatchAdjuster } from './adjustments/batch-adjuster.ts';
import { createDebtsService } from './adjustments/debts.service.ts';
import type { DebtsService, PaymentLetterPort } from './adjustments/debts.service.ts';
import { loadRecoveryPolicy } from './adjustments/recovery-policy.ts';
import type { RecoveryPolicy } from './adjustments/recovery-policy.ts';
import { createStatementsService } from './statements/statements.service.ts';
import type { StatementRecipients, StatementsService } from './statements/statements.service.ts';

/** Everything the payments capability does, built once by the root from its ports. */
export interface PaymentsModule {
  readonly runs: PaymentRunService;
  readonly release: ReleaseService;
  /** A prepared run cancelled before release: payments cancelled, debts given back what it took. */
  readonly cancel: RunCancelService;
  readonly files: BankFileService;
  readonly returns: ReturnsService;
  /** A held return matched to a payment by hand: proposed by one person, confirmed by another. */
  readonly returnMatches: ReturnMatchService;
  readonly mine: MyPaymentsService;
  /** The cheque print file of a released run (PDF and manifest). */
  readonly cheques: ChequeFileService;
  /** The run's reconciliation report: issued, returned, reissued, cancelled, to the cent. */
  reconciliationOf(runId: string): Promise<{ run: RunSummary; report: Reconciliation } | null>;
  /** Overpayments: the person's debts and their letters (ADR 0024). */
  readonly debts: DebtsService;
  /** The year's statement and tax slips, as PDF (ADR 0024). */
  readonly statements: StatementsService;
  /** The run's reconciliation: payments and cents by status. */
  statusOf(runId: string): Promise<Record<string, { count: number; cents: number }>>;
}

export interface PaymentsModuleDependencies {
  readonly db: Kysely<DB>;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly entitlements: EntitlementSource;
  readonly deaths: DeathRegister;
  readonly payees: PayeeDirectory;
  /** A person's enrolments, through which My payments and statements find their payments. */
  readonly enrolments: PersonEnrolments;
  readonly cipher: FieldCipher;
  /** Tells a person a payment came back (the root wires the inbox); by default nobody is told. */
  readonly returnNotifier?: ReturnNotifier;
  /** Or: where the returned-payment letter goes (the inbox's `deliver`), and the programmes' names. */
  readonly returnLetters?: {
    readonly port: ReturnLetterPort;
    readonly programmeName: (programmeId: string, lang: Lang) => Promise<string>;
  };
  readonly releasePolicy?: ReleasePolicy;
  readonly bankFiles?: BankFileSettings;
  readonly runOptions?: Partial<PaymentRunOptions>;
  /** Mailing addresses for cheques (the root wires person); without it, no cheque can be printed. */
  readonly chequeAddresses?: ChequeAddressBook;
  readonly chequeSettings?: ChequeSettings;
  /** Where debt letters go (the root wires the inbox); without it no letter is sent. */
  readonly letters?: PaymentLetterPort;
  /** Programme names from the catalogue, for letters. */
  readonly programmeName?: (programmeId: string, lang: Lang) => Promise<string>;
  /** The overpayment recovery rates; by default the dated file in `reference-data/`. */
  readonly recoveryPolicy?: RecoveryPolicy;
  /** The person's address for statements and slips (the root wires the record). */
  readonly recipients?: StatementRecipients;
}

export function createPaymentsModule(deps: PaymentsModuleDependencies): PaymentsModule {
  const debts = createDebtsService({
    db: deps.db,
    audit: deps.audit,
    letters: deps.letters ?? null,
    programmeName: deps.programmeName ?? ((programmeId) => Promise.resolve(programmeId)),
    clock: deps.clock,
  });
  const returns = createReturnsService({
    db: deps.db,
    audit: deps.audit,
    notifier: notifierOf(deps),
    clock: deps.clock,
  });
  return {
    runs: createPaymentRunService({
      db: deps.db,
      audit: deps.audit,
      entitlements: deps.entitlements,
      deaths: deps.deaths,
      clock: deps.clock,
      adjuster: createBatchAdjuster(deps.recoveryPolicy ?? loadRecoveryPolicy(), { audit: deps.audit }),
      afterPrepared: async () => {
        await debts.sendLetters();
        // A release stopped between its last payment and its letters is told here, with the next run.
        await debts.sendSetOffLetters();
      },
      ...(deps.runOptions ? { options: deps.runOptions } : {}),
      reissues: (run) => addReissues(deps.db, run, deps.payees, deps.clock),
    }),
    release: createReleaseService({
      db: deps.db,
      audit: deps.audit,
      cipher: deps.cipher,
      payees: deps.payees,
      policy: deps.releasePolicy ?? DEFAULT_RELEASE_POLICY,
      clock: deps.clock,
      // Set-offs are told once the run is released, never while it may still be cancelled (ADR 0024).
      afterReleased: async () => {
        await debts.sendSetOffLetters();
      },
    }),
    cancel: createRunCancelService({ db: deps.db, audit: deps.audit, clock: deps.clock }),
    files: createBankFileService({
      db: deps.db,
      audit: deps.audit,
      cipher: deps.cipher,
      settings: deps.bankFiles ?? DEMO_BANK_FILE_SETTINGS,
      clock: deps.clock,
    }),
    returns,
    returnMatches: createReturnMatchService({
      db: deps.db,
      audit: deps.audit,
      clock: deps.clock,
      tellUntold: () => returns.tellUntold(),
    }),
    mine: createMyPaymentsService(deps.db, deps.audit, deps.enrolments, deps.clock),
    cheques: createChequeFileService({
      db: deps.db,
      audit: deps.audit,
      cipher: deps.cipher,
      addresses: deps.chequeAddresses ?? { mailingOf: () => Promise.resolve(null) },
      settings: deps.chequeSettings ?? DEMO_CHEQUE_SETTINGS,
    }),
    async reconciliationOf(runId) {
      const row = await findRun(deps.db, runId);
      if (!row) return null;
      const run = runSummaryOf(row);
      return { run, report: await reconciliationOf(deps.db, run) };
    },
    debts,
    statements: createStatementsService({
      db: deps.db,
      audit: deps.audit,
      programmeName: deps.programmeName ?? ((programmeId) => Promise.resolve(programmeId)),
      recipients: deps.recipients ?? null,
      enrolments: deps.enrolments,
      clock: deps.clock,
    }),
    statusOf: (runId) => countByStatus(deps.db, runId),
  };
}

function notifierOf(deps: PaymentsModuleDependencies): ReturnNotifier {
  if (deps.returnNotifier) return deps.returnNotifier;
  if (!deps.returnLetters) return { paymentReturned: () => Promise.resolve() };
  const i18n = createI18n([PLATFORM_LOCALES, new URL('./locales/', import.meta.url)]);
  const { port, programmeName } = deps.returnLetters;
  return returnLetters(port, (lang) => i18n.translator(lang), programmeName, deps.clock);
}

/** Until decisions' `enrolment_entitlement` reaches main, the root has no entitlements to pay. */
export const NO_ENTITLEMENTS: EntitlementSource = {
  // eslint-disable-next-line require-yield -- an empty stream
  async *stream() {
    return;
  },
  countEnrolments: () => Promise.resolve(0),
};
