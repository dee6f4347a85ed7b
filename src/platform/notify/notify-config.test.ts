import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotifyConfigError, parseNotifyConfig } from './notify-config.ts';

const SERVICE = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `guichet_live-${SERVICE}-${SECRET}`;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let next = 0;
const pair = () => ({ en: id(++next), fr: id(++next) });
const TEMPLATES = JSON.stringify({
  'new-document': { email: pair(), sms: pair() },
  'new-message': { email: pair(), sms: pair() },
  reminder: { email: pair(), sms: pair() },
});
const SERVICE_ENV = {
  NOTIFY_BASE_URL: 'https://api.notification.canada.ca/',
  NOTIFY_API_KEY: API_KEY,
  NOTIFY_TEMPLATE_IDS: TEMPLATES,
  NOTIFY_CALLBACK_BEARER_TOKEN: 'x'.repeat(40),
};

const refused = (
  variable: string,
  env: Record<string, string>,
  envName: 'development' | 'production' = 'production',
) =>
  assert.throws(
    () => parseNotifyConfig(env, envName),
    (error: unknown) => error instanceof NotifyConfigError && error.variable === variable,
  );

describe('Notify configuration', () => {
  it('uses the stand-in in development and tests when no service is named', () => {
    const config = parseNotifyConfig({ NOTIFY_STAND_IN_PORT: '4010' }, 'development');
    assert.equal(config.mode, 'stand-in');
    assert.equal(config.mode === 'stand-in' && config.standInPort, 4010);
    assert.equal(config.timeoutMs, 2_000);
  });

  it('reads a real service: base URL, API key, a template per kind, channel and language', () => {
    const config = parseNotifyConfig(SERVICE_ENV, 'production');
    assert.ok(config.mode === 'service');
    assert.equal(config.baseUrl, 'https://api.notification.canada.ca');
    assert.equal(config.apiKey, API_KEY);
    assert.equal(config.templates.reminder.sms.fr, id(12));
  });

  it('refuses the stand-in, plain HTTP and the development callback token in production', () => {
    refused('NOTIFY_BASE_URL', {});
    refused('NOTIFY_BASE_URL', { ...SERVICE_ENV, NOTIFY_BASE_URL: 'http://notify.internal' });
    refused('NOTIFY_CALLBACK_BEARER_TOKEN', { ...SERVICE_ENV, NOTIFY_CALLBACK_BEARER_TOKEN: '' });
    refused('NOTIFY_CALLBACK_BEARER_TOKEN', {
      ...SERVICE_ENV,
      NOTIFY_CALLBACK_BEARER_TOKEN: 'development-only-notify-callback-token-not-for-production',
    });
  });

  it('refuses a malformed API key, missing templates and a bad timeout', () => {
    refused('NOTIFY_API_KEY', { ...SERVICE_ENV, NOTIFY_API_KEY: 'not-a-key' });
    refused('NOTIFY_TEMPLATE_IDS', { ...SERVICE_ENV, NOTIFY_TEMPLATE_IDS: '{"new-document":{}}' });
    refused('NOTIFY_TEMPLATE_IDS', { ...SERVICE_ENV, NOTIFY_TEMPLATE_IDS: 'not json' });
    refused('NOTIFY_TIMEOUT_MS', { NOTIFY_TIMEOUT_MS: '2s' }, 'development');
  });
});
