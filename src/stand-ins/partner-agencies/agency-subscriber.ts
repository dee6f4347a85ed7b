import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { applyCopies, applyCopy, recordReceipt, recordReceipts } from './agency-copy.repository.ts';
import type { DeliveryMessage, Subscriber } from '../../exchange/index.ts';

/**
 * The receiving side of a partner agency, as Guichet models it: a receipt table makes applying a message
 * idempotent (a redelivery changes nothing), and a version guard keeps late, older changes from winning.
 */
export function createAgencySubscriber(db: Kysely<DB>, clock: () => Date = () => new Date()): Subscriber {
  return {
    async apply(message) {
      await db.transaction().execute(async (trx) => {
        const at = clock();
        if (!(await recordReceipt(trx, message.recipientAgencyId, message.deliveryId, at))) return;
        await applyCopy(trx, copyOf(message, at));
      });
    },
    // One transaction for a batch addressed to one agency: the same guarantees, far fewer round trips.
    async applyBatch(messages) {
      const agencyId = messages[0]?.recipientAgencyId;
      if (agencyId === undefined) return;
      await db.transaction().execute(async (trx) => {
        const at = clock();
        const fresh = await recordReceipts(
          trx,
          agencyId,
          messages.map((m) => m.deliveryId),
          at,
        );
        const copies = messages.filter((m) => fresh.has(m.deliveryId)).map((m) => copyOf(m, at));
        await applyCopies(trx, copies);
      });
    },
  };
}

function copyOf(message: DeliveryMessage, at: Date) {
  return {
    agencyId: message.recipientAgencyId,
    personId: message.personId,
    element: message.element,
    version: message.version,
    valueCiphertext: message.payloadCiphertext,
    at,
  };
}
