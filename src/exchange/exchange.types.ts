/** What travels to a subscriber: identifiers and an encrypted payload, never a SIN or a name in clear. */
export interface DeliveryMessage {
  deliveryId: string;
  changeId: string;
  personId: string;
  element: string;
  version: number;
  agreementId: string;
  recipientAgencyId: string;
  enrolmentId: string | null;
  /** AES-GCM ciphertext of the changed values. */
  payloadCiphertext: string;
  occurredAt: string;
}

/** A receiving system. `apply` must be idempotent: the same message may arrive more than once. */
export interface Subscriber {
  apply(message: DeliveryMessage): Promise<void>;
  /** Optional: applies messages for one agency together, all or nothing. */
  applyBatch?(messages: readonly DeliveryMessage[]): Promise<void>;
}

/**
 * How messages leave. `delivered` means the subscriber has applied it; `accepted` means a durable broker
 * holds it and the subscriber will confirm through `onConfirmed` later (NATS JetStream).
 */
export interface Transport {
  readonly name: 'in-process' | 'nats';
  send(message: DeliveryMessage): Promise<'delivered' | 'accepted'>;
  /** Optional: sends messages for one agency together; resolves once all are applied, or rejects for all. */
  sendBatch?(messages: readonly DeliveryMessage[]): Promise<'delivered'>;
  close(): Promise<void>;
}

export class SubscriberUnavailableError extends Error {
  constructor(agencyId: string) {
    super(`Subscriber ${agencyId} is unavailable`);
    this.name = 'SubscriberUnavailableError';
  }
}
