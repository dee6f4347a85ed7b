import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Everything an error carries beyond these fields is dropped before it is logged: database errors carry
 * their bound parameters, rows, `detail` (`Key (email)=(…)`), `query`, `where`; validation errors their
 * `data`; HTTP clients their request bodies. A whitelist, so whatever a library adds tomorrow stays out.
 */
const KEPT_FIELDS = [
  'code',
  'statusCode',
  'severity',
  'routine',
  'constraint',
  'table',
  'column',
  'dataType',
];

/** Values inside messages: quoted text, e-mail addresses, numbers of five digits or more (SIN, phone, money). */
const VALUE_PATTERNS: readonly RegExp[] = [
  /"[^"]*"|'[^']*'|«[^»]*»/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\?[^\s"]*/g,
  /\d[\d\s(),-]{3,}\d/g,
];

/** A message with any value it may quote replaced by `[redacted]`. */
export function scrubText(text: string): string {
  return VALUE_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text).slice(0, 500);
}

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError;
  errors?: LoggedError[];
  [field: string]: unknown;
}

/** The one way an error reaches the log (the `err` and `error` keys of every log line). */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (typeof error === 'string') return { type: 'string', message: scrubText(error) };
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an error]' };
  const out: LoggedError = { type: error.name, message: scrubText(error.message) };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of KEPT_FIELDS) {
    const value = fields[field];
    // `code` goes out as `errorCode`: the logger redacts any `code` key, as it may be a one-time code.
    if ((typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value)) || typeof value === 'number')
      out[field === 'code' ? 'errorCode' : field] = value;
  }
  if (error.stack) out.stack = stackFrames(error.stack);
  if (depth < 3 && error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
  if (depth < 3 && error instanceof AggregateError)
    out.errors = (error.errors as unknown[]).slice(0, 10).map((inner) => serializeError(inner, depth + 1));
  return out;
}

/** Only the `at …` lines: the first line of a stack repeats the message, values and all. */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** pino's log call arguments, with an error given alone turned into `{ err }` and every message scrubbed. */
export function scrubLogArguments(args: readonly unknown[]): unknown[] {
  const [first, ...rest] = args;
  if (first instanceof Error) {
    const message = typeof rest[0] === 'string' ? rest.shift() : first.message;
    return [{ err: first }, scrubText(String(message)), ...rest];
  }
  return args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
}

/** A request without its query string (where a GET form's answers would be) or any header. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: (request.url ?? '').split('?')[0],
    route: request.routeOptions?.url,
    remoteAddress: request.ip,
  };
}

export function serializeReply(reply: FastifyReply): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}
