import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's signed-in home and their own record. Nothing personal ever appears in a path. */
export const portalPaths = {
  home: { en: '/en/my-guichet', fr: '/fr/mon-guichet' },
  profile: { en: '/en/my-guichet/profile', fr: '/fr/mon-guichet/profil' },
  address: { en: '/en/my-guichet/profile/address', fr: '/fr/mon-guichet/profil/adresse' },
  contact: { en: '/en/my-guichet/profile/contact', fr: '/fr/mon-guichet/profil/coordonnees' },
  directDeposit: { en: '/en/my-guichet/profile/direct-deposit', fr: '/fr/mon-guichet/profil/depot-direct' },
  addressCheck: { en: '/en/my-guichet/profile/address/check', fr: '/fr/mon-guichet/profil/adresse/verifier' },
  addressDone: {
    en: '/en/my-guichet/profile/address/confirmation',
    fr: '/fr/mon-guichet/profil/adresse/confirmation',
  },
  contactCheck: {
    en: '/en/my-guichet/profile/contact/check',
    fr: '/fr/mon-guichet/profil/coordonnees/verifier',
  },
  contactDone: {
    en: '/en/my-guichet/profile/contact/confirmation',
    fr: '/fr/mon-guichet/profil/coordonnees/confirmation',
  },
  depositCheck: {
    en: '/en/my-guichet/profile/direct-deposit/check',
    fr: '/fr/mon-guichet/profil/depot-direct/verifier',
  },
  depositDone: {
    en: '/en/my-guichet/profile/direct-deposit/confirmation',
    fr: '/fr/mon-guichet/profil/depot-direct/confirmation',
  },
} satisfies Record<string, BilingualPath>;
