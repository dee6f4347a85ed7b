/**
 * Notices travel by email and SMS, which GC Notify accepts for Protected A only and which are not encrypted
 * end to end: a notice must say nothing about the person. Only these personalisation keys exist:
 * - `link`: the page of Guichet where the person reads what is new (e.g. `https://…/en/my-guichet/inbox`),
 *   on Guichet's own origin, without query string or fragment.
 * Names, amounts, dates, SINs, decisions and document titles are never personalisation: a template per
 * kind of notice and language says what happened in general words. The `reference` is the notice's id (a
 * UUID), never anything about the person, as GC Notify's documentation requires.
 */
export const ALLOWED_PERSONALISATION_KEYS = ['link'] as const;

export interface NoticeContent {
  readonly personalisation: Readonly<Record<string, unknown>>;
  readonly reference: string;
}

export interface NoticeGuardPolicy {
  /** Guichet's public origin, e.g. `https://guichet.canada.ca`: the only place a link may point to. */
  readonly linkOrigin: string;
}

export class PersonalInformationInNoticeError extends Error {
  /** What is wrong, naming keys and rules but never the values, which may be the very personal information. */
  constructor(readonly problems: readonly string[]) {
    super(`Notice refused: ${problems.join('; ')}`);
    this.name = 'PersonalInformationInNoticeError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';

/** Patterns of personal information that can be recognised in text; names cannot, hence the key allow-list. */
const DETECTORS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'a SIN-like number', pattern: /(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{3}(?!\d)/ },
  { name: 'an amount of money', pattern: /[$€£]\s?\d|\d\s?\$|\d[.,]\d{2}(?!\d)|\d\s*(dollars?|cents?)\b/i },
  {
    name: 'a date',
    pattern: new RegExp(
      `\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d\\s*(${MONTHS})|(${MONTHS})\\s*\\d`,
      'i',
    ),
  },
  { name: 'an email address', pattern: /[^\s@/]+@[^\s@/]+\.[a-z]{2,}/i },
  { name: 'a phone number', pattern: /(?<!\d)(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)/ },
];

/** Names of the kinds of personal information the text seems to hold (empty when none is recognised). */
export function findPersonalInformation(text: string): string[] {
  const decoded = safeDecode(text);
  return DETECTORS.filter(({ pattern }) => pattern.test(decoded)).map(({ name }) => name);
}

/** The only personalisation keys, each with its own check (see the top of this file). */
const VALUE_RULES: Readonly<
  Record<
    (typeof ALLOWED_PERSONALISATION_KEYS)[number],
    (value: string, policy: NoticeGuardPolicy) => string[]
  >
> = {
  link: checkLink,
};

/** Everything wrong with a notice's personalisation and reference, without quoting any value. */
export function checkNotice(notice: NoticeContent, policy: NoticeGuardPolicy): string[] {
  const problems = UUID.test(notice.reference) ? [] : ['the reference must be the notice id (a UUID)'];
  for (const [key, value] of Object.entries(notice.personalisation)) {
    problems.push(...checkValue(key, value, policy));
  }
  return problems;
}

function checkValue(key: string, value: unknown, policy: NoticeGuardPolicy): string[] {
  const rule = Object.hasOwn(VALUE_RULES, key) ? VALUE_RULES[key as keyof typeof VALUE_RULES] : undefined;
  if (!rule)
    return [`personalisation "${key}" is not allowed (only ${ALLOWED_PERSONALISATION_KEYS.join(', ')})`];
  if (typeof value !== 'string') return [`personalisation "${key}" must be text`];
  const kinds = findPersonalInformation(value).map(
    (kind) => `personalisation "${key}" looks like it holds ${kind}`,
  );
  return [...rule(value, policy), ...kinds];
}

export function assertNoticeCarriesNoPersonalInformation(
  notice: NoticeContent,
  policy: NoticeGuardPolicy,
): void {
  const problems = checkNotice(notice, policy);
  if (problems.length > 0) throw new PersonalInformationInNoticeError(problems);
}

function checkLink(value: string, policy: NoticeGuardPolicy): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return ['personalisation "link" is not a URL'];
  }
  const onOrigin =
    url.origin === new URL(policy.linkOrigin).origin && url.username === '' && url.password === '';
  if (!onOrigin) return [`personalisation "link" must point to ${new URL(policy.linkOrigin).origin}`];
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return ['personalisation "link" must have no query string or fragment'];
  }
  return [];
}

/** Percent-encoded text is checked as the reader would see it. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
