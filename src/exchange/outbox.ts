import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { ChangePublisher, RegistryChange } from '../registry/registry.types.ts';
import {
  insertDeliveries,
  listActiveConsentAgreements,
  listAgreements,
  listEnrolmentsUsing,
} from './exchange.repository.ts';
import type { AgreementRow } from './exchange.repository.ts';
import type { ExchangeMetrics } from './exchange.metrics.ts';

/** An agreement is in force from its start date until (and including) its expiry date. */
export function agreementInForce(agreement: AgreementRow, at: Date): boolean {
  return (
    agreement.effective_from.getTime() <= at.getTime() &&
    (agreement.expires_on === null || endOfDay(agreement.expires_on) > at.getTime())
  );
}

function endOfDay(date: Date): number {
  return date.getTime() + 86_400_000;
}

/**
 * The transactional outbox: in the same transaction as the change, one delivery row per recipient the
 * agreements allow (Privacy Act s. 8: disclosure only as an agreement or the person's consent permits).
 * An agency with no agreement covering the element gets no row, so it can never receive it.
 */
export function createOutboxPublisher(
  cipher: FieldCipher,
  metrics: ExchangeMetrics,
  wake: () => void,
): ChangePublisher {
  return {
    async publish(trx, change) {
      const rows = await recipientsFor(trx, change);
      if (rows.length === 0) return;
      const payloadCiphertext = cipher.encrypt(JSON.stringify(change.payload));
      await insertDeliveries(
        trx,
        rows.map((row) => ({
          change_id: change.changeId,
          person_id: change.personId,
          element: change.element,
          version: change.version,
          agreement_id: row.agreementId,
          recipient_agency_id: row.agencyId,
          enrolment_id: row.enrolmentId,
          payload_ciphertext: payloadCiphertext,
          status: 'pending',
          next_attempt_at: change.occurredAt,
          created_at: change.occurredAt,
          last_error: null,
          delivered_at: null,
        })),
      );
      metrics.queued.inc({ element: change.element }, rows.length);
    },
    committed: wake,
  };
}

interface Recipient {
  agreementId: string;
  agencyId: string;
  enrolmentId: string | null;
}

async function recipientsFor(trx: Transaction<DB>, change: RegistryChange): Promise<Recipient[]> {
  const agreements = (await listAgreements(trx)).filter(
    (g) => g.elements.includes(change.element) && agreementInForce(g, change.occurredAt),
  );
  if (agreements.length === 0) return [];
  const consented = agreements.some((g) => g.consent_required)
    ? new Set(
        (await listActiveConsentAgreements(trx, change.personId, change.occurredAt)).map(
          (c) => c.agreement_id,
        ),
      )
    : new Set<string>();
  const enrolments = agreements.some((g) => g.scope === 'enrolled')
    ? await listEnrolmentsUsing(trx, change.personId, change.element)
    : [];
  return agreements
    .filter((g) => !g.consent_required || consented.has(g.id))
    .flatMap((g): Recipient[] =>
      g.scope === 'all'
        ? [{ agreementId: g.id, agencyId: g.recipient_agency_id, enrolmentId: null }]
        : enrolments
            .filter((e) => e.owner_agency_id === g.recipient_agency_id)
            .map((e) => ({ agreementId: g.id, agencyId: g.recipient_agency_id, enrolmentId: e.id })),
    );
}
