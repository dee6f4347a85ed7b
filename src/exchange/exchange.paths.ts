import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's pages about sharing: who was told of their changes, and their consents. */
export const exchangePaths = {
  whoWasTold: { en: '/en/my-guichet/who-was-told', fr: '/fr/mon-guichet/qui-a-ete-informe' },
  consents: { en: '/en/my-guichet/consents', fr: '/fr/mon-guichet/consentements' },
  consentGive: { en: '/en/my-guichet/consents/give', fr: '/fr/mon-guichet/consentements/donner' },
  consentRevoke: {
    en: '/en/my-guichet/consents/:consentId/revoke',
    fr: '/fr/mon-guichet/consentements/:consentId/retirer',
  },
} satisfies Record<string, BilingualPath>;
