import { LANGUAGES } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/i18n.ts';

/** The kinds of notice Guichet sends, each a template per channel and language in GC Notify. */
export const NOTICE_KINDS = ['new-document', 'new-message', 'reminder'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['email', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Template ids: `templates[kind][channel][lang]`. */
export type NoticeTemplates = Readonly<
  Record<NoticeKind, Readonly<Record<NoticeChannel, Readonly<Record<Lang, string>>>>>
>;

interface CommonNotifyConfig {
  /** The token GC Notify puts in its delivery-receipt callbacks (`Authorization: Bearer …`). */
  readonly callbackBearerToken: string;
  /** Per request; GC Notify's guidance is 1 to 2 seconds, then retry. */
  readonly timeoutMs: number;
}

/**
 * `stand-in`: development and tests start the local GC Notify-compatible server and take its key and
 * template ids; `service`: a real GC Notify (or GOV.UK Notify-compatible) service.
 */
export type NotifyConfig =
  | (CommonNotifyConfig & { readonly mode: 'stand-in'; readonly standInPort: number })
  | (CommonNotifyConfig & {
      readonly mode: 'service';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly templates: NoticeTemplates;
    });

export class NotifyConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'NotifyConfigError';
  }
}

type Env = Record<string, string | undefined>;
type EnvName = 'development' | 'test' | 'production';

const DEV_CALLBACK_TOKEN = 'development-only-notify-callback-token-not-for-production';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `{key name}-{service id}-{secret}`: the two UUIDs at the end are what the client signs with. */
const API_KEY = /^.+-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

/**
 * Reads NOTIFY_* variables (the lead wires this into src/platform/config/config.ts). Without
 * NOTIFY_BASE_URL, the stand-in is used, which production refuses.
 */
export function parseNotifyConfig(env: Env, envName: EnvName): NotifyConfig {
  const baseUrl = read(env, 'NOTIFY_BASE_URL');
  if (baseUrl === undefined && envName === 'production') {
    throw new NotifyConfigError(
      'NOTIFY_BASE_URL',
      'is required in production (GC Notify: https://api.notification.canada.ca)',
    );
  }
  const common = {
    callbackBearerToken: callbackToken(env, envName),
    timeoutMs: integer(env, 'NOTIFY_TIMEOUT_MS', 2_000, 100, 60_000),
  };
  if (baseUrl === undefined) {
    return { ...common, mode: 'stand-in', standInPort: integer(env, 'NOTIFY_STAND_IN_PORT', 0, 0, 65_535) };
  }
  return {
    ...common,
    mode: 'service',
    baseUrl: serviceUrl(baseUrl, envName),
    apiKey: apiKey(env),
    templates: templates(env),
  };
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new NotifyConfigError(name, `expected a whole number between ${min} and ${max}`);
  }
  return value;
}

function serviceUrl(raw: string, envName: EnvName): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NotifyConfigError('NOTIFY_BASE_URL', 'is not a valid URL');
  }
  const allowed = envName === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol))
    throw new NotifyConfigError('NOTIFY_BASE_URL', `must start with ${allowed.join(' or ')}//`);
  return url.origin + url.pathname.replace(/\/$/, '');
}

function apiKey(env: Env): string {
  const key = read(env, 'NOTIFY_API_KEY');
  if (key === undefined) throw new NotifyConfigError('NOTIFY_API_KEY', 'is required with NOTIFY_BASE_URL');
  if (!API_KEY.test(key))
    throw new NotifyConfigError('NOTIFY_API_KEY', 'expected a GC Notify API key (name-serviceid-secret)');
  return key;
}

function callbackToken(env: Env, envName: EnvName): string {
  const token = read(env, 'NOTIFY_CALLBACK_BEARER_TOKEN');
  if (token === undefined) {
    if (envName === 'production')
      throw new NotifyConfigError('NOTIFY_CALLBACK_BEARER_TOKEN', 'is required in production');
    return DEV_CALLBACK_TOKEN;
  }
  if (token.length < 32)
    throw new NotifyConfigError('NOTIFY_CALLBACK_BEARER_TOKEN', 'must be at least 32 characters');
  if (envName === 'production' && token === DEV_CALLBACK_TOKEN) {
    throw new NotifyConfigError(
      'NOTIFY_CALLBACK_BEARER_TOKEN',
      'the development default is refused in production',
    );
  }
  return token;
}

/** NOTIFY_TEMPLATE_IDS: JSON `{"new-document": {"email": {"en": "<uuid>", "fr": "<uuid>"}, "sms": {…}}, …}`. */
function templates(env: Env): NoticeTemplates {
  const raw = read(env, 'NOTIFY_TEMPLATE_IDS');
  if (raw === undefined)
    throw new NotifyConfigError('NOTIFY_TEMPLATE_IDS', 'is required with NOTIFY_BASE_URL');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new NotifyConfigError('NOTIFY_TEMPLATE_IDS', 'is not valid JSON');
  }
  const missing = templatePaths().filter((path) => !UUID.test(String(valueAt(parsed, path) ?? '')));
  if (missing.length > 0) {
    throw new NotifyConfigError(
      'NOTIFY_TEMPLATE_IDS',
      `needs a template id (UUID) for ${missing.map((path) => path.join('.')).join(', ')}`,
    );
  }
  return parsed as NoticeTemplates;
}

function templatePaths(): string[][] {
  return NOTICE_KINDS.flatMap((kind) =>
    NOTICE_CHANNELS.flatMap((channel) => LANGUAGES.map((lang) => [kind, channel, lang])),
  );
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
    value,
  );
}
