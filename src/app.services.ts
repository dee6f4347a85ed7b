import type { Kysely } from 'kysely';
import type { Config } from './platform/config/config.ts';
import type { DB } from './platform/db/schema.ts';
import { createAuditService } from './platform/audit/audit.service.ts';
import type { AuditService } from './platform/audit/audit.service.ts';
import { createFieldCrypto } from './platform/crypto/field-crypto.ts';
import type { FieldCrypto } from './platform/crypto/field-crypto.ts';
import type { Metrics } from './platform/observability/metrics.ts';
import { createCatalogueService } from './catalogue/index.ts';
import type { CatalogueService } from './catalogue/index.ts';
import { createIdentityServices } from './identity/index.ts';
import type { IdentityServices } from './identity/index.ts';
import {
  createAuditedNotifier,
  createEnrolmentService,
  createPayeeReader,
  createPersonModule,
} from './person/index.ts';
import type { ChangePublisher, PersonModule } from './person/index.ts';
import { createExchange, deleteConsentsOf, exchangePaths, linkNats } from './exchange/index.ts';
import type { Exchange, ExchangeDependencies, NatsLink } from './exchange/index.ts';
import { createPrivacyService, privacyPaths } from './privacy/index.ts';
import type { PrivacyService } from './privacy/index.ts';
import { portalPaths } from './portal/index.ts';
import type { PortalCard } from './portal/index.ts';
import { createFileAccessService } from './workspace/index.ts';
import type { FileAccessService, StaffCard } from './workspace/index.ts';
import { createAgencySubscriber } from './stand-ins/partner-agencies/index.ts';
import {
  createInboxService,
  createMessagesService,
  createNoticeSender,
  createDeliveryRecord,
  createHeldLetters,
  answerWithinBusinessDays,
  createReminderSchedule,
  createSecurityNotices,
  inboxPaths,
  sendReminders,
} from './inbox/index.ts';
import type {
  DeliveryRecord,
  HeldLetters,
  InboxService,
  MessagesService,
  NoticeSender,
  ReminderSchedule,
  SecurityNotices,
} from './inbox/index.ts';
import {
  businessDaysAfter,
  createPaymentsModule,
  paymentReturnsPaths,
  paymentsPaths,
} from './payments/index.ts';
import { chequeAddressesFrom, returnsAwaitingDetails } from './app.payments.ts';
import type { PaymentsModule, PaymentsModuleDependencies } from './payments/index.ts';
import { createPolicyService, policyPaths } from './policy/index.ts';
import type { PolicyService } from './policy/index.ts';
import { createHelpService, helpPaths } from './help/index.ts';
import type { HelpService } from './help/index.ts';
import { connectNotices, recipientsFrom, securityNotifier } from './app.notices.ts';
import { createHouseholdReader, createResidenceReader } from './person/index.ts';
import type { ResidenceReader } from './person/index.ts';
import {
  applicationsPaths,
  cleanEvidenceFile,
  createApplicationsModule,
  EVIDENCE_MAX_BYTES,
  tidyFileName,
} from './applications/index.ts';
import type { ApplicationsModule } from './applications/index.ts';
import {
  createDecisionDeadlines,
  createDecisionsModule,
  createDemoConversion,
  createEntitlementReader,
  decisionsPaths,
} from './decisions/index.ts';
import type { DecisionsModule, DemoConversion } from './decisions/index.ts';
import type { Notices } from './app.notices.ts';
import type { ApplicationStatusPort, ApplicationSubmittedHandler } from './applications/index.ts';

