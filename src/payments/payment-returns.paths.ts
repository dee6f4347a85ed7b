import type { BilingualPath } from '../platform/http/route-table.ts';

/**
 * The payments office's returns, reconciliation and cheque pages (issue #16 items 3 and 5). The returns
 * upload page is `paymentsPaths.returns`.
 */
export const paymentReturnsPaths = {
  load: {
    en: '/en/staff/payments/returns/loads/:loadId',
    fr: '/fr/personnel/paiements/retours/chargements/:loadId',
  },
  followUp: { en: '/en/staff/payments/returns/follow-up', fr: '/fr/personnel/paiements/retours/suivi' },
  close: {
    en: '/en/staff/payments/returns/follow-up/:returnId/close',
    fr: '/fr/personnel/paiements/retours/suivi/:returnId/fermer',
  },
  matches: { en: '/en/staff/payments/returns/matches', fr: '/fr/personnel/paiements/retours/associations' },
  match: {
    en: '/en/staff/payments/returns/follow-up/:returnId/match',
    fr: '/fr/personnel/paiements/retours/suivi/:returnId/associer',
  },
  matchConfirm: {
    en: '/en/staff/payments/returns/follow-up/:returnId/match/confirm',
    fr: '/fr/personnel/paiements/retours/suivi/:returnId/associer/confirmer',
  },
  matchReject: {
    en: '/en/staff/payments/returns/follow-up/:returnId/match/reject',
    fr: '/fr/personnel/paiements/retours/suivi/:returnId/associer/refuser',
  },
  reconciliation: {
    en: '/en/staff/payments/runs/:runId/reconciliation',
    fr: '/fr/personnel/paiements/cycles/:runId/rapprochement',
  },
  reconciliationCsv: {
    en: '/en/staff/payments/runs/:runId/reconciliation.csv',
    fr: '/fr/personnel/paiements/cycles/:runId/rapprochement.csv',
  },
  cheques: {
    en: '/en/staff/payments/runs/:runId/cheques/:file',
    fr: '/fr/personnel/paiements/cycles/:runId/cheques/:file',
  },
} satisfies Record<string, BilingualPath>;
