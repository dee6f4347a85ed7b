import * as client from 'openid-client';
import { importJWK } from 'jose';
import type { IdentityProviderConfig } from '../platform/config/identity-config.ts';
import type { Lang } from '../platform/i18n/i18n.ts';

/** What Guichet keeps from a validated ID token. */
export interface VerifiedSignIn {
  readonly issuer: string;
  readonly subject: string;
  readonly acr: string | null;
  readonly amr: readonly string[];
  readonly authTime: Date | null;
  readonly sid: string | null;
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface AuthorizationStart {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export class ProviderUnavailableError extends Error {
  constructor(providerId: string, cause: unknown) {
    super(
      `Identity provider ${providerId} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'ProviderUnavailableError';
  }
}

export class SignInRejectedError extends Error {
  constructor(
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`Sign-in response rejected: ${reason}${cause instanceof Error ? ` (${cause.message})` : ''}`);
    this.name = 'SignInRejectedError';
  }
}

// ASVS 9.1.2: an allow-list of signing algorithms; `none` and HMAC with a shared secret are never accepted.
const ALLOWED_ALG = 'RS256';

/** Guichet as an OpenID Connect relying party (openid-client v6): code flow with PKCE S256, state and nonce. */
export class RelyingParty {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly redirectUri: string,
    private readonly clockSkewSeconds: number,
  ) {}

  async start(
    provider: IdentityProviderConfig,
    lang: Lang,
    options: { acrValues?: string } = {},
  ): Promise<AuthorizationStart> {
    const config = await this.configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri,
      scope: provider.audience === 'staff' ? 'openid roles' : 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: lang === 'fr' ? 'fr-CA en-CA' : 'en-CA fr-CA',
      // Every sign-in and step-up authenticates afresh: no silent sign-in from a provider session (ASVS 7.6.2).
      prompt: 'login',
    };
    if (options.acrValues) parameters.acr_values = options.acrValues;
    return { url: client.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier };
  }

  /** Exchanges the code and validates the ID token: exact issuer, audience, expiry ± skew, nonce, algorithm. */
  async complete(
    provider: IdentityProviderConfig,
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedSignIn> {
    const config = await this.configuration(provider);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SignInRejectedError(reasonOf(error), error);
    }
    const claims = tokens.claims();
    if (!claims) throw new SignInRejectedError('no-id-token');
    // A token issued in the future (beyond the allowed skew) was minted ahead for replay, or by a broken clock.
    if (claims.iat * 1000 > Date.now() + this.clockSkewSeconds * 1000)
      throw new SignInRejectedError('iat-in-future');
    return {
      issuer: claims.iss,
      subject: claims.sub,
      acr: typeof claims.acr === 'string' ? claims.acr : null,
      amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
      authTime: typeof claims.auth_time === 'number' ? new Date(claims.auth_time * 1000) : null,
      sid: typeof claims.sid === 'string' ? claims.sid : null,
      claims,
    };
  }

  /** The provider's JWKS URI and issuer, for validating back-channel logout tokens. */
  async metadata(provider: IdentityProviderConfig): Promise<{ issuer: string; jwksUri: string }> {
    const server = (await this.configuration(provider)).serverMetadata();
    if (!server.jwks_uri) throw new ProviderUnavailableError(provider.id, 'no jwks_uri');
    return { issuer: server.issuer, jwksUri: server.jwks_uri };
  }

  private configuration(provider: IdentityProviderConfig): Promise<client.Configuration> {
    let pending = this.configurations.get(provider.id);
    if (!pending) {
      pending = this.discover(provider);
      // A failed discovery is retried next time, so a provider that was down recovers without a restart.
      pending.catch(() => this.configurations.delete(provider.id));
      this.configurations.set(provider.id, pending);
    }
    return pending;
  }

  private async discover(provider: IdentityProviderConfig): Promise<client.Configuration> {
    const metadata: Partial<client.ClientMetadata> = {
      client_id: provider.clientId,
      id_token_signed_response_alg: ALLOWED_ALG,
      [client.clockTolerance]: this.clockSkewSeconds,
    };
    const auth =
      provider.clientAuth.method === 'client_secret_post'
        ? client.ClientSecretPost(provider.clientAuth.secret)
        : client.PrivateKeyJwt(
            (await importJWK(
              provider.clientAuth.privateJwk,
              String(provider.clientAuth.privateJwk.alg ?? 'RS256'),
            )) as Parameters<typeof client.PrivateKeyJwt>[0],
          );
    const loopback = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(new URL(provider.issuer).origin);
    try {
      const config = await client.discovery(new URL(provider.issuer), provider.clientId, metadata, auth, {
        timeout: 5,
        // Plain HTTP only for the built-in providers on the loopback interface.
        ...(loopback ? { execute: [client.allowInsecureRequests] } : {}),
      });
      // ASVS 6.8.2: verify the ID token's signature too, not only TLS to the token endpoint (openid-client's default).
      client.enableNonRepudiationChecks(config);
      return config;
    } catch (error) {
      throw new ProviderUnavailableError(provider.id, error);
    }
  }
}

function reasonOf(error: unknown): string {
  // The provider's own answer (e.g. access_denied when the person cancelled) comes first.
  if (error && typeof error === 'object' && 'error' in error && typeof error.error === 'string')
    return error.error;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  if (error instanceof Error && error.name === 'AuthorizationResponseError') return 'provider-error';
  return 'invalid-response';
}