/** Every service of the application, built once: the HTTP server and the command line share them. */
export interface Services {
  readonly audit: AuditService;
  readonly crypto: FieldCrypto;
  readonly catalogue: CatalogueService;
  readonly person: PersonModule;
  readonly identity: IdentityServices;
  readonly exchange: Exchange;
  readonly privacy: PrivacyService;
  readonly files: FileAccessService;
  readonly policy: PolicyService;
  readonly inbox: InboxService;
  readonly messages: MessagesService;
  /** What was sent to a person, its notices and paper letters, for staff (and the mail house's confirmation). */
  readonly deliveries: DeliveryRecord;
  /** Paper letters held for want of a postal address, for staff, released once an address is on file. */
  readonly heldLetters: HeldLetters;
  /** Sends the inbox's notices from the durable queue (started with the server). */
  readonly noticeSender: NoticeSender;
  readonly notices: Notices;
  /** NATS for tell-us-once when configured, connected in the background (health reports its state). */
  readonly nats: NatsLink | null;
  /** Notices after a sensitive change, to the previous contact point (started with the server). */
  readonly securityNotices: SecurityNotices;
  readonly help: HelpService;
  /** Applications: forms as data, drafts, evidence, representatives (ADR 0016). */
  readonly applications: ApplicationsModule;
  /** Decisions under the Directive on Automated Decision-Making: cases, workqueue, letters, entitlements. */
  readonly decisions: DecisionsModule;
  /** The demonstration's existing beneficiaries, given entitlement schedules from the rules (server start). */
  readonly demoConversion: DemoConversion;
  /** The province a person lives in today (their home address, else their household's). */
  readonly residence: ResidenceReader;
  readonly payments: PaymentsModule;
  /** Reminders (issue #17 item 6): information awaited, reconsideration deadlines, bank returns. */
  readonly reminders: ReminderSchedule;
}

export interface ServiceDependencies {
  readonly config: Config;
  readonly db: Kysely<DB>;
  readonly metrics: Metrics;
  readonly clock: () => Date;
  /** Tests and benchmarks tune delivery (back-off, batch size), or put a broker or a failing partner in. */
  readonly exchange?: Partial<Pick<ExchangeDependencies, 'dispatcher' | 'transport' | 'subscriberFor'>>;
  /** Tests tune the notice queue (attempts, back-off). */
  readonly noticeSender?: Parameters<typeof createNoticeSender>[0]['options'];
  /** Moves applications' statuses as their cases move (the applications capability's port). */
  readonly applicationStatuses?: ApplicationStatusPort;
  /** Tests and benchmarks put entitlements, payees and the release policy in. */
  readonly payments?: Partial<
    Pick<
      PaymentsModuleDependencies,
      'entitlements' | 'enrolments' | 'deaths' | 'payees' | 'releasePolicy' | 'runOptions'
    >
  >;
}

