import { parseNotifyConfig } from '../notify/notify-config.ts';
import type { NotifyConfig } from '../notify/notify-config.ts';
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseIdentityConfig } from './identity-config.ts';
import type { IdentityConfig } from './identity-config.ts';
import { parseOpsConfig } from './ops-config.ts';
import { parseEmployerCredentials } from './employers-config.ts';
import type { EmployerCredential } from './employers-config.ts';
import { parseCraCredentials, parseVitalStatisticsCredentials } from './partner-agencies-config.ts';
import type { AgencyCredential, VitalStatisticsCredential } from './partner-agencies-config.ts';
import type { OpsConfig } from './ops-config.ts';

/** Field-encryption key: `id` is stored beside each ciphertext so keys can rotate. */
export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The audit log's signing key and witness copy, both outside the database (ADR 0002). */
export interface AuditConfig {
  /** Ed25519 private key that signs tree heads; the application's database role never sees it. */
  readonly signingKey: KeyObject;
  /** Every signed tree head is also appended here (JSON Lines); `null`: no witness copy. */
  readonly witnessFile: string | null;
  /** How often the server seals committed entries into the tree. */
  readonly sealIntervalMs: number;
}

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `null` means the embedded PostgreSQL (PGlite). */
  readonly databaseUrl: string | null;
  /** Directory for PGlite's files; `null` keeps the database in memory. */
  readonly dataDir: string | null;
  readonly allowEmbeddedDbInProduction: boolean;
  readonly sessionSecret: string;
  /** First key encrypts; all keys decrypt (rotation window). */
  readonly encryptionKeys: readonly EncryptionKey[];
  /** Secret for keyed hashes (SIN look-up); separate from encryption keys. */
  readonly lookupHashKey: Buffer;
  readonly demoPeople: number;
  readonly natsUrl: string | null;
  /** Years a client record is kept after its last administrative use; never below 2 (Privacy Regulations s. 4(1)). */
  readonly retentionClientRecordYears: number;
  readonly trustProxy: boolean;
  /** Requests per minute per client address before 429. */
  readonly rateLimitPerMinute: number;
  /** Node processes serving the one port (node:cluster, ADR 0013); more than one needs PostgreSQL. */
  readonly webConcurrency: number;
  /**
   * Whether this process runs the background pollers (tell-us-once delivery, notices, decisions, reminders).
   * Off for a process that only answers requests (e.g. the evaluation API); at least one process must run them.
   */
  readonly backgroundWork: boolean;
  /** Sign-in providers and session limits (see identity-config.ts). */
  readonly identity: IdentityConfig;
  readonly audit: AuditConfig;
  /** GC Notify, or its local stand-in when NOTIFY_BASE_URL is not set (refused in production). */
  readonly notify: NotifyConfig;
  /** Metrics and detailed health: a separate port or a bearer token (see ops-config.ts). */
  readonly ops: OpsConfig;
  /** Employers' payroll systems sending Records of Employment, each with its bearer token (employers-config.ts). */
  readonly employers: readonly EmployerCredential[];
  /** Provincial vital statistics agencies sending births, each with its bearer token (partner-agencies-config.ts). */
  readonly vitalStatistics: readonly VitalStatisticsCredential[];
  /** The CRA sending notices of assessment (income years), with its bearer token(s). */
  readonly cra: readonly AgencyCredential[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production';
// Fixed development keys so a restarted development server can still read its own data.
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
const DEV_LOOKUP_KEY = Buffer.alloc(32, 11).toString('base64');
// Ed25519, PKCS#8 DER in base64; heads signed with it prove nothing, so production refuses it.
const DEV_AUDIT_SIGNING_KEY = 'MC4CAQAwBQYDK2VwBCIEIEdkjDSlgmc7PzGmTEUXh92nXgwW4LEPbZhl4PobwiLJ';

function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readEnv(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}`);
  return value;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = readEnv(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function parseEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = readEnv(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function parseUrl(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = readEnv(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}`);
  }
  return raw;
}

function parseKey(name: string, base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new ConfigError(name, 'each key must be 32 bytes, base64-encoded');
  return key;
}

function parseEncryptionKeys(env: Env, isProduction: boolean): EncryptionKey[] {
  const raw = readEnv(env, 'FIELD_ENCRYPTION_KEYS');
  if (raw === undefined) {
    if (isProduction) throw new ConfigError('FIELD_ENCRYPTION_KEYS', 'is required in production');
    return [{ id: 'dev1', key: parseKey('FIELD_ENCRYPTION_KEYS', DEV_ENCRYPTION_KEY) }];
  }
  return raw.split(',').map((entry) => {
    const [id, key] = entry.trim().split(':');
    if (!id || !key || !/^[A-Za-z0-9_-]{1,16}$/.test(id)) {
      throw new ConfigError('FIELD_ENCRYPTION_KEYS', 'expected a comma-separated list of id:base64key');
    }
    return { id, key: parseKey('FIELD_ENCRYPTION_KEYS', key) };
  });
}

function parseSecret(env: Env, name: string, fallback: string, isProduction: boolean): string {
  const raw = readEnv(env, name);
  if (raw === undefined) {
    if (isProduction) throw new ConfigError(name, 'is required in production');
    return fallback;
  }
  if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
  if (isProduction && raw === fallback)
    throw new ConfigError(name, 'the development default is refused in production');
  return raw;
}

function parseDataDir(env: Env, envName: Config['env']): string | null {
  const raw = readEnv(env, 'DATA_DIR');
  if (raw === 'memory') return null;
  if (raw !== undefined) return resolve(raw);
  return envName === 'test' ? null : resolve('data');
}

