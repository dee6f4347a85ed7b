import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { ChangePublisher, EnrolmentService, RegistryChange } from '../person/index.ts';
import { listProgrammesUsing } from './agreement.repository.ts';
import { insertDeliveries } from './delivery.repository.ts';
import type { ExchangeMetrics } from './exchange.metrics.ts';
import { loadSharingPolicy } from './sharing-policy.ts';

/** Who must hear of a person's change: their enrolments, read inside the change's transaction. */
export type EnrolmentsPort = Pick<EnrolmentService, 'activeIn'>;

/**
 * The transactional outbox: in the same transaction as the change, one delivery row per recipient the
 * sharing policy allows (Privacy Act s. 8: disclosure only as an agreement or the person's consent permits).
 * An agency with no agreement covering the element gets no row, so it can never receive it.
 */
export function createOutboxPublisher(
  cipher: FieldCipher,
  enrolments: EnrolmentsPort,
  metrics: ExchangeMetrics,
  wake: () => void,
): ChangePublisher {
  return {
    async publish(trx, change) {
      const rows = await recipientsFor(trx, enrolments, change);
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

async function recipientsFor(
  trx: Transaction<DB>,
  enrolments: EnrolmentsPort,
  change: RegistryChange,
): Promise<Recipient[]> {
  const policy = await loadSharingPolicy(trx, [change.personId], change.occurredAt);
  const agreements = policy.allowedFor(change.element, change.personId);
  if (agreements.length === 0) return [];
  const enrolled = agreements.some((g) => g.scope === 'enrolled')
    ? await enrolledIn(trx, enrolments, change)
    : [];
  return agreements.flatMap((g): Recipient[] =>
    g.scope === 'all'
      ? [{ agreementId: g.id, agencyId: g.recipient_agency_id, enrolmentId: null }]
      : enrolled
          .filter((e) => e.agencyId === g.recipient_agency_id)
          .map((e) => ({ agreementId: g.id, agencyId: g.recipient_agency_id, enrolmentId: e.enrolmentId })),
  );
}

/** The person's active enrolments in programmes that use the changed element, with each programme's agency. */
async function enrolledIn(trx: Transaction<DB>, enrolments: EnrolmentsPort, change: RegistryChange) {
  const programmes = await listProgrammesUsing(trx, change.element);
  const agencyOf = new Map(programmes.map((p) => [p.programme_id, p.owner_agency_id]));
  const active = await enrolments.activeIn(trx, change.personId, [...agencyOf.keys()]);
  return active.map((e) => ({ enrolmentId: e.enrolmentId, agencyId: agencyOf.get(e.programmeId) ?? '' }));
}
