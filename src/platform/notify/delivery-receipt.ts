import { createHash, timingSafeEqual } from 'node:crypto';
import { isNotifyStatus } from './notify-status.ts';
import type { NotifyStatus } from './notify-status.ts';

/**
 * A delivery receipt GC Notify POSTs to Guichet's callback URL (cds-snc/notification-documentation,
 * callbacks.md). The recipient (`to`) is deliberately dropped: the receipt is matched by id and reference,
 * and an address Guichet already holds need not be copied again.
 */
export interface DeliveryReceipt {
  readonly id: string;
  readonly reference: string | null;
  readonly status: NotifyStatus;
  readonly notificationType: 'email' | 'sms';
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly completedAt: string | null;
}

export class DeliveryReceiptError extends Error {
  constructor(readonly reason: 'unauthorised' | 'malformed') {
    super(
      reason === 'unauthorised'
        ? 'Delivery receipt without the expected bearer token'
        : 'Delivery receipt of an unexpected shape',
    );
    this.name = 'DeliveryReceiptError';
  }
}

/** Checks the bearer token in constant time, then the body; throws DeliveryReceiptError (answer 401 or 400). */
export function readDeliveryReceipt(
  authorization: string | undefined,
  body: unknown,
  bearerToken: string,
): DeliveryReceipt {
  if (!sameSecret(authorization ?? '', `Bearer ${bearerToken}`))
    throw new DeliveryReceiptError('unauthorised');
  if (typeof body !== 'object' || body === null) throw new DeliveryReceiptError('malformed');
  const field = (name: string): unknown => (body as Record<string, unknown>)[name];
  const text = (name: string) => (typeof field(name) === 'string' ? (field(name) as string) : null);
  const [id, status, type, createdAt] = [
    text('id'),
    field('status'),
    field('notification_type'),
    text('created_at'),
  ];
  if (!id || !createdAt || !isNotifyStatus(status) || (type !== 'email' && type !== 'sms')) {
    throw new DeliveryReceiptError('malformed');
  }
  return {
    id,
    reference: text('reference'),
    status,
    notificationType: type,
    createdAt,
    sentAt: text('sent_at'),
    completedAt: text('completed_at'),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
