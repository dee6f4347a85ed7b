import pino from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { scrubLogArguments, serializeError, serializeReply, serializeRequest } from './log-serializers.ts';

// Protected B values and credentials never reach a log (ASVS 16.2.5). Paths cover request bodies, our own
// log objects one and two levels deep, and headers that carry credentials.
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...[
    'sin',
    'socialInsuranceNumber',
    'password',
    'token',
    'accessToken',
    'idToken',
    'refreshToken',
    'otp',
    'code',
    'bankAccount',
    'accountNumber',
    'transitNumber',
    'institutionNumber',
    'income',
    'incomeCents',
    'secret',
    'body',
  ].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Errors, requests and replies are logged through these, and only these (ADR 0011).
      serializers: { err: serializeError, error: serializeError, req: serializeRequest, res: serializeReply },
      hooks: {
        // A message string may quote a value (`error.message` as the message, a URL with a query).
        logMethod(args, method) {
          method.apply(this, scrubLogArguments(args) as never);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      base: { service: 'guichet' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
