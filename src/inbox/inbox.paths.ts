import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's inbox, one document, its downloads, and GC Notify's delivery receipts. */
export const inboxPaths = {
  inbox: { en: '/en/my-guichet/inbox', fr: '/fr/mon-guichet/boite-de-reception' },
  document: { en: '/en/my-guichet/inbox/:documentId', fr: '/fr/mon-guichet/boite-de-reception/:documentId' },
  download: {
    en: '/en/my-guichet/inbox/:documentId/:file',
    fr: '/fr/mon-guichet/boite-de-reception/:documentId/:file',
  },
} satisfies Record<string, BilingualPath>;

export const NOTIFY_RECEIPTS_PATH = '/api/v1/notify/receipts';
