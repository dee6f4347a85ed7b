import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import Provider from 'oidc-provider';
import type { OidcContext } from 'oidc-provider';
import type { IdentityProviderConfig } from '../../platform/config/identity-config.ts';
import { BUILT_IN_ACR_LEVELS, BUILT_IN_NAMES, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import type { BuiltInProviderId, DemoAccount } from './demo-accounts.ts';
import { hashPassword } from './password.ts';
import { createInteractionHandler, langOf, send } from './provider-interactions.ts';
import { PROVIDER_CSS, providerPage } from './provider-pages.ts';
import { totpDevPage } from './totp-dev-page.ts';
import type { DbExecutor } from '../../platform/db/schema.ts';
import { providerMaterial, purgeExpiredState } from './idp-state.repository.ts';
import { databaseAdapter } from './oidc-adapter.ts';

export interface RunningProvider {
  readonly id: BuiltInProviderId;
  readonly issuer: string;
  readonly rp: IdentityProviderConfig;
  /** The provider's private signing key, so tests can forge tokens it would sign (e.g. logout tokens). */
  readonly signingJwk: JWK;
  close(): Promise<void>;
}

export interface ProviderOptions {
  /** Guichet's base URL: the redirect and back-channel logout URIs hang off it. */
  readonly rpBaseUrl: string;
  readonly port: number;
  readonly clock?: () => Date;
  /** Where the provider keeps its keys and state, shared by every process that runs it (ADR 0013). */
  readonly db: DbExecutor;
  /** Marks each answer with `x-guichet-process`, so operators and tests see which process answered. */
  readonly processTag?: string;
}

/** One provider's request handler and what Guichet needs to trust it, not yet listening anywhere. */
export interface ProviderInstance {
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  readonly rp: IdentityProviderConfig;
  readonly signingJwk: JWK;
}

/** Its signing key, its client's secret and its cookie keys: the same in every process. */
interface ProviderMaterial {
  readonly signingJwk: JWK;
  readonly clientSecret: string;
  readonly cookieKeys: string[];
}

const passwordHash = hashPassword(DEMO_PASSWORD);

/** Starts one demonstration OpenID Connect provider on 127.0.0.1, its own issuer with its own keys. */
export async function startProvider(
  id: BuiltInProviderId,
  options: ProviderOptions,
): Promise<RunningProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    send(res, 503, 'starting');
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    // A port already in use (another Guichet running?) must stop start-up with a message, not crash it.
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `the ${id} sign-in provider cannot listen on 127.0.0.1:${options.port} (${error.code ?? error.message})`,
        ),
      ),
    );
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const instance = await createProvider(id, { ...options, issuer });
  handler = instance.handler;
  return {
    id,
    issuer,
    signingJwk: instance.signingJwk,
    rp: instance.rp,
    close: () => new Promise<void>((resolve) => closeServer(server, resolve)),
  };
}

/**
 * A demonstration provider for `issuer`: its keys are read from the database (made by the first process that
 * needs them) and its oidc-provider models live there too, so any process may answer any of its requests.
 */
export async function createProvider(
  id: BuiltInProviderId,
  options: Omit<ProviderOptions, 'port'> & { issuer: string },
): Promise<ProviderInstance> {
  const clock = options.clock ?? (() => new Date());
  const material = await providerMaterial<ProviderMaterial>(options.db, id, makeMaterial(id), new Date());
  const accounts = await accountsOf(id);
  const provider = new Provider(options.issuer, {
    ...providerConfiguration(id, options.rpBaseUrl, material, accounts),
    adapter: databaseAdapter(options.db, id),
  });
  const interactions = createInteractionHandler({
    provider,
    providerName: BUILT_IN_NAMES[id],
    accounts: new Map(accounts.map((a) => [a.username, a])),
    decoyHash: await passwordHash,
    clock,
    db: options.db,
    providerId: id,
  });
  const oidc = provider.callback();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (options.processTag) res.setHeader('x-guichet-process', options.processTag);
    route(req, res, id, interactions, oidc).catch(() => {
      if (!res.headersSent)
        send(
          res,
          500,
          providerPage(
            { lang: langOf(req), providerName: BUILT_IN_NAMES[id][langOf(req)], alternateUrl: '/' },
            'Error / Erreur',
            'Error / Erreur',
          ),
        );
    });
  };
  return {
    handler,
    signingJwk: material.signingJwk,
    rp: relyingPartyConfig(id, options.issuer, material.clientSecret),
  };
}

