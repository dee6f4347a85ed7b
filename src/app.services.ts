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
import type { PersonModule } from './person/index.ts';
import { connectNatsTransport, createExchange, deleteConsentsOf, exchangePaths } from './exchange/index.ts';
import type { Exchange, ExchangeDependencies } from './exchange/index.ts';
import { createPrivacyService, privacyPaths } from './privacy/index.ts';
import type { PrivacyService } from './privacy/index.ts';
import { portalPaths } from './portal/index.ts';
import type { PortalCard } from './portal/index.ts';
import { createFileAccessService } from './workspace/index.ts';
import type { FileAccessService, StaffCard } from './workspace/index.ts';
import { createAgencySubscriber } from './stand-ins/partner-agencies/index.ts';
import { createInboxService, createMessagesService, createNoticeSender, inboxPaths } from './inbox/index.ts';
import type { InboxService, MessagesService, NoticeSender } from './inbox/index.ts';
import { businessDaysAfter, createPaymentsModule, NO_ENTITLEMENTS, paymentsPaths } from './payments/index.ts';
import type { PaymentsModule, PaymentsModuleDependencies } from './payments/index.ts';
import { createPolicyService, policyPaths } from './policy/index.ts';
import type { PolicyService } from './policy/index.ts';
import { connectNotices, recipientsFrom } from './app.notices.ts';
import type { Notices } from './app.notices.ts';

/** Secure messages are answered within this many business days (the service standard shown to the person). */
const MESSAGE_ANSWER_BUSINESS_DAYS = 5;

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
  /** Sends the inbox's notices from the durable queue (started with the server). */
  readonly noticeSender: NoticeSender;
  readonly notices: Notices;
  readonly payments: PaymentsModule;
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
  /** Tests and benchmarks put entitlements, payees and the release policy in. */
  readonly payments?: Partial<
    Pick<PaymentsModuleDependencies, 'entitlements' | 'deaths' | 'payees' | 'releasePolicy' | 'runOptions'>
  >;
}

export async function createServices(deps: ServiceDependencies): Promise<Services> {
  const { config, db, metrics, clock } = deps;
  const audit = createAuditService(db, metrics, clock, config.audit);
  const crypto = createFieldCrypto(config);
  const enrolments = createEnrolmentService(db);
  const exchange = createExchange({
    db,
    audit,
    crypto,
    metrics,
    clock,
    enrolments,
    // The demonstration partner agencies until real ones connect (through NATS or X-Road).
    subscriberFor: sharedSubscriber(createAgencySubscriber(db, clock)),
    ...(config.natsUrl === null ? {} : { transport: await connectNatsTransport(config.natsUrl) }),
    ...deps.exchange,
  });
  const person = createPersonModule({
    db,
    audit,
    crypto,
    enrolments,
    publisher: exchange.publisher,
    notifier: createAuditedNotifier(audit),
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
  const recipients = recipientsFrom(person.record);
  const notices = connectNotices(config);
  const inbox = createInboxService({ db, audit, cipher: crypto.cipher, recipients, clock });
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
  const catalogue = createCatalogueService(db);
  const payeeReader = createPayeeReader(db, crypto.cipher);
  const messages = createMessagesService({
    db,
    audit,
    cipher: crypto.cipher,
    recipients,
    programmes: async () =>
      (await catalogue.listProgrammes()).map((programme) => ({
        id: programme.id,
        name: { en: programme.name_en, fr: programme.name_fr },
        // The service standard for secure messages: answered within five business days.
        answerWithinBusinessDays: MESSAGE_ANSWER_BUSINESS_DAYS,
      })),
    dueOn: (from, days) => businessDaysAfter(from.toISOString().slice(0, 10), days),
    clock,
  });
  return {
    audit,
    crypto,
    inbox,
    messages,
    noticeSender,
    notices,
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
    payments: createPaymentsModule({
      db,
      audit,
      clock,
      // TODO(lead): wire decisions' `enrolment_entitlement` here once `src/decisions` is on main (ADR 0020).
      entitlements: NO_ENTITLEMENTS,
      deaths: payeeReader,
      payees: payeeReader,
      cipher: crypto.cipher,
      ...deps.payments,
    }),
  };
}

function sharedSubscriber<T>(subscriber: T): (agencyId: string) => T {
  return () => subscriber;
}

/** What My Guichet offers, in order: each capability's page about the person's record. */
export function portalCards(): PortalCard[] {
  return [
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
      path: policyPaths.release,
      title: 'policy.title',
      description: 'policy.card',
      permission: 'policy.release.preview',
    },
  ];
}
