import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeliveryReceiptError, readDeliveryReceipt } from './delivery-receipt.ts';

const TOKEN = 'a-callback-token-of-at-least-32-characters';
const BODY = {
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  to: 'alex.sample@mail.example',
  status: 'permanent-failure',
  created_at: '2026-11-02T12:15:30.000000Z',
  completed_at: '2026-11-02T12:15:32.000000Z',
  sent_at: '2026-11-02T12:15:31.000000Z',
  notification_type: 'email',
};

const rejects = (reason: string, authorization: string | undefined, body: unknown) =>
  assert.throws(
    () => readDeliveryReceipt(authorization, body, TOKEN),
    (error: unknown) => error instanceof DeliveryReceiptError && error.reason === reason,
  );

describe('delivery receipts from GC Notify', () => {
  it('reads a receipt with the right bearer token, and keeps no recipient', () => {
    const receipt = readDeliveryReceipt(`Bearer ${TOKEN}`, BODY, TOKEN);
    assert.deepEqual(receipt, {
      id: BODY.id,
      reference: BODY.reference,
      status: 'permanent-failure',
      notificationType: 'email',
      createdAt: BODY.created_at,
      sentAt: BODY.sent_at,
      completedAt: BODY.completed_at,
    });
    assert.ok(!JSON.stringify(receipt).includes('alex'));
  });

  it('refuses a receipt without the token or with another one', () => {
    for (const authorization of [undefined, '', TOKEN, `Bearer ${TOKEN}x`, `bearer ${TOKEN}`, 'Bearer '])
      rejects('unauthorised', authorization, BODY);
  });

  it('refuses a receipt of the wrong shape', () => {
    for (const body of [
      null,
      'text',
      {},
      { ...BODY, status: 'lost' },
      { ...BODY, notification_type: 'letter' },
      { ...BODY, id: 7 },
    ]) {
      rejects('malformed', `Bearer ${TOKEN}`, body);
    }
  });
});
