import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

export interface SendRequest {
  readonly template_id: string;
  readonly email_address?: string;
  readonly phone_number?: string;
  readonly personalisation?: Record<string, unknown>;
  readonly reference?: string;
  readonly email_reply_to_id?: string;
  readonly sms_sender_id?: string;
}

const common = {
  template_id: { type: 'string', format: 'uuid' },
  personalisation: { type: 'object' },
  reference: { type: 'string', maxLength: 1000 },
  scheduled_for: { type: 'string' },
};

// The request bodies of POST /v2/notifications/email and /sms as GC Notify validates them (JSON Schema too).
const ajv = new Ajv({ allErrors: false, strict: true });
addFormats.default(ajv, ['uuid', 'email']);
const validators = {
  email: ajv.compile<SendRequest>({
    type: 'object',
    required: ['email_address', 'template_id'],
    additionalProperties: false,
    properties: {
      ...common,
      email_address: { type: 'string', format: 'email' },
      email_reply_to_id: { type: 'string', format: 'uuid' },
    },
  }),
  sms: ajv.compile<SendRequest>({
    type: 'object',
    required: ['phone_number', 'template_id'],
    additionalProperties: false,
    properties: {
      ...common,
      phone_number: { type: 'string' },
      sms_sender_id: { type: 'string', format: 'uuid' },
    },
  }),
};

/** The request, or GC Notify's `ValidationError` messages (which name fields, never repeat their values). */
export function validateSendRequest(type: 'email' | 'sms', body: unknown): SendRequest | string[] {
  const validate = validators[type];
  if (!validate(body)) return (validate.errors ?? []).map(message);
  if (type === 'sms' && !isPhoneNumber(body.phone_number ?? ''))
    return ['phone_number Not a valid phone number'];
  return body;
}

/** Digits with the usual separators: 10 digits (North America) or an international number of 8 to 15. */
export function normalisePhoneNumber(raw: string): string {
  return raw.replace(/[\s().-]/g, '');
}

function isPhoneNumber(raw: string): boolean {
  return /^(\+?1)?\d{10}$|^\+\d{8,15}$/.test(normalisePhoneNumber(raw));
}

function message(error: ErrorObject): string {
  const field = error.instancePath.replace(/^\//, '');
  switch (error.keyword) {
    case 'required':
      return `${String(error.params['missingProperty'])} is a required property`;
    case 'additionalProperties':
      return `Additional properties are not allowed (${String(error.params['additionalProperty'])} was unexpected)`;
    case 'format':
      return error.params['format'] === 'email'
        ? `${field} Not a valid email address`
        : `${field} is not a valid UUID`;
    default:
      return `${field || 'request'} ${error.message ?? 'is not valid'}`;
  }
}
