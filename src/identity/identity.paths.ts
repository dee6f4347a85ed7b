import type { BilingualPath } from '../platform/http/route-table.ts';

export const identityPaths = {
  signIn: { en: '/en/sign-in', fr: '/fr/connexion' },
  signInWith: { en: '/en/sign-in/:provider', fr: '/fr/connexion/:provider' },
  signOut: { en: '/en/sign-out', fr: '/fr/deconnexion' },
  signOutEverywhere: { en: '/en/sign-out-everywhere', fr: '/fr/deconnexion-partout' },
  signedOut: { en: '/en/signed-out', fr: '/fr/deconnecte' },
  signInError: { en: '/en/sign-in-problem', fr: '/fr/probleme-connexion' },
  link: { en: '/en/my-guichet/link', fr: '/fr/mon-guichet/lier' },
  linkCode: { en: '/en/my-guichet/link/code', fr: '/fr/mon-guichet/lier/code' },
  linkHelp: { en: '/en/my-guichet/link/help', fr: '/fr/mon-guichet/lier/aide' },
  removeLogin: {
    en: '/en/my-guichet/logins/:loginId/remove',
    fr: '/fr/mon-guichet/connexions/:loginId/retirer',
  },
  session: { en: '/en/session', fr: '/fr/session' },
  stepUp: { en: '/en/verify-again', fr: '/fr/verifier-de-nouveau' },
  mailbox: { en: '/en/dev/mailbox', fr: '/fr/dev/courrier' },
  staffSignIn: { en: '/en/staff/sign-in', fr: '/fr/personnel/connexion' },
} satisfies Record<string, BilingualPath>;

export const CALLBACK_PATH = '/auth/callback';
export const BACKCHANNEL_PATH = '/api/identity/backchannel-logout/:provider';
export const SESSION_COOKIE = '__Host-guichet-session';
export const AUTH_REQUEST_COOKIE = '__Host-guichet-auth';
