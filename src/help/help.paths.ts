import type { BilingualPath } from '../platform/http/route-table.ts';

/** Help: how to reach us, offices near a postal code, and asking for a call back or an appointment. */
export const helpPaths = {
  help: { en: '/en/help', fr: '/fr/aide' },
  contact: { en: '/en/help/contact/:programmeId', fr: '/fr/aide/nous-joindre/:programmeId' },
  offices: { en: '/en/help/offices', fr: '/fr/aide/bureaux' },
  // Only the forward sortation area (three characters, shared by thousands of homes) ever appears in a URL.
  officesNear: { en: '/en/help/offices/near/:fsa', fr: '/fr/aide/bureaux/pres-de/:fsa' },
  office: { en: '/en/help/office/:officeId', fr: '/fr/aide/bureau/:officeId' },
  callback: { en: '/en/help/call-back', fr: '/fr/aide/rappel' },
  appointment: { en: '/en/help/appointment', fr: '/fr/aide/rendez-vous' },
  requested: { en: '/en/help/requested/:reference', fr: '/fr/aide/demande-recue/:reference' },
  staffQueue: { en: '/en/staff/help-requests', fr: '/fr/personnel/demandes-aide' },
  staffDone: { en: '/en/staff/help-requests/:id/done', fr: '/fr/personnel/demandes-aide/:id/traitee' },
} satisfies Record<string, BilingualPath>;
