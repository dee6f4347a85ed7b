import type { BilingualPath } from '../platform/http/route-table.ts';

/** The payments office's pages (runs, release, bank files, returns) and the person's "My payments". */
export const paymentsPaths = {
  runs: { en: '/en/staff/payments', fr: '/fr/personnel/paiements' },
  run: { en: '/en/staff/payments/runs/:runId', fr: '/fr/personnel/paiements/cycles/:runId' },
  release: {
    en: '/en/staff/payments/runs/:runId/release',
    fr: '/fr/personnel/paiements/cycles/:runId/autorisation',
  },
  cancel: {
    en: '/en/staff/payments/runs/:runId/cancel',
    fr: '/fr/personnel/paiements/cycles/:runId/annulation',
  },
  file: {
    en: '/en/staff/payments/runs/:runId/files/:format',
    fr: '/fr/personnel/paiements/cycles/:runId/fichiers/:format',
  },
  returns: { en: '/en/staff/payments/returns', fr: '/fr/personnel/paiements/retours' },
  myPayments: { en: '/en/my-guichet/payments', fr: '/fr/mon-guichet/paiements' },
  // Statements and tax slips (ADR 0024): the person's, and the same from the staff client file.
  myStatement: {
    en: '/en/my-guichet/payments/statements/:year',
    fr: '/fr/mon-guichet/paiements/releves/:year',
  },
  myTaxSlip: {
    en: '/en/my-guichet/payments/tax-slips/:year/:slip',
    fr: '/fr/mon-guichet/paiements/feuillets/:year/:slip',
  },
  clientStatement: {
    en: '/en/staff/clients/:personId/payments/statements/:year',
    fr: '/fr/personnel/clients/:personId/paiements/releves/:year',
  },
  clientTaxSlip: {
    en: '/en/staff/clients/:personId/payments/tax-slips/:year/:slip',
    fr: '/fr/personnel/clients/:personId/paiements/feuillets/:year/:slip',
  },
} satisfies Record<string, BilingualPath>;
