/** GC Notify's delivery-receipt callback body (https://documentation.notification.canada.ca/en/callbacks.html). */
export const DELIVERY_RECEIPT_SCHEMA = {
  type: 'object',
  required: ['id', 'status', 'notification_type', 'created_at'],
  properties: {
    id: { type: 'string', maxLength: 64 },
    reference: { type: ['string', 'null'], maxLength: 64 },
    to: { type: 'string', maxLength: 320 },
    status: { type: 'string', maxLength: 40 },
    status_description: { type: 'string', maxLength: 200 },
    provider_response: { type: ['string', 'null'], maxLength: 500 },
    notification_type: { type: 'string', enum: ['email', 'sms'] },
    created_at: { type: 'string', maxLength: 40 },
    completed_at: { type: ['string', 'null'], maxLength: 40 },
    sent_at: { type: ['string', 'null'], maxLength: 40 },
  },
  // GC Notify's documented fields only, as every operation here: a new field is a change we want to see.
  additionalProperties: false,
} as const;
