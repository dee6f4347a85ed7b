import type { BilingualPath } from '../platform/http/route-table.ts';

export const finderPaths = {
  start: { en: '/en/benefits-finder', fr: '/fr/trouver-des-prestations' },
  question: { en: '/en/benefits-finder/:question', fr: '/fr/trouver-des-prestations/:question' },
  results: { en: '/en/benefits-finder/results', fr: '/fr/trouver-des-prestations/resultats' },
  startAgain: { en: '/en/benefits-finder/start-again', fr: '/fr/trouver-des-prestations/recommencer' },
} satisfies Record<string, BilingualPath>;
