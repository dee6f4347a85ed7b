import type { FastifyReply, FastifyRequest } from 'fastify';
import { createI18n, PLATFORM_LOCALES } from '../i18n/i18n.ts';
import type { I18n, Lang } from '../i18n/i18n.ts';

/** RFC 9457 problem details, with the title and detail in both official languages. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: readonly { pointer: string; code: string; detail: string }[];
  translations: Record<Lang, { title: string; detail: string }>;
}

export const PROBLEM_BASE = 'https://guichet.example/problems/';

/** Problem kinds; titles and details live in the `problems` catalogue under the same key. */
export type ProblemKind =
  | 'bad-request'
  | 'invalid-json'
  | 'unsupported-media-type'
  | 'validation'
  | 'not-found'
  | 'method-not-allowed'
  | 'forbidden'
  | 'unauthorized'
  | 'too-many-requests'
  | 'no-parameters-for-date'
  | 'outside-jurisdiction'
  | 'payload-too-large'
  | 'server-error'
  | 'service-unavailable';

export function preferredLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}

// Problem texts are the platform's own (`problems`), the same for every application: read once, never changed.
let problemTexts: I18n | undefined;

export function buildProblem(
  kind: ProblemKind,
  status: number,
  lang: Lang,
  extra: Partial<Pick<ProblemDetails, 'instance' | 'correlationId' | 'errors'>> & {
    values?: Record<string, string>;
  } = {},
): ProblemDetails {
  const text = (l: Lang) => {
    problemTexts ??= createI18n([PLATFORM_LOCALES]);
    const t = problemTexts.translator(l);
    return { title: t.t(`problems.${kind}.title`), detail: t.t(`problems.${kind}.detail`, extra.values) };
  };
  const translations = { en: text('en'), fr: text('fr') };
  const { values: _values, ...rest } = extra;
  return { type: `${PROBLEM_BASE}${kind}`, status, ...translations[lang], ...rest, translations };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ProblemKind,
  status: number,
  extra: Parameters<typeof buildProblem>[3] = {},
): FastifyReply {
  const problem = buildProblem(kind, status, preferredLang(request), {
    instance: request.url.split('?')[0],
    correlationId: request.id,
    ...extra,
  });
  return reply.code(status).type('application/problem+json; charset=utf-8').send(problem);
}