export async function createServices(deps: ServiceDependencies): Promise<Services> {
  const { config, db, metrics, clock } = deps;
  const audit = createAuditService(db, metrics, clock, config.audit);
  const crypto = createFieldCrypto(config);
  // Degrade, don't die: the service starts without NATS; deliveries wait in the outbox until it answers.
  const nats = config.natsUrl === null ? null : linkNats(config.natsUrl);
  const enrolments = createEnrolmentService(db);
  const residence = createResidenceReader(db, clock);
  const exchange = createExchange({
    db,
    audit,
    crypto,
    metrics,
    clock,
    enrolments,
    // The demonstration partner agencies until real ones connect (through NATS or X-Road).
    subscriberFor: sharedSubscriber(createAgencySubscriber(db, clock)),
    residence,
    ...(nats === null ? {} : { transport: nats.transport }),
    ...deps.exchange,
  });
  const notifier = securityNotifier(createAuditedNotifier(audit));
  // A change to the record goes to the partner agencies (tell us once) and to re-evaluation of the person's
  // entitlements (decisions, bound below once built), both in the change's own transaction.
  const circumstances: { publisher?: ChangePublisher } = {};
  const person = createPersonModule({
    db,
    audit,
    crypto,
    enrolments,
    publisher: {
      async publish(trx, change) {
        await exchange.publisher.publish(trx, change);
        await circumstances.publisher?.publish(trx, change);
      },
      committed() {
        exchange.publisher.committed?.();
        circumstances.publisher?.committed?.();
      },
    },
    notifier,
    clock,
  });
  const privacy = createPrivacyService({
    db,
    audit,
    person,
    sharing: {
      whoWasTold: (personId) => exchange.service.whoWasTold(personId),
      consents: (personId) => exchange.consents.list(personId),
      forget: (trx, personId) => deleteConsentsOf(trx, personId),
    },
    schedule: { clientRecordYears: config.retentionClientRecordYears },
    clock,
  });
  const recipients = recipientsFrom(person.record, person.contacts);
  const notices = connectNotices(config);
  // Representatives get copies of the person's letters (applications' authorisations, bound once built below).
  const representation: { applications?: ApplicationsModule } = {};
  const viewers = {
    actingForMany: async (personIds: readonly string[], onDate: string) =>
      (await representation.applications?.representatives.viewersOf(personIds, onDate)) ?? new Map(),
    actingFor: async (personId: string, onDate: string) =>
      (await viewers.actingForMany([personId], onDate)).get(personId) ?? [],
  };
  const inbox = createInboxService({
    db,
    audit,
    cipher: crypto.cipher,
    recipients,
    clock,
    copies: viewers,
  });
  const noticeSender = createNoticeSender({
    db,
    audit,
    recipients,
    gateway: notices.gateway,
    linkFor: (kind, lang) =>
      `${config.publicUrl}${(kind === 'new-message' ? inboxPaths.messages : inboxPaths.inbox)[lang]}`,
    clock,
    ...(deps.noticeSender ? { options: deps.noticeSender } : {}),
  });
  const securityNotices = createSecurityNotices({
    db,
    audit,
    cipher: crypto.cipher,
    inbox,
    gateway: notices.gateway,
    linkFor: (lang) => `${config.publicUrl}${inboxPaths.inbox[lang]}`,
    clock,
  });
  notifier.attach(securityNotices);
  const catalogue = createCatalogueService(db);
  const payeeReader = createPayeeReader(db, crypto.cipher);
  const messages = createMessagesService({
    db,
    audit,
    cipher: crypto.cipher,
    recipients,
    // A staff answer is noticed to the representatives who see the person's conversations, too.
    readers: viewers,
    // A message's attachment follows the evidence upload rules of applications (ADR 0016).
    attachments: { maxBytes: EVIDENCE_MAX_BYTES, clean: cleanEvidenceFile, tidyName: tidyFileName },
    programmes: async () =>
      (await catalogue.listProgrammes()).map((programme) => ({
        id: programme.id,
        name: { en: programme.name_en, fr: programme.name_fr },
        // The service standard for secure messages, by programme (inbox/data/message-standards.json).
        answerWithinBusinessDays: answerWithinBusinessDays(programme.id),
      })),
    dueOn: (from, days) => businessDaysAfter(from.toISOString().slice(0, 10), days),
    clock,
  });
  // Applications hand each submission to decisions, and decisions move the application's status: the handler
  // is bound once decisions exist (both are built here, neither imports the other's service).
  const late: { decide?: ApplicationSubmittedHandler } = {};
  const decider = (): ApplicationSubmittedHandler => {
    if (!late.decide) throw new Error('decisions are not wired');
    return late.decide;
  };
  const applications = createApplicationsModule({
    db,
    audit,
    cipher: crypto.cipher,
    person: person.record,
    directory: person.directory,
    households: createHouseholdReader(db, crypto.cipher),
    programmeName: programmeNameOf(catalogue),
    handler: {
      submitted: (application, trx) => decider().submitted(application, trx),
      submittedMany: (submitted, trx) => decider().submittedMany(submitted, trx),
    },
    clock,
  });
  representation.applications = applications;
  const decisions = createDecisionsModule({
    db,
    audit,
    cipher: crypto.cipher,
    enrolments,
    statuses: deps.applicationStatuses ?? applications.applications.statusPort,
    letters: { deliver: (personId, request) => inbox.deliver(personId, request) },
    programmeName: programmeNameOf(catalogue),
    clock,
  });
  late.decide = decisions.handler;
  circumstances.publisher = decisions.circumstances.publisher;
  const payments = createPaymentsModule({
    db,
    audit,
    clock,
    // The entitlement schedules decisions wrote (ADR 0017), read in pages by enrolment.
    entitlements: createEntitlementReader(db),
    deaths: payeeReader,
    payees: payeeReader,
    // Every enrolment the person holds or held, ended ones too: their past payments stay theirs to see.
    enrolments: { enrolmentsOf: async (personId) => (await enrolments.list(personId)).map((e) => e.id) },
    cipher: crypto.cipher,
    returnLetters: {
      port: { deliver: (personId, request) => inbox.deliver(personId, request) },
      programmeName: async (programmeId, lang) => {
        const found = (await catalogue.listProgrammes()).find((p) => p.id === programmeId);
        return found ? (lang === 'fr' ? found.name_fr : found.name_en) : programmeId;
      },
    },
    chequeAddresses: chequeAddressesFrom(person.record, clock),
    // Debt letters go to the inbox like decision letters (ADR 0024); a letter to an estate names the deceased.
    letters: {
      deliver: (personId, request) => inbox.deliver(personId, request),
      recipientOf: (personId, context) => inbox.recipientOf(personId, context),
    },
    recipients,
    programmeName: async (programmeId, lang) => {
      const found = (await catalogue.listProgrammes()).find((p) => p.id === programmeId);
      return found ? (lang === 'fr' ? found.name_fr : found.name_en) : programmeId;
    },
    ...deps.payments,
  });
  // Decisions' deadlines reach the inbox through its `CaseDeadlines` port; payments' returns still waiting for
  // new banking details through `ReturnsAwaitingDetails` (less those whose direct deposit changed since).
  const reminders = createReminderSchedule({
    inbox,
    deadlines: createDecisionDeadlines(db),
    returns: returnsAwaitingDetails(payments.returns, payeeReader),
    programmeName: async (programmeId) => {
      const found = (await catalogue.listProgrammes()).find((p) => p.id === programmeId);
      return found ? { en: found.name_en, fr: found.name_fr } : { en: programmeId, fr: programmeId };
    },
    clock,
  });
  return {
    reminders,
    deliveries: createDeliveryRecord({ db, audit, cipher: crypto.cipher }),
    heldLetters: createHeldLetters({ db, audit, cipher: crypto.cipher, recipients, clock }),
    audit,
    crypto,
    decisions,
    residence,
    demoConversion: createDemoConversion({
      db,
      audit,
      cipher: crypto.cipher,
      enrolments,
      households: createHouseholdReader(db, crypto.cipher),
      clock,
    }),
    inbox,
    messages,
    noticeSender,
    notices,
    nats,
    securityNotices,
    catalogue,
    person,
    identity: createIdentityServices({
      db,
      config,
      audit,
      hasher: crypto.hasher,
      people: person.directory,
      clock,
    }),
    exchange,
    privacy,
    files: createFileAccessService(db, audit, person.directory, clock),
    policy: createPolicyService({ population: person.population }),
    help: createHelpService({
      db,
      audit,
      cipher: crypto.cipher,
      programmeIds: async () => (await catalogue.listProgrammes()).map((programme) => programme.id),
      clock,
    }),
    applications,
    payments,
  };
}

