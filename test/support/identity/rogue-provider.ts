import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { IdentityProviderConfig } from '../../../src/platform/config/identity-config.ts';

export type RogueMode =
  | 'valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-nonce'
  | 'alg-none'
  | 'alg-hs256'
  | 'expired-beyond-skew'
  | 'expired-within-skew'
  | 'issued-in-future'
  | 'wrong-key';

/**
 * A hostile OpenID provider for negative tests: real discovery, JWKS and token endpoint over HTTP, but its
 * ID tokens are broken on purpose in the way `mode` says.
 */
export interface RogueProvider {
  readonly config: IdentityProviderConfig;
  mode: RogueMode;
  /** The nonce Guichet sent in the last authorization request (read from the URL by the test). */
  nonce: string;
  close(): Promise<void>;
}

const CLIENT_ID = 'guichet-rogue';
const SECRET = 'rogue-client-secret-that-is-long-enough-for-hs256';

export async function startRogueProvider(): Promise<RogueProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'rogue-1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const state: RogueProvider = {
    config: undefined as unknown as IdentityProviderConfig,
    mode: 'valid',
    nonce: '',
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    res.setHeader('content-type', 'application/json');
    if (path === '/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256', 'none', 'HS256'],
          code_challenge_methods_supported: ['S256'],
        }),
      );
      return;
    }
    if (path === '/jwks') return void res.end(JSON.stringify({ keys: [jwk] }));
    if (path === '/token') {
      void idToken(state, issuer, privateKey, other.privateKey).then((token) =>
        res.end(
          JSON.stringify({ access_token: 'at', token_type: 'Bearer', expires_in: 60, id_token: token }),
        ),
      );
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(state, {
    config: {
      id: 'rogue',
      audience: 'person',
      issuer,
      clientId: CLIENT_ID,
      clientAuth: { method: 'client_secret_post', secret: SECRET },
      nameEn: 'Rogue',
      nameFr: 'Voyou',
      acrLevels: {},
      secondFactorAmr: [],
      assertsVerifiedIdentity: false,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return state;
}

async function idToken(
  state: RogueProvider,
  issuer: string,
  key: CryptoKey,
  wrongKey: CryptoKey,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const mode = state.mode;
  const claims = {
    sub: 'rogue-subject',
    nonce: mode === 'bad-nonce' ? 'not-the-nonce' : state.nonce,
    auth_time: now,
  };
  const exp =
    mode === 'expired-beyond-skew'
      ? now - 400
      : mode === 'expired-within-skew'
        ? now - 200
        : mode === 'issued-in-future'
          ? now + 7200
          : now + 300;
  const iat = mode.startsWith('expired') ? now - 900 : mode === 'issued-in-future' ? now + 3600 : now;
  if (mode === 'alg-none')
    return new UnsecuredJWT(claims)
      .setIssuer(issuer)
      .setAudience(CLIENT_ID)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .encode();
  const jwt = new SignJWT(claims)
    .setIssuer(mode === 'wrong-issuer' ? 'https://evil.example' : issuer)
    .setAudience(mode === 'wrong-audience' ? 'someone-else' : CLIENT_ID)
    .setIssuedAt(iat)
    .setExpirationTime(exp);
  if (mode === 'alg-hs256')
    return jwt.setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
  return jwt.setProtectedHeader({ alg: 'RS256', kid: 'rogue-1' }).sign(mode === 'wrong-key' ? wrongKey : key);
}
