import { ConfigError } from './config.ts';

/** A partner agency allowed to feed the register (births, tax assessments), and the bearer token it presents. */
export interface AgencyCredential {
  /** The agency's id in the catalogue (`reference-data/canada/agencies.json`). */
  readonly agencyId: string;
  readonly token: string;
}

/** A province's or territory's vital statistics agency: it registers births and deaths in its province only. */
export interface VitalStatisticsCredential extends AgencyCredential {
  /** The two-letter code (`ON`) of the province or territory whose events the agency may register. */
  readonly province: string;
}

type Env = Record<string, string | undefined>;

// The demonstration agencies (the tests and `npm start`); production refuses these tokens.
export const DEV_VITAL_STATISTICS_TOKEN = 'development-only-vital-statistics-token-not-for-production';
export const DEV_CRA_TOKEN = 'development-only-cra-assessment-token-not-for-production';
const VITAL_STATISTICS_AGENCY = /^(nl|pe|ns|nb|qc|on|mb|sk|ab|bc|yt|nt|nu)-vital-statistics$/;

/**
 * VITAL_STATISTICS_API_TOKENS: `agency-id:PR:token,…` (or `agency-id:token,…`, the province then read from the
 * agency id), the agency one of the provinces' and territories' vital statistics agencies (`on-vital-statistics`)
 * and PR the province it registers events for, which must be its own. Outside production Alberta's demonstration
 * token is added.
 */
export function parseVitalStatisticsCredentials(
  env: Env,
  isProduction: boolean,
): readonly VitalStatisticsCredential[] {
  const name = 'VITAL_STATISTICS_API_TOKENS';
  const listed = splitList(env[name]).map((pair) => parseAgencyEntry(name, pair));
  const demo = { agencyId: 'ab-vital-statistics', province: 'AB', token: DEV_VITAL_STATISTICS_TOKEN };
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

function withDemo<Credential extends AgencyCredential>(
  name: string,
  listed: readonly Credential[],
  demo: Credential,
  isProduction: boolean,
): readonly Credential[] {
  if (isProduction && listed.some((credential) => credential.token === demo.token))
    throw new ConfigError(name, 'the development token is refused in production');
  if (new Set(listed.map((credential) => credential.token)).size !== listed.length)
    throw new ConfigError(name, 'each token must be different');
  return isProduction ? listed : [demo, ...listed];
}

// `agency-id:PR:token`; the two-letter segment is optional (tokens are 32 characters or more, so never just that).
const PROVINCE_SEGMENT = /^([A-Z]{2}):(.*)$/s;

function parseAgencyEntry(name: string, entry: string): VitalStatisticsCredential {
  const index = entry.indexOf(':');
  const agencyId = entry.slice(0, index);
  const agency = VITAL_STATISTICS_AGENCY.exec(agencyId);
  if (index < 0 || !agency)
    throw new ConfigError(name, 'expected pv-vital-statistics:PR:token entries separated by commas');
  const own = (agency[1] ?? '').toUpperCase();
  const rest = entry.slice(index + 1);
  const explicit = PROVINCE_SEGMENT.exec(rest);
  if (explicit && explicit[1] !== own)
    throw new ConfigError(name, `${agencyId} may only be configured for its own province (${own})`);
  return { agencyId, province: own, token: checkToken(name, explicit ? (explicit[2] ?? '') : rest) };
}

function checkToken(name: string, token: string): string {
  if (token.length < 32) throw new ConfigError(name, 'each token must be at least 32 characters');
  return token;
}
