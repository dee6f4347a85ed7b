import { randomUUID } from 'node:crypto';
import { decodeJwt, errors, jwtVerify } from 'jose';

/** A GC Notify API key is `{name}-{service id}-{secret}`; clients sign a JWT with the secret, `iss` = service id. */
export interface ApiKey {
  readonly name: string;
  readonly serviceId: string;
  readonly secret: string;
}

const UUID_LENGTH = 36;

export function generateApiKey(name = 'guichet_stand_in'): string {
  return `${name}-${randomUUID()}-${randomUUID()}`;
}

/** Splits a key the way the clients do: the secret is the last 36 characters, the service id the 36 before. */
export function parseApiKey(key: string): ApiKey {
  const secret = key.slice(-UUID_LENGTH);
  const serviceId = key.slice(-2 * UUID_LENGTH - 1, -UUID_LENGTH - 1);
  const name = key.slice(0, -2 * UUID_LENGTH - 2);
  if (!name || !/^[0-9a-f-]{36}$/i.test(secret) || !/^[0-9a-f-]{36}$/i.test(serviceId)) {
    throw new Error('expected an API key of the form name-serviceid-secret');
  }
  return { name, serviceId, secret };
}

export type AuthResult =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

/** GC Notify accepts a token whose `iat` is within 30 seconds of its own clock. */
const CLOCK_TOLERANCE_SECONDS = 30;
const refuse = (status: 401 | 403, message: string): AuthResult => ({ ok: false, status, message });

/**
 * Checks the `Authorization: Bearer <JWT>` header as GC Notify's API does (its messages included): the
 * unverified `iss` names the service, then each of the service's keys is tried as the HS256 secret, then
 * `iat` must be within 30 seconds of now.
 */
export async function authenticate(
  header: string | undefined,
  keys: readonly ApiKey[],
  nowSeconds: number,
): Promise<AuthResult> {
  if (!header) return refuse(401, 'Unauthorized, authentication token must be provided');
  if (header.slice(0, 7).toLowerCase() !== 'bearer ')
    return refuse(401, 'Unauthorized, authentication bearer scheme must be used');
  const token = header.slice(7).trim();
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return refuse(403, 'Invalid token: signature, api token is not valid');
  }
  if (typeof issuer !== 'string') return refuse(403, 'Invalid token: iss field not provided');
  const serviceKeys = keys.filter((key) => key.serviceId === issuer);
  if (serviceKeys.length === 0) return refuse(403, 'Invalid token: service not found');
  for (const key of serviceKeys) {
    const verified = await verifyWith(token, key);
    if (verified === 'bad-signature') continue;
    if (verified === 'invalid') return refuse(403, 'Invalid token: signature, api token is not valid');
    if (Math.abs(nowSeconds - verified) > CLOCK_TOLERANCE_SECONDS) {
      return refuse(403, 'Error: Your system clock must be accurate to within 30 seconds');
    }
    return { ok: true, key };
  }
  return refuse(403, 'Invalid token: API key not found');
}

/** The token's `iat` when this key signed it, or why not. */
async function verifyWith(token: string, key: ApiKey): Promise<number | 'bad-signature' | 'invalid'> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), {
      algorithms: ['HS256'],
    });
    return typeof payload.iat === 'number' ? payload.iat : 'invalid';
  } catch (error) {
    return error instanceof errors.JWSSignatureVerificationFailed ? 'bad-signature' : 'invalid';
  }
}
