/** Every setting production requires, with values of the right shape: tests change one thing at a time. */
export const productionSecrets = {
  NODE_ENV: 'production',
  // Metrics and detailed health on their own listener, never the public one.
  OPS_PORT: '9464',
  SESSION_SECRET: 'a-production-secret-that-is-long-enough-123',
  FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  LOOKUP_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIFmJ7qOhOVt0yQ2Hk3Kp3q9kZfXG3W2cVv0S4dO1u5aZ',
  // Production sends notices through a real GC Notify (the stand-in is refused there).
  NOTIFY_BASE_URL: 'https://api.notification.canada.ca',
  NOTIFY_API_KEY: `live-${'11111111-1111-4111-8111-111111111111'}-${'22222222-2222-4222-8222-222222222222'}`,
  NOTIFY_CALLBACK_BEARER_TOKEN: 'a-callback-token-that-is-long-enough-for-production',
  NOTIFY_TEMPLATE_IDS: JSON.stringify(
    Object.fromEntries(
      ['new-document', 'new-message', 'reminder'].map((kind) => [
        kind,
        Object.fromEntries(
          ['email', 'sms'].map((channel) => [
            channel,
            { en: '33333333-3333-4333-8333-333333333333', fr: '33333333-3333-4333-8333-333333333334' },
          ]),
        ),
      ]),
    ),
  ),
};
