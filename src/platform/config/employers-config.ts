import { ConfigError } from './config.ts';

/** An employer's payroll system allowed to send Records of Employment, and the bearer token it presents. */
export interface EmployerCredential {
  readonly employerId: string;
  readonly token: string;
}

type Env = Record<string, string | undefined>;

// The demonstration employer (the payroll stand-in and the tests); production refuses this token.
export const DEV_EMPLOYER_TOKEN = 'development-only-employer-token-not-for-production';
const EMPLOYER_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * EMPLOYER_API_TOKENS: `employer-id:token,…` (each token at least 32 characters). Outside production the
 * demonstration employer is added; in production only the listed employers exist (none when unset).
 */
export function parseEmployerCredentials(env: Env, isProduction: boolean): readonly EmployerCredential[] {
  const raw = env.EMPLOYER_API_TOKENS?.trim() ?? '';
  const listed = raw === '' ? [] : raw.split(',').map((pair) => parsePair(pair.trim()));
  if (isProduction && listed.some((credential) => credential.token === DEV_EMPLOYER_TOKEN))
    throw new ConfigError('EMPLOYER_API_TOKENS', 'the development token is refused in production');
  if (new Set(listed.map((credential) => credential.token)).size !== listed.length)
    throw new ConfigError('EMPLOYER_API_TOKENS', 'each employer needs its own token');
  return isProduction ? listed : [{ employerId: 'demo-employer', token: DEV_EMPLOYER_TOKEN }, ...listed];
}

function parsePair(pair: string): EmployerCredential {
  const index = pair.indexOf(':');
  const employerId = pair.slice(0, index);
  const token = pair.slice(index + 1);
  if (index < 0 || !EMPLOYER_ID.test(employerId))
    throw new ConfigError('EMPLOYER_API_TOKENS', 'expected employer-id:token pairs separated by commas');
  if (token.length < 32)
    throw new ConfigError('EMPLOYER_API_TOKENS', 'each token must be at least 32 characters');
  return { employerId, token };
}
