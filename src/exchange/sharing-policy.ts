import type { DbExecutor } from '../platform/db/schema.ts';
import { listAgreements } from './agreement.repository.ts';
import type { AgreementRow } from './agreement.repository.ts';
import { listActiveConsents } from './consent.repository.ts';

/** Why something may not be shared with a recipient now. */
export type SharingRefusal = 'agreement-not-in-force' | 'no-consent';

/** An agreement is in force from its start date until (and including) its expiry date. */
export function agreementInForce(agreement: AgreementRow, at: Date): boolean {
  return (
    agreement.effective_from.getTime() <= at.getTime() &&
    (agreement.expires_on === null || agreement.expires_on.getTime() + 86_400_000 > at.getTime())
  );
}

/**
 * The one rule for disclosing a person's information to another agency (Privacy Act s. 8(2)(a) and (f):
 * under an agreement in force, and with the person's consent where the agreement rests on it). The outbox
 * applies it when a change is committed, and the dispatcher again just before each delivery leaves.
 */
export interface SharingPolicy {
  /** Null when sharing with the agreement's recipient is allowed now. */
  refusal(agreementId: string, personId: string): SharingRefusal | null;
  /** The agreements covering `element` under which sharing this person's change is allowed now. */
  allowedFor(element: string, personId: string): AgreementRow[];
}

/** Loads the agreements, and the consents of these people, as they stand at `at`. */
export async function loadSharingPolicy(
  db: DbExecutor,
  personIds: readonly string[],
  at: Date,
): Promise<SharingPolicy> {
  const agreements = new Map((await listAgreements(db)).map((g) => [g.id, g]));
  const needConsent = [...agreements.values()].some((g) => g.consent_required);
  const consents = new Set(
    needConsent
      ? (await listActiveConsents(db, [...new Set(personIds)], at)).map(
          (c) => `${c.person_id}:${c.agreement_id}`,
        )
      : [],
  );
  const refusal = (agreement: AgreementRow | undefined, personId: string): SharingRefusal | null => {
    if (!agreement || !agreementInForce(agreement, at)) return 'agreement-not-in-force';
    if (agreement.consent_required && !consents.has(`${personId}:${agreement.id}`)) return 'no-consent';
    return null;
  };
  return {
    refusal: (agreementId, personId) => refusal(agreements.get(agreementId), personId),
    allowedFor: (element, personId) =>
      [...agreements.values()].filter((g) => g.elements.includes(element) && refusal(g, personId) === null),
  };
}
