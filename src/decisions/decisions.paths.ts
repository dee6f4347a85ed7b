import type { BilingualPath } from '../platform/http/route-table.ts';

/** The person's benefits and decisions; the adjudicator's workqueue; the analyst's outcomes page. */
export const decisionsPaths = {
  benefits: { en: '/en/my-guichet/benefits', fr: '/fr/mon-guichet/prestations' },
  decision: {
    en: '/en/my-guichet/benefits/decisions/:decisionId',
    fr: '/fr/mon-guichet/prestations/decisions/:decisionId',
  },
  queue: { en: '/en/staff/cases', fr: '/fr/personnel/dossiers' },
  assignQueue: { en: '/en/staff/cases/assign', fr: '/fr/personnel/dossiers/attribuer' },
  assign: { en: '/en/staff/cases/:caseId/assign', fr: '/fr/personnel/dossiers/:caseId/attribuer' },
  case: { en: '/en/staff/cases/:caseId', fr: '/fr/personnel/dossiers/:caseId' },
  take: { en: '/en/staff/cases/:caseId/take', fr: '/fr/personnel/dossiers/:caseId/prendre' },
  requestInformation: {
    en: '/en/staff/cases/:caseId/request-information',
    fr: '/fr/personnel/dossiers/:caseId/demander-des-renseignements',
  },
  informationReceived: {
    en: '/en/staff/cases/:caseId/information-received',
    fr: '/fr/personnel/dossiers/:caseId/renseignements-recus',
  },
  decide: { en: '/en/staff/cases/:caseId/decide', fr: '/fr/personnel/dossiers/:caseId/decider' },
  approve: { en: '/en/staff/cases/:caseId/approve', fr: '/fr/personnel/dossiers/:caseId/approuver' },
  outcomes: { en: '/en/staff/outcomes', fr: '/fr/personnel/resultats' },
} satisfies Record<string, BilingualPath>;