/** Reads and validates the whole configuration once; a wrong variable stops start-up naming it. */
export function loadConfig(env: Env = process.env): Config {
  const envName = parseEnum(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const isProduction = envName === 'production';
  const port = parseInteger(env, 'PORT', 3000, 0, 65535);
  const dataDir = parseDataDir(env, envName);
  const config: Config = {
    env: envName,
    port,
    host: readEnv(env, 'HOST') ?? '127.0.0.1',
    publicUrl: parseUrl(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`,
    logLevel: parseEnum(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      envName === 'test' ? 'silent' : 'info',
    ),
    databaseUrl: parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir,
    allowEmbeddedDbInProduction: parseBoolean(env, 'ALLOW_EMBEDDED_DB_IN_PRODUCTION', false),
    sessionSecret: parseSecret(env, 'SESSION_SECRET', DEV_SESSION_SECRET, isProduction),
    encryptionKeys: parseEncryptionKeys(env, isProduction),
    lookupHashKey: parseKey(
      'LOOKUP_HASH_KEY',
      readEnv(env, 'LOOKUP_HASH_KEY') ?? requireInProduction(isProduction, 'LOOKUP_HASH_KEY', DEV_LOOKUP_KEY),
    ),
    demoPeople: parseInteger(env, 'DEMO_PEOPLE', 1000, 0, 20_000_000),
    natsUrl: parseUrl(env, 'NATS_URL', ['nats:', 'tls:']),
    retentionClientRecordYears: parseInteger(env, 'RETENTION_CLIENT_RECORD_YEARS', 7, 2, 100),
    trustProxy: parseBoolean(env, 'TRUST_PROXY', false),
    rateLimitPerMinute: parseInteger(env, 'RATE_LIMIT_PER_MINUTE', 300, 1, 1_000_000),
    webConcurrency: parseInteger(env, 'WEB_CONCURRENCY', 1, 1, 64),
    backgroundWork: parseBoolean(env, 'BACKGROUND_WORK', true),
    identity: parseIdentityConfig(env, envName),
    audit: parseAuditConfig(env, isProduction, dataDir),
    notify: parseNotifyConfig(env, envName),
    ops: parseOpsConfig(env, isProduction),
    employers: parseEmployerCredentials(env, isProduction),
    vitalStatistics: parseVitalStatisticsCredentials(env, isProduction),
    cra: parseCraCredentials(env, isProduction),
  };
  assertSafeForProduction(config);
  if (config.webConcurrency > 1 && config.databaseUrl === null)
    throw new ConfigError(
      'WEB_CONCURRENCY',
      'more than one process needs DATABASE_URL (PGlite is one process)',
    );
  if (config.webConcurrency > 1 && config.identity.builtInProviders && config.identity.builtInPortBase === 0)
    throw new ConfigError(
      'IDENTITY_BUILTIN_PORT_BASE',
      'with more than one process the demo sign-in providers need fixed ports (every process serves them)',
    );
  return Object.freeze(config);
}

function parseAuditConfig(env: Env, isProduction: boolean, dataDir: string | null): AuditConfig {
  return {
    signingKey: parseAuditSigningKey(env, isProduction),
    witnessFile: parseWitnessFile(env, dataDir),
    sealIntervalMs: parseInteger(env, 'AUDIT_SEAL_INTERVAL_MS', 1000, 10, 3_600_000),
  };
}

/** `none` for no copy; by default beside the embedded database's files (none when it is in memory). */
function parseWitnessFile(env: Env, dataDir: string | null): string | null {
  const raw = readEnv(env, 'AUDIT_WITNESS_FILE');
  if (raw === 'none') return null;
  if (raw !== undefined) return resolve(raw);
  return dataDir === null ? null : join(dataDir, 'audit-witness.jsonl');
}

/** From `AUDIT_SIGNING_KEY_FILE` (PKCS#8 PEM) or `AUDIT_SIGNING_KEY` (base64 PKCS#8 DER). */
function parseAuditSigningKey(env: Env, isProduction: boolean): KeyObject {
  const file = readEnv(env, 'AUDIT_SIGNING_KEY_FILE');
  const name = file ? 'AUDIT_SIGNING_KEY_FILE' : 'AUDIT_SIGNING_KEY';
  let key: KeyObject;
  try {
    key = file
      ? createPrivateKey(readFileSync(file))
      : createPrivateKey({
          key: Buffer.from(
            readEnv(env, name) ?? requireInProduction(isProduction, name, DEV_AUDIT_SIGNING_KEY),
            'base64',
          ),
          format: 'der',
          type: 'pkcs8',
        });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(name, 'is not a readable PKCS#8 private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(name, 'must be an Ed25519 key');
  if (isProduction && samePublicKey(key, DEV_AUDIT_SIGNING_KEY))
    throw new ConfigError(name, 'the development default is refused in production');
  return key;
}

function samePublicKey(key: KeyObject, base64Pkcs8: string): boolean {
  const other = createPrivateKey({ key: Buffer.from(base64Pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return createPublicKey(key).equals(createPublicKey(other));
}

function requireInProduction(isProduction: boolean, name: string, fallback: string): string {
  if (isProduction) throw new ConfigError(name, 'is required in production');
  return fallback;
}

function assertSafeForProduction(config: Config): void {
  if (config.env !== 'production' || config.databaseUrl !== null) return;
  if (!config.allowEmbeddedDbInProduction) {
    throw new ConfigError(
      'DATABASE_URL',
      'the embedded database (PGlite) does not fsync and is refused in production; set DATABASE_URL, or ALLOW_EMBEDDED_DB_IN_PRODUCTION=true to accept the risk',
    );
  }
}

/** A configuration for tests: in-memory database, silent logs, throwaway secrets. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', DEMO_PEOPLE: '0' });
  return Object.freeze({ ...base, sessionSecret: randomBytes(32).toString('hex'), ...overrides });
}