function programmeNameOf(catalogue: CatalogueService) {
  return async (programmeId: string, lang: 'en' | 'fr') => {
    const found = (await catalogue.listProgrammes()).find((p) => p.id === programmeId);
    return found ? (lang === 'fr' ? found.name_fr : found.name_en) : programmeId;
  };
}

/**
 * Drafts expire with notice (ADR 0016): a reminder in the inbox a week before a draft is deleted, then the
 * expired drafts deleted. Hourly with the server, and `guichet applications purge-drafts`.
 */
export async function draftHousekeeping(
  services: Pick<Services, 'applications' | 'inbox'>,
  now: Date,
): Promise<{ reminded: number; alreadyReminded: number; purged: number }> {
  const drafts = services.applications.drafts;
  const run = await sendReminders(
    services.inbox,
    [{ name: 'draft-expiring', due: (at) => drafts.due(at) }],
    now,
  );
  const purged = await drafts.purge(now);
  return { reminded: run.sent['draft-expiring'] ?? 0, alreadyReminded: run.alreadySent, purged };
}

function sharedSubscriber<T>(subscriber: T): (agencyId: string) => T {
  return () => subscriber;
}

/** Closes what building the services opened (not the database, which the caller owns). */
export async function closeServices(services: Services): Promise<void> {
  await services.notices.close();
  await services.exchange.transport.close();
  await services.crypto.close();
}

