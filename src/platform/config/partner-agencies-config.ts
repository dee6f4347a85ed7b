import { ConfigError } from './config.ts';

/** A partner agency allowed to feed the register (births, tax assessments), and the bearer token it presents. */
export interface AgencyCredential {
  /** The agency's id in the catalogue (`reference-data/canada/agencies.json`). */
  readonly agencyId: string;
  readonly token: string;
}

type Env = Record<string, string | undefined>;

// The demonstration agencies (the tests and `npm start`); production refuses these tokens.
export const DEV_VITAL_STATISTICS_TOKEN = 'development-only-vital-statistics-token-not-for-production';
export const DEV_CRA_TOKEN = 'development-only-cra-assessment-token-not-for-production';
const VITAL_STATISTICS_AGENCY = /^(nl|pe|ns|nb|qc|on|mb|sk|ab|bc|yt|nt|nu)-vital-statistics$/;

/**
 * VITAL_STATISTICS_API_TOKENS: `agency-id:token,…`, the agency one of the provinces' and territories' vital
 * statistics agencies (`on-vital-statistics`). Outside production Alberta's demonstration token is added.
 */
export function parseVitalStatisticsCredentials(
  env: Env,
  isProduction: boolean,
): readonly AgencyCredential[] {
  const name = 'VITAL_STATISTICS_API_TOKENS';
  const listed = splitList(env[name]).map((pair) => parsePair(name, pair));
  const demo = { agencyId: 'ab-vital-statistics', token: DEV_VITAL_STATISTICS_TOKEN };
  return withDemo(name, listed, demo, isProduction);
}

/** CRA_API_TOKENS: `token,…` (several while one is rotated out), each the Canada Revenue Agency's. */
export function parseCraCredentials(env: Env, isProduction: boolean): readonly AgencyCredential[] {
  const name = 'CRA_API_TOKENS';
  const listed = splitList(env[name]).map((token) => ({ agencyId: 'cra', token: checkToken(name, token) }));
  return withDemo(name, listed, { agencyId: 'cra', token: DEV_CRA_TOKEN }, isProduction);
}

function splitList(raw: string | undefined): string[] {
  const trimmed = raw?.trim() ?? '';
  return trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim());
}

function withDemo(
  name: string,
  listed: readonly AgencyCredential[],
  demo: AgencyCredential,
  isProduction: boolean,
): readonly AgencyCredential[] {
  if (isProduction && listed.some((credential) => credential.token === demo.token))
    throw new ConfigError(name, 'the development token is refused in production');
  if (new Set(listed.map((credential) => credential.token)).size !== listed.length)
    throw new ConfigError(name, 'each token must be different');
  return isProduction ? listed : [demo, ...listed];
}

function parsePair(name: string, pair: string): AgencyCredential {
  const index = pair.indexOf(':');
  const agencyId = pair.slice(0, index);
  if (index < 0 || !VITAL_STATISTICS_AGENCY.test(agencyId))
    throw new ConfigError(name, 'expected pv-vital-statistics:token pairs separated by commas');
  return { agencyId, token: checkToken(name, pair.slice(index + 1)) };
}

function checkToken(name: string, token: string): string {
  if (token.length < 32) throw new ConfigError(name, 'each token must be at least 32 characters');
  return token;
}
