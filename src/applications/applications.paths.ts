import type { BilingualPath } from '../platform/http/route-table.ts';

/** The pages of one application, for one audience: the person (or their representative), or staff. */
export interface FlowPaths {
  readonly application: BilingualPath;
  readonly confirmRecord: BilingualPath;
  readonly question: BilingualPath;
  readonly evidence: BilingualPath;
  readonly evidenceFile: BilingualPath;
  readonly check: BilingualPath;
  readonly confirmation: BilingualPath;
}

function flow(en: string, fr: string): FlowPaths {
  const at = (enTail: string, frTail: string) => ({ en: `${en}${enTail}`, fr: `${fr}${frTail}` });
  return {
    application: at('', ''),
    confirmRecord: at('/confirm-details', '/confirmer-renseignements'),
    question: at('/questions/:question', '/questions/:question'),
    evidence: at('/documents', '/documents'),
    evidenceFile: at('/documents/:evidenceId', '/documents/:evidenceId'),
    check: at('/check-answers', '/verifier-reponses'),
    confirmation: at('/confirmation', '/confirmation'),
  };
}

export const personFlow = flow(
  '/en/my-guichet/applications/:applicationId',
  '/fr/mon-guichet/demandes/:applicationId',
);
export const staffFlow = flow(
  '/en/staff/applications/:applicationId',
  '/fr/personnel/demandes/:applicationId',
);

export const applicationsPaths = {
  mine: { en: '/en/my-guichet/applications', fr: '/fr/mon-guichet/demandes' },
  apply: { en: '/en/my-guichet/apply/:programme', fr: '/fr/mon-guichet/demande/:programme' },
  representatives: { en: '/en/my-guichet/representatives', fr: '/fr/mon-guichet/representants' },
  revokeRepresentative: {
    en: '/en/my-guichet/representatives/:authorisationId/revoke',
    fr: '/fr/mon-guichet/representants/:authorisationId/retirer',
  },
  actingFor: { en: '/en/my-guichet/acting-for', fr: '/fr/mon-guichet/au-nom-de' },
  applyFor: {
    en: '/en/my-guichet/acting-for/:personId/apply',
    fr: '/fr/mon-guichet/au-nom-de/:personId/demande',
  },
  staffFind: { en: '/en/staff/find-client', fr: '/fr/personnel/trouver-un-client' },
  staffApply: { en: '/en/staff/clients/:personId/apply', fr: '/fr/personnel/clients/:personId/demande' },
  staffRepresentative: {
    en: '/en/staff/clients/:personId/representatives',
    fr: '/fr/personnel/clients/:personId/representants',
  },
} satisfies Record<string, BilingualPath>;

/** Employers send Records of Employment here (EI: insurable hours and earnings, never retyped). */
export const RECORDS_OF_EMPLOYMENT_PATH = '/api/v1/records-of-employment';
