import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CsrfError } from '../security/csrf.ts';
import { otherLang } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/i18n.ts';
import { html } from '../views/html.ts';
import { langFromUrl } from './pages.ts';
import type { PageRenderer } from './pages.ts';
import { sendProblem } from './problem.ts';
import type { ProblemKind } from './problem.ts';
import { ControlCharactersError, withoutControlCharacters } from './control-characters.ts';

// Fields whose values are never echoed back, even to the person who typed them, on an error page.
const NEVER_ECHO = /sin|password|token|account|transit|institution|bank|otp|code|_csrf/i;

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** One place that turns every error into a bilingual page or an RFC 9457 problem; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, renderer: PageRenderer): void {
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request)) return sendProblem(request, reply, 'not-found', 404);
    return reply.code(404).type('text/html; charset=utf-8').send(renderer.notFoundHtml());
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof CsrfError) return sendCsrfPage(renderer, request, reply);
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ errorCode: error.code, status }, 'request rejected');
    if (isApi(request) && error.validation)
      return sendProblem(request, reply, 'validation', 400, { errors: error.validation.map(toProblemError) });
    if (isApi(request))
      return sendProblem(request, reply, problemKindFor(error, status), status < 400 ? 500 : status);
    if (status === 404) return reply.code(404).type('text/html; charset=utf-8').send(renderer.notFoundHtml());
    if (status === 429) return sendTooMany(renderer, request, reply, langFromUrl(request.url) ?? 'en');
    if (status >= 400 && status < 500) return sendClientError(renderer, request, reply, error, status);
    return renderer.sendServerError(request, reply, langFromUrl(request.url));
  });
}

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/** A schema violation as the problem's `errors` entry: a JSON pointer into the body, naming the field. */
function toProblemError(issue: ValidationIssue): { pointer: string; code: string; detail: string } {
  const params = issue.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  return {
    pointer: child === undefined ? issue.instancePath : `${issue.instancePath}/${child}`,
    code: issue.keyword,
    detail: issue.message ?? issue.keyword,
  };
}

function problemKindFor(error: FastifyError, status: number): ProblemKind {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return 'unsupported-media-type';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return 'payload-too-large';
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'invalid-json';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid-json';
  if (status === 429) return 'too-many-requests';
  if (status === 404) return 'not-found';
  if (status === 405) return 'method-not-allowed';
  if (status === 403) return 'forbidden';
  if (status === 401) return 'unauthorized';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'server-error';
}

/** The refusal names no field and shows nothing posted: a cross-site form must not write on our pages. */
function sendCsrfPage(renderer: PageRenderer, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang: Lang = langFromUrl(request.url) ?? 'en';
  const t = renderer.i18n.translator(lang);
  const back = safeSameOriginPath(request.headers.referer, request.url.split('?')[0] ?? `/${lang}`);
  const page = {
    title: t.t('errors.csrfTitle'),
    body: html`<h1>${t.t('errors.csrfTitle')}</h1><p>${t.t('errors.csrfBody')}</p>
<p><a href="${back}">${t.t('errors.csrfNext')}</a></p>`,
  };
  return renderer.send(request, reply, t, page, { alternateUrl: `/${otherLang(lang)}`, status: 403 });
}

/** What each client error is called on its page (`errors.<key>Title`, `errors.<key>Body`). */
function clientErrorKey(error: FastifyError, status: number): string {
  if (error instanceof ControlCharactersError) return 'controlCharacters';
  if (status === 413) return 'tooLarge';
  if (status === 415) return 'unsupportedType';
  if (status === 405) return 'methodNotAllowed';
  return 'badRequest';
}

/**
 * A request the service cannot take (bad body, too large, wrong type, control characters): a 4xx page in
 * the route's language, or in both where the address has none. Where the form's own fields arrived, what
 * was typed is shown again without the offending characters, except fields never echoed.
 */
function sendClientError(
  renderer: PageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
  error: FastifyError,
  status: number,
): FastifyReply {
  const key = clientErrorKey(error, status);
  const column = (l: Lang) => {
    const t = renderer.i18n.translator(l);
    return html`<h1>${t.t(`errors.${key}Title`)}</h1><p>${t.t(`errors.${key}Body`)}</p>`;
  };
  const lang = langFromUrl(request.url);
  if (lang === null) {
    const title = `${renderer.i18n.translator('en').t(`errors.${key}Title`)} / ${renderer.i18n.translator('fr').t(`errors.${key}Title`)}`;
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderer.bilingual(title, column('en'), column('fr')));
  }
  const t = renderer.i18n.translator(lang);
  const kept = error instanceof ControlCharactersError ? keptAnswers(request.body) : [];
  const back = safeSameOriginPath(request.headers.referer, request.url.split('?')[0] ?? `/${lang}`);
  const page = {
    title: t.t(`errors.${key}Title`),
    body: html`${column(lang)}
${kept.length > 0 ? html`<dl class="kept-answers">${kept.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>` : ''}
<p><a href="${back}">${t.t('errors.csrfNext')}</a></p>`,
  };
  return renderer.send(request, reply, t, page, { alternateUrl: `/${otherLang(lang)}`, status });
}

function keptAnswers(body: unknown): [string, string][] {
  if (!body || typeof body !== 'object') return [];
  return Object.entries(body as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !NEVER_ECHO.test(entry[0]))
    .map(
      ([name, value]) =>
        [withoutControlCharacters(name), withoutControlCharacters(value)] as [string, string],
    )
    .filter(([, value]) => value !== '');
}

function sendTooMany(
  renderer: PageRenderer,
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
): FastifyReply {
  const t = renderer.i18n.translator(lang);
  const page = {
    title: t.t('errors.tooManyTitle'),
    body: html`<h1>${t.t('errors.tooManyTitle')}</h1><p>${t.t('errors.tooManyBody')}</p>`,
  };
  return renderer.send(request, reply, t, page, { alternateUrl: `/${otherLang(lang)}`, status: 429 });
}

/** Only ever link back to a path on this site: a Referer is attacker-controlled. */
function safeSameOriginPath(referer: string | undefined, fallback: string): string {
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    return /^\/(en|fr)(\/[\w\-/]*)?$/.test(url.pathname) ? url.pathname : fallback;
  } catch {
    return fallback;
  }
}
