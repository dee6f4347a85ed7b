import type { Config } from './platform/config/config.ts';
import { createNotifyClient, NotifyRequestError } from './platform/notify/notify-client.ts';
import type { NoticeTemplates } from './platform/notify/notify-config.ts';
import type { Lang } from './platform/i18n/i18n.ts';
import { PermanentNoticeError } from './inbox/index.ts';
import type { NoticeGateway, Recipient, RecipientDirectory } from './inbox/index.ts';
import type { ChangeNotifier, ContactCard, ContactCards, PersonService } from './person/index.ts';
import type { SecurityNotices } from './inbox/index.ts';
import { GUICHET_TEMPLATE_IDS, startNotifyStandIn } from './stand-ins/notify/index.ts';
import type { NotifyStandIn } from './stand-ins/notify/index.ts';
import { NOTIFY_RECEIPTS_PATH } from './inbox/index.ts';

export interface Notices {
  readonly gateway: NoticeGateway;
  /** The local GC Notify-compatible server, once started (when no real service is configured). */
  standIn(): Promise<NotifyStandIn | null>;
  close(): Promise<void>;
}

/**
 * GC Notify for the inbox's notices: the real service when NOTIFY_BASE_URL is set, else the local stand-in
 * (development and tests), started on the first notice so that commands which send nothing open no port.
 * One short retry per call: the inbox's durable queue does the rest.
 */
export function connectNotices(config: Config): Notices {
  const notify = config.notify;
  let standIn: Promise<NotifyStandIn> | null = null;
  const startStandIn = () =>
    (standIn ??= startNotifyStandIn({
      port: notify.mode === 'stand-in' ? notify.standInPort : 0,
      callbackUrl: `${config.publicUrl}${NOTIFY_RECEIPTS_PATH}`,
      callbackBearerToken: notify.callbackBearerToken,
      callbackRetryDelaysMs: [500, 5_000],
    }));
  let gateway: Promise<NoticeGateway> | null = null;
  const connect = async (): Promise<NoticeGateway> => {
    const connection =
      notify.mode === 'service'
        ? { baseUrl: notify.baseUrl, apiKey: notify.apiKey, templates: notify.templates }
        : await startStandIn().then((server) => ({
            baseUrl: server.url,
            apiKey: server.apiKey,
            templates: GUICHET_TEMPLATE_IDS,
          }));
    const client = createNotifyClient({
      baseUrl: connection.baseUrl,
      apiKey: connection.apiKey,
      timeoutMs: notify.timeoutMs,
      publicUrl: config.publicUrl,
      retry: { maxAttempts: 2, baseDelayMs: 250, maxDelayMs: 1_000 },
    });
    return gatewayOver(client, connection.templates);
  };
  return {
    gateway: {
      send: async (notice, previouslyAttempted) =>
        (
          await (gateway ??= connect().catch((error: unknown) => {
            gateway = null;
            throw error;
          }))
        ).send(notice, previouslyAttempted),
    },
    standIn: async () => (notify.mode === 'stand-in' ? startStandIn() : null),
    close: async () => {
      if (standIn) await (await standIn).close();
    },
  };
}

function gatewayOver(
  client: ReturnType<typeof createNotifyClient>,
  templates: NoticeTemplates,
): NoticeGateway {
  return {
    async send(notice, previouslyAttempted) {
      try {
        const sent = await client.send(
          {
            channel: notice.channel,
            to: notice.to,
            templateId: templates[notice.kind][notice.channel][notice.lang],
            personalisation: { link: notice.link },
            reference: notice.reference,
          },
          { previouslyAttempted },
        );
        return { notifyId: sent.id };
      } catch (error) {
        // A 400 (an address or number GC Notify refuses) will be refused again: paper now, not in a day.
        if (
          error instanceof NotifyRequestError &&
          error.failure.kind === 'http' &&
          error.failure.status === 400
        )
          throw new PermanentNoticeError('GC Notify refused the recipient');
        throw error;
      }
    },
  };
}

/** The inbox reads contact points and the mailing address through the person module, audited. */
export function recipientsFrom(
  person: Pick<PersonService, 'getProfile'>,
  contacts: ContactCards,
): RecipientDirectory {
  return {
    async recipientOf(personId, context) {
      const profile = await person.getProfile(personId, context).catch(() => null);
      return profile ? toRecipient(profile) : null;
    },
    async recipientsOf(personIds, context) {
      const cards = await contacts.contactCardsOf(personIds, context);
      return new Map([...cards].map(([personId, card]) => [personId, toRecipient(card)]));
    },
  };
}

function toRecipient(profile: ContactCard): Recipient {
  const today = new Date().toISOString().slice(0, 10);
  const current = (kind: 'mailing' | 'residential') =>
    profile.addresses.find(
      (address) =>
        address.kind === kind && address.effectiveFrom <= today && (address.effectiveTo ?? '9999') > today,
    );
  const address = current('mailing') ?? current('residential') ?? profile.currentAddress;
  const lang: Lang = profile.preferredLanguage;
  return {
    personId: profile.personId,
    name: `${profile.givenName} ${profile.familyName}`,
    lang,
    // Canada Post addressing: name, street lines, then MUNICIPALITY PROVINCE  POSTAL CODE in capitals.
    addressLines: address
      ? [
          `${profile.givenName} ${profile.familyName}`,
          address.line1,
          ...(address.line2 ? [address.line2] : []),
          `${address.city} ${address.provinceCode}  ${address.postalCode}`.toLocaleUpperCase('en-CA'),
        ]
      : null,
    email: profile.contact.email,
    phone: profile.contact.phone,
    prefersPaper: profile.contact.preferredChannel === 'mail',
    alternateFormats: profile.contact.alternateFormats,
  };
}

/**
 * The person module's security notices, delivered by the inbox (ASVS 6.3.7): the letter in the inbox, a notice
 * to the previous email or phone (or the letter by mail), as well as the audit entry naming the channel. The
 * inbox is built after the person module (it reads recipients through it), so it is attached once built.
 */
export function securityNotifier(
  audited: ChangeNotifier,
): ChangeNotifier & { attach(notices: SecurityNotices): void } {
  let notices: SecurityNotices | null = null;
  return {
    attach(built) {
      notices = built;
    },
    async sensitiveChange(trx, notice, context) {
      await notices?.deliverWithin(trx, notice, context);
      await audited.sensitiveChange(trx, notice, context);
    },
  };
}
