import type { BilingualPath } from '../platform/http/route-table.ts';

/** The staff workspace. A client's file is addressed by an opaque id, never by a SIN or a name. */
export const workspacePaths = {
  home: { en: '/en/staff', fr: '/fr/personnel' },
  roles: { en: '/en/staff/roles', fr: '/fr/personnel/roles' },
  roleChange: { en: '/en/staff/roles/:staffId', fr: '/fr/personnel/roles/:staffId' },
  roleGrant: { en: '/en/staff/roles/requests/:grantId', fr: '/fr/personnel/roles/demandes/:grantId' },
  clientLookup: { en: '/en/staff/clients', fr: '/fr/personnel/clients' },
  clientPurpose: { en: '/en/staff/clients/:personId/purpose', fr: '/fr/personnel/clients/:personId/motif' },
  clientFile: { en: '/en/staff/clients/:personId', fr: '/fr/personnel/clients/:personId' },
  clientRecord: { en: '/en/staff/clients/:personId/record', fr: '/fr/personnel/clients/:personId/dossier' },
  correct: {
    en: '/en/staff/clients/:personId/record/correct',
    fr: '/fr/personnel/clients/:personId/dossier/corriger',
  },
  correctAddress: {
    en: '/en/staff/clients/:personId/record/correct/address',
    fr: '/fr/personnel/clients/:personId/dossier/corriger/adresse',
  },
  correctContact: {
    en: '/en/staff/clients/:personId/record/correct/contact',
    fr: '/fr/personnel/clients/:personId/dossier/corriger/coordonnees',
  },
  deliveries: { en: '/en/staff/deliveries', fr: '/fr/personnel/transmissions' },
  deliveryRetry: {
    en: '/en/staff/deliveries/:deliveryId/retry',
    fr: '/fr/personnel/transmissions/:deliveryId/relancer',
  },
} satisfies Record<string, BilingualPath>;