/** What My Guichet offers, in order: each capability's page about the person's record. */
export function portalCards(): PortalCard[] {
  return [
    {
      path: applicationsPaths.mine,
      title: 'applications.mine.title',
      description: 'applications.mine.card',
      linkedOnly: true,
    },
    {
      path: decisionsPaths.benefits,
      title: 'decisions.benefits.title',
      description: 'decisions.card',
      linkedOnly: true,
    },
    {
      path: inboxPaths.inbox,
      title: 'inbox.title',
      description: 'inbox.card',
      linkedOnly: true,
    },
    {
      path: inboxPaths.messages,
      title: 'inbox.messages.title',
      description: 'inbox.messages.card',
      linkedOnly: true,
    },
    {
      path: paymentsPaths.myPayments,
      title: 'payments.my.title',
      description: 'payments.my.card',
      linkedOnly: true,
    },
    {
      path: portalPaths.profile,
      title: 'portal.profile.title',
      description: 'portal.profile.card',
      linkedOnly: true,
    },
    {
      path: exchangePaths.whoWasTold,
      title: 'exchange.told.title',
      description: 'exchange.told.card',
      linkedOnly: true,
    },
    {
      path: exchangePaths.consents,
      title: 'exchange.consents.title',
      description: 'exchange.consents.card',
      linkedOnly: true,
    },
    {
      path: privacyPaths.accessLog,
      title: 'privacy.accessLog.title',
      description: 'privacy.accessLog.card',
      linkedOnly: true,
    },
    {
      path: privacyPaths.myData,
      title: 'privacy.myData.title',
      description: 'privacy.myData.card',
      linkedOnly: true,
    },
  ];
}

/** What the staff home offers, in order: each capability's work, shown to staff holding its permission. */
export function staffCards(): StaffCard[] {
  return [
    {
      path: applicationsPaths.staffFind,
      title: 'applications.staff.find.title',
      description: 'applications.staff.find.card',
      permission: 'client.file.read',
    },
    {
      path: inboxPaths.heldLetters,
      title: 'inbox.held.title',
      description: 'inbox.held.card',
      permission: 'client.file.read',
    },
    {
      path: inboxPaths.staffQueue,
      title: 'inbox.staff.title',
      description: 'inbox.staff.card',
      permission: 'messages.answer',
    },
    {
      path: paymentsPaths.runs,
      title: 'payments.runs.title',
      description: 'payments.runs.card',
      permission: 'payments.read',
    },
    {
      path: paymentsPaths.returns,
      title: 'payment-returns.upload.title',
      description: 'payment-returns.upload.card',
      permission: 'payments.returns.load',
    },
    {
      path: paymentReturnsPaths.followUp,
      title: 'payment-returns.followUp.title',
      description: 'payment-returns.followUp.card',
      permission: 'payments.returns.follow-up',
    },
    {
      path: paymentReturnsPaths.matches,
      title: 'payment-returns.match.list.title',
      description: 'payment-returns.match.list.card',
      permission: 'payments.release',
    },
    {
      path: policyPaths.release,
      title: 'policy.title',
      description: 'policy.card',
      permission: 'policy.release.preview',
    },
    {
      path: helpPaths.staffQueue,
      title: 'help.staff.title',
      description: 'help.staff.card',
      permission: 'help.requests.handle',
    },
    {
      path: decisionsPaths.queue,
      title: 'decisions.queue.title',
      description: 'decisions.queue.card',
      permission: 'case.decide',
    },
    {
      path: decisionsPaths.assignQueue,
      title: 'decisions.queue.assignTitle',
      description: 'decisions.queue.assignCard',
      permission: 'case.assign',
    },
    {
      path: decisionsPaths.outcomes,
      title: 'decisions.outcomes.title',
      description: 'decisions.outcomes.card',
      permission: 'reports.read',
    },
  ];
}
