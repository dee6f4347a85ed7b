import type { AssuranceLevel } from '../http/request-identity.ts';

/** How Guichet authenticates to a provider's token endpoint (CATS profile prefers `private_key_jwt`). */
export type ClientAuthConfig =
  | { readonly method: 'client_secret_post'; readonly secret: string }
  | { readonly method: 'private_key_jwt'; readonly privateJwk: Readonly<Record<string, unknown>> };

/** One OpenID Connect provider Guichet trusts, built-in or external. */
export interface IdentityProviderConfig {
  /** Short stable name used in URLs and audit records, e.g. `alberta`. */
  readonly id: string;
  readonly audience: 'person' | 'staff';
  readonly issuer: string;
  readonly clientId: string;
  readonly clientAuth: ClientAuthConfig;
  readonly nameEn: string;
  readonly nameFr: string;
  /** `acr` value → level on Guichet's one scale (PCTF-style 1–3); an unknown or missing acr is level 1 (ASVS 6.8.4). */
  readonly acrLevels: Readonly<Record<string, AssuranceLevel>>;
  /** `amr` values that count as a second factor for step-up. */
  readonly secondFactorAmr: readonly string[];
  /** The provider asserts verified name and birth date, so a level ≥ 2 sign-in can link without a letter. */
  readonly assertsVerifiedIdentity: boolean;
  /** The `acr_values` to ask for at step-up. */
  readonly stepUpAcr?: string;
}

export interface IdentityConfig {
  /** Start the demonstration providers in-process (development and tests only). */
  readonly builtInProviders: boolean;
  /** Ports for the built-in providers; 0 picks a free one. */
  readonly builtInPortBase: number;
  readonly providers: readonly IdentityProviderConfig[];
  /** ASVS 7.3.1: 20 minutes without activity ends the session (CDCP 1,200 s). */
  readonly idleTimeoutSeconds: number;
  /** The timeout warning shows this long before the end (WCAG 2.2.1). */
  readonly idleWarningSeconds: number;
  /** ASVS 7.3.2, NIST 800-63B: 12 hours however active. */
  readonly absoluteTimeoutSeconds: number;
  /** Login.gov `reauthn_window`: a second factor within this long allows sensitive changes. */
  readonly reauthWindowSeconds: number;
  /** Tolerance on ID-token times (CATS profile: 3–5 minutes). */
  readonly clockSkewSeconds: number;
  /** Shows the development mailbox and the demo TOTP page. */
  readonly developmentPages: boolean;
}

type Env = Record<string, string | undefined>;

export class IdentityConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'IdentityConfigError';
  }
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new IdentityConfigError(name, `expected a whole number between ${min} and ${max}`);
  return value;
}

/**
 * External providers come as a JSON array in `IDENTITY_PROVIDERS` (see docs/identity.md); the built-in
 * demonstration providers are refused in production because their accounts and keys are public.
 */
export function parseIdentityConfig(
  env: Env,
  envName: 'development' | 'test' | 'production',
): IdentityConfig {
  const isProduction = envName === 'production';
  const builtIn = (read(env, 'IDENTITY_BUILTIN_PROVIDERS') ?? (isProduction ? 'false' : 'true')) === 'true';
  if (builtIn && isProduction)
    throw new IdentityConfigError(
      'IDENTITY_BUILTIN_PROVIDERS',
      'the demonstration providers are refused in production',
    );
  const idle = seconds(env, 'SESSION_IDLE_SECONDS', 1200, 60, 1800);
  return {
    builtInProviders: builtIn,
    builtInPortBase: seconds(
      env,
      'IDENTITY_BUILTIN_PORT_BASE',
      envName === 'development' ? 4101 : 0,
      0,
      65000,
    ),
    providers: parseProviders(read(env, 'IDENTITY_PROVIDERS')),
    idleTimeoutSeconds: idle,
    idleWarningSeconds: Math.min(180, Math.floor(idle / 2)),
    absoluteTimeoutSeconds: seconds(env, 'SESSION_ABSOLUTE_SECONDS', 43_200, 600, 43_200),
    reauthWindowSeconds: seconds(env, 'REAUTH_WINDOW_SECONDS', 1200, 60, 1200),
    clockSkewSeconds: seconds(env, 'OIDC_CLOCK_SKEW_SECONDS', 300, 0, 300),
    developmentPages: !isProduction,
  };
}

function parseProviders(raw: string | undefined): IdentityProviderConfig[] {
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new IdentityConfigError('IDENTITY_PROVIDERS', 'is not valid JSON');
  }
  if (!Array.isArray(parsed)) throw new IdentityConfigError('IDENTITY_PROVIDERS', 'expected a JSON array');
  return parsed.map((entry: unknown, index) => checkProvider(entry, index));
}

function checkProvider(entry: unknown, index: number): IdentityProviderConfig {
  const where = `IDENTITY_PROVIDERS[${index}]`;
  const value = entry as Partial<IdentityProviderConfig> | null;
  if (!value || typeof value !== 'object') throw new IdentityConfigError(where, 'expected an object');
  for (const field of ['id', 'issuer', 'clientId', 'nameEn', 'nameFr'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '')
      throw new IdentityConfigError(where, `${field} is required`);
  }
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(value.id ?? ''))
    throw new IdentityConfigError(where, 'id must be lowercase letters, digits and hyphens');
  if (!value.issuer?.startsWith('https://')) throw new IdentityConfigError(where, 'issuer must use https');
  const auth = value.clientAuth;
  const authOk =
    auth?.method === 'client_secret_post'
      ? typeof auth.secret === 'string'
      : auth?.method === 'private_key_jwt' && typeof auth.privateJwk === 'object';
  if (!authOk)
    throw new IdentityConfigError(
      where,
      'clientAuth must be client_secret_post with a secret or private_key_jwt with a privateJwk',
    );
  const levels = Object.values(value.acrLevels ?? {});
  if (levels.some((level) => level !== 1 && level !== 2 && level !== 3))
    throw new IdentityConfigError(where, 'acrLevels values must be 1, 2 or 3');
  return {
    ...(value as IdentityProviderConfig),
    audience: value.audience === 'staff' ? 'staff' : 'person',
    acrLevels: value.acrLevels ?? {},
    secondFactorAmr: value.secondFactorAmr ?? ['otp', 'mfa', 'hwk', 'swk'],
    assertsVerifiedIdentity: value.assertsVerifiedIdentity === true,
  };
}