function makeMaterial(id: BuiltInProviderId): () => Promise<ProviderMaterial> {
  return async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    return {
      signingJwk: {
        ...(await exportJWK(privateKey)),
        kid: `${id}-${randomBytes(4).toString('hex')}`,
        alg: 'RS256',
        use: 'sig',
      },
      clientSecret: randomBytes(32).toString('base64url'),
      cookieKeys: [randomBytes(32).toString('base64url')],
    };
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  id: BuiltInProviderId,
  interactions: ReturnType<typeof createInteractionHandler>,
  oidc: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  );
  res.setHeader('x-content-type-options', 'nosniff');
  if (path === '/provider.css') return send(res, 200, PROVIDER_CSS, 'text/css; charset=utf-8');
  if (path === '/dev/totp' && (id === 'gckey' || id === 'staff'))
    return send(res, 200, totpDevPage(langOf(req), BUILT_IN_NAMES[id], DEMO_ACCOUNTS[id], new Date()));
  const match = /^\/interaction\/[\w-]+(?:\/(login|otp|cancel))?$/.exec(path);
  if (match) return interactions(req, res, match[1] ?? 'show');
  oidc(req, res);
}

async function accountsOf(id: BuiltInProviderId): Promise<(DemoAccount & { passwordHash: string })[]> {
  const hash = await passwordHash;
  return DEMO_ACCOUNTS[id].map((account) => ({ ...account, passwordHash: hash }));
}

function providerConfiguration(
  id: BuiltInProviderId,
  rpBaseUrl: string,
  material: ProviderMaterial,
  accounts: readonly DemoAccount[],
): Record<string, unknown> {
  const bySubject = new Map(accounts.map((account) => [account.subject, account]));
  return {
    clients: [
      {
        client_id: `guichet-${id}`,
        client_secret: material.clientSecret,
        redirect_uris: [`${rpBaseUrl}/auth/callback`],
        post_logout_redirect_uris: [`${rpBaseUrl}/en/signed-out`, `${rpBaseUrl}/fr/deconnecte`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        backchannel_logout_uri: `${rpBaseUrl}/api/identity/backchannel-logout/${id}`,
        backchannel_logout_session_required: true,
      },
    ],
    jwks: { keys: [material.signingJwk] },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = bySubject.get(sub);
      return account
        ? { accountId: sub, claims: async () => ({ sub, ...account.claims, locale: undefined }) }
        : undefined;
    },
    claims: {
      // acr and amr ride with the openid scope so every ID token states how the person authenticated.
      openid: ['sub', 'acr', 'amr', 'auth_time', 'sid'],
      profile: ['given_name', 'family_name', 'birthdate', 'identity_verified', 'name'],
      roles: ['roles', 'agency', 'name'],
    },
    acrValues: Object.keys(BUILT_IN_ACR_LEVELS[id]),
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    cookies: { keys: material.cookieKeys },
    ttl: {
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      Interaction: 900,
      Session: 3600,
      Grant: 3600,
    },
    renderError: (ctx: OidcContext, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = providerPage(
        { lang: 'en', providerName: BUILT_IN_NAMES[id].en, alternateUrl: '/' },
        'Sign-in error / Erreur de connexion',
        `${out.error ?? 'error'}: ${out.error_description ?? ''}`,
      );
    },
  };
}

function relyingPartyConfig(id: BuiltInProviderId, issuer: string, secret: string): IdentityProviderConfig {
  return {
    id,
    audience: id === 'staff' ? 'staff' : 'person',
    issuer,
    clientId: `guichet-${id}`,
    clientAuth: { method: 'client_secret_post', secret },
    nameEn: BUILT_IN_NAMES[id].en,
    nameFr: BUILT_IN_NAMES[id].fr,
    acrLevels: BUILT_IN_ACR_LEVELS[id],
    secondFactorAmr: ['otp', 'mfa', 'hwk'],
    assertsVerifiedIdentity: id === 'alberta' || id === 'bc',
  };
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}

export interface BuiltInProviders {
  readonly providers: readonly RunningProvider[];
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 600_000;

/** All four: credential (GCKey-style), Alberta-style, BC-style and staff. Ports are consecutive from `portBase`, or free ones for 0. */
export async function startBuiltInProviders(options: {
  rpBaseUrl: string;
  portBase: number;
  clock?: () => Date;
  db: DbExecutor;
  processTag?: string;
}): Promise<BuiltInProviders> {
  const ids: BuiltInProviderId[] = ['gckey', 'alberta', 'bc', 'staff'];
  const providers = await Promise.all(
    ids.map((id, index) =>
      startProvider(id, { ...options, port: options.portBase === 0 ? 0 : options.portBase + index }),
    ),
  );
  // Expired sessions, interactions and codes are deleted now and then (oidc-provider only stops reading them).
  const purge = setInterval(
    () => void purgeExpiredState(options.db, new Date()).catch(() => undefined),
    PURGE_EVERY_MS,
  );
  purge.unref();
  return {
    providers,
    close: async () => {
      clearInterval(purge);
      await Promise.all(providers.map((p) => p.close()));
    },
  };
}
