import type { BilingualPath } from '../platform/http/route-table.ts';

/** Every client-record page in both official languages. Nothing personal ever appears in a path. */
export const registryPaths = {
  profile: { en: '/en/my-guichet/profile', fr: '/fr/mon-guichet/profil' },
  address: { en: '/en/my-guichet/profile/address', fr: '/fr/mon-guichet/profil/adresse' },
  contact: { en: '/en/my-guichet/profile/contact', fr: '/fr/mon-guichet/profil/coordonnees' },
  directDeposit: { en: '/en/my-guichet/profile/direct-deposit', fr: '/fr/mon-guichet/profil/depot-direct' },
  whoWasTold: { en: '/en/my-guichet/who-was-told', fr: '/fr/mon-guichet/qui-a-ete-informe' },
  consents: { en: '/en/my-guichet/consents', fr: '/fr/mon-guichet/consentements' },
  consentGive: { en: '/en/my-guichet/consents/give', fr: '/fr/mon-guichet/consentements/donner' },
  consentRevoke: {
    en: '/en/my-guichet/consents/:consentId/revoke',
    fr: '/fr/mon-guichet/consentements/:consentId/retirer',
  },
  accessLog: { en: '/en/my-guichet/access-log', fr: '/fr/mon-guichet/journal-des-acces' },
  myData: { en: '/en/my-guichet/my-data', fr: '/fr/mon-guichet/mes-donnees' },
  myDataJson: { en: '/en/my-guichet/my-data.json', fr: '/fr/mon-guichet/mes-donnees.json' },
  staffRecord: { en: '/en/staff/clients/:personId/record', fr: '/fr/personnel/clients/:personId/dossier' },
  staffCorrect: {
    en: '/en/staff/clients/:personId/record/correct',
    fr: '/fr/personnel/clients/:personId/dossier/corriger',
  },
  staffCorrectAddress: {
    en: '/en/staff/clients/:personId/record/correct/address',
    fr: '/fr/personnel/clients/:personId/dossier/corriger/adresse',
  },
  staffCorrectContact: {
    en: '/en/staff/clients/:personId/record/correct/contact',
    fr: '/fr/personnel/clients/:personId/dossier/corriger/coordonnees',
  },
  staffDeliveries: { en: '/en/staff/deliveries', fr: '/fr/personnel/transmissions' },
  staffDeliveryRetry: {
    en: '/en/staff/deliveries/:deliveryId/retry',
    fr: '/fr/personnel/transmissions/:deliveryId/relancer',
  },
} satisfies Record<string, BilingualPath>;
