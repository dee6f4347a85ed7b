import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's inbox, one document, its downloads, and GC Notify's delivery receipts. */
export const inboxPaths = {
  inbox: { en: '/en/my-guichet/inbox', fr: '/fr/mon-guichet/boite-de-reception' },
  document: { en: '/en/my-guichet/inbox/:documentId', fr: '/fr/mon-guichet/boite-de-reception/:documentId' },
  download: {
    en: '/en/my-guichet/inbox/:documentId/:file',
    fr: '/fr/mon-guichet/boite-de-reception/:documentId/:file',
  },
  messages: { en: '/en/my-guichet/messages', fr: '/fr/mon-guichet/messages' },
  newMessage: { en: '/en/my-guichet/messages/new', fr: '/fr/mon-guichet/messages/nouveau' },
  thread: { en: '/en/my-guichet/messages/:threadId', fr: '/fr/mon-guichet/messages/:threadId' },
  staffQueue: { en: '/en/staff/messages', fr: '/fr/personnel/messages' },
  staffThread: { en: '/en/staff/messages/:threadId', fr: '/fr/personnel/messages/:threadId' },
  staffTake: { en: '/en/staff/messages/:threadId/take', fr: '/fr/personnel/messages/:threadId/prendre' },
  attachment: {
    en: '/en/my-guichet/messages/:threadId/files/:attachmentId',
    fr: '/fr/mon-guichet/messages/:threadId/fichiers/:attachmentId',
  },
  staffAttachment: {
    en: '/en/staff/messages/:threadId/files/:attachmentId',
    fr: '/fr/personnel/messages/:threadId/fichiers/:attachmentId',
  },
  newMessageFor: {
    en: '/en/my-guichet/messages/for/:personId/new',
    fr: '/fr/mon-guichet/messages/pour/:personId/nouveau',
  },
  threadFor: {
    en: '/en/my-guichet/messages/for/:personId/:threadId',
    fr: '/fr/mon-guichet/messages/pour/:personId/:threadId',
  },
  attachmentFor: {
    en: '/en/my-guichet/messages/for/:personId/:threadId/files/:attachmentId',
    fr: '/fr/mon-guichet/messages/pour/:personId/:threadId/fichiers/:attachmentId',
  },
  /** Staff: the documents, notices and paper letters sent to a client (from the client file). */
  clientDeliveries: {
    en: '/en/staff/clients/:personId/documents',
    fr: '/fr/personnel/clients/:personId/documents',
  },
  /** Staff: paper letters held for want of a postal address (ADR 0018 addendum). */
  heldLetters: { en: '/en/staff/held-letters', fr: '/fr/personnel/lettres-retenues' },
} satisfies Record<string, BilingualPath>;

export const NOTIFY_RECEIPTS_PATH = '/api/v1/notify/receipts';
