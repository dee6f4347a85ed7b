import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { translator } from './provider-texts.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import type { DemoAccount } from './demo-accounts.ts';
import { verifyPassword } from './password.ts';
import { loginForm, messagePage, otpForm, providerPage } from './provider-pages.ts';
import type { FieldError } from './provider-pages.ts';
import { FailureCounter } from './provider-throttle.ts';
import type { DbExecutor } from '../../platform/db/schema.ts';
import { deleteState, findState, upsertState } from './idp-state.repository.ts';
import { verifyTotp } from './totp.ts';

export interface InteractionDeps {
  readonly provider: Provider;
  readonly providerName: { en: string; fr: string };
  readonly accounts: ReadonlyMap<string, DemoAccount & { passwordHash: string }>;
  /** Hash checked for unknown usernames so both answers take as long (ASVS 6.3.8). */
  readonly decoyHash: string;
  readonly clock: () => Date;
  /** Where the interaction state lives, shared by every process running this provider (ADR 0013). */
  readonly db: DbExecutor;
  readonly providerId: string;
}

/** Between the password and the code: whose code the interaction waits for (as long as the interaction lives). */
const PENDING_SECONDS = 900;
/** The last TOTP step used, kept a little longer than a code stays valid. */
const TOTP_STEP_SECONDS = 300;

/** The interaction's own records, beside oidc-provider's models in the same table. */
function interactionState(deps: InteractionDeps) {
  const pendingKey = { provider: deps.providerId, model: 'guichet:PendingSecondFactor' };
  const stepKey = { provider: deps.providerId, model: 'guichet:LastTotpStep' };
  return {
    async pendingUser(uid: string): Promise<string | undefined> {
      const found = await findState(deps.db, pendingKey, { id: uid }, new Date());
      return typeof found?.username === 'string' ? found.username : undefined;
    },
    setPending: (uid: string, username: string) =>
      upsertState(deps.db, pendingKey, uid, { username }, new Date(Date.now() + PENDING_SECONDS * 1000)),
    clearPending: (uid: string) => deleteState(deps.db, pendingKey, uid),
    async lastStep(username: string): Promise<number | undefined> {
      const found = await findState(deps.db, stepKey, { id: username }, new Date());
      return typeof found?.step === 'number' ? found.step : undefined;
    },
    setLastStep: (username: string, step: number) =>
      upsertState(deps.db, stepKey, username, { step }, new Date(Date.now() + TOTP_STEP_SECONDS * 1000)),
  };
}

/** Login and second-factor pages of one built-in provider, driven by oidc-provider's interaction API. */
export function createInteractionHandler(deps: InteractionDeps) {
  const state = interactionState(deps);
  const counter = (name: string) => ({ provider: deps.providerId, counter: name });
  // Login.gov: 5 sign-in failures per account and IP a minute; 10 wrong codes lock code entry for 10 minutes.
  const passwordFailures = new FailureCounter(deps.db, counter('password'), 5, 60, 60, deps.clock);
  const otpFailures = new FailureCounter(deps.db, counter('otp'), 10, 600, 600, deps.clock);
  // And an account-wide cap, whatever the addresses: 20 failures an hour lock the account for 15 minutes,
  // so guessing spread over many addresses gets no further than from one.
  const accountFailures = new FailureCounter(deps.db, counter('account'), 20, 3600, 900, deps.clock);

  async function show(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    errors: FieldError[] = [],
    username = '',
    status = 200,
  ) {
    const lang = langOf(req, details);
    const t = translator(lang);
    const base = `/interaction/${details.uid}`;
    const isOtp = (await state.pendingUser(details.uid)) !== undefined;
    const body = isOtp
      ? otpForm(lang, `${base}/otp?lang=${lang}`, errors, `${base}/cancel?lang=${lang}`)
      : loginForm(lang, `${base}/login?lang=${lang}`, errors, username, `${base}/cancel?lang=${lang}`);
    const title = t.t(isOtp ? 'idp.otpTitle' : 'idp.signInTitle');
    send(
      res,
      status,
      providerPage(
        {
          lang,
          providerName: deps.providerName[lang],
          alternateUrl: `${base}?lang=${lang === 'en' ? 'fr' : 'en'}`,
        },
        title,
        body,
        errors.length > 0,
      ),
    );
  }

  async function login(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    form: URLSearchParams,
  ) {
    const t = translator(langOf(req, details));
    const username = (form.get('username') ?? '').trim().toLowerCase().slice(0, 100);
    const key = `${username}|${req.socket.remoteAddress ?? ''}`;
    if ((await passwordFailures.isLocked(key)) || (await accountFailures.isLocked(username)))
      return tooMany(req, res, details);
    const account = deps.accounts.get(username);
    const ok = await verifyPassword(form.get('password') ?? '', account?.passwordHash ?? deps.decoyHash);
    if (!ok || !account) {
      await passwordFailures.fail(key);
      await accountFailures.fail(username);
      return show(
        req,
        res,
        details,
        [{ field: 'username', message: t.t('idp.badCredentials') }],
        username,
        200,
      );
    }
    await passwordFailures.reset(key);
    await accountFailures.reset(username);
    if (!account.totpSecret) return finish(req, res, account);
    await state.setPending(details.uid, username);
    return redirect(res, `/interaction/${details.uid}?lang=${langOf(req, details)}`);
  }

  async function otp(
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    form: URLSearchParams,
  ) {
    const t = translator(langOf(req, details));
    const account = deps.accounts.get((await state.pendingUser(details.uid)) ?? '');
    if (!account?.totpSecret) return redirect(res, `/interaction/${details.uid}`);
    if (await otpFailures.isLocked(account.username)) return tooMany(req, res, details);
    const code = (form.get('code') ?? '').replace(/\s/g, '');
    const step = verifyTotp(account.totpSecret, code, deps.clock(), await state.lastStep(account.username));
    if (step === null) {
      await otpFailures.fail(account.username);
      return show(req, res, details, [{ field: 'code', message: t.t('idp.badCode') }]);
    }
    await otpFailures.reset(account.username);
    await state.setLastStep(account.username, step);
    await state.clearPending(details.uid);
    return finish(req, res, account);
  }

  async function finish(req: IncomingMessage, res: ServerResponse, account: DemoAccount) {
    const ts = Math.floor(deps.clock().getTime() / 1000);
    await deps.provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.subject, acr: account.acr, amr: [...account.amr], ts } },
      { mergeWithLastSubmission: false },
    );
  }

  function tooMany(req: IncomingMessage, res: ServerResponse, details: InteractionDetails) {
    const lang = langOf(req, details);
    const t = translator(lang);
    const body = messagePage(lang, t.t('idp.tooManyTitle'), t.t('idp.tooManyBody'));
    send(
      res,
      429,
      providerPage(
        { lang, providerName: deps.providerName[lang], alternateUrl: `/interaction/${details.uid}` },
        t.t('idp.tooManyTitle'),
        body,
      ),
    );
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
    const details = await deps.provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') return grantConsent(deps.provider, req, res, details);
    if (req.method === 'GET') return show(req, res, details);
    const form = new URLSearchParams(await readBody(req));
    if (action === 'login') return login(req, res, details, form);
    if (action === 'otp') return otp(req, res, details, form);
    await state.clearPending(details.uid);
    return deps.provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'cancelled' },
      { mergeWithLastSubmission: false },
    );
  };
}

/** First-party clients only: the person already chose to share these claims with Guichet. */
async function grantConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails,
) {
  const grant = new provider.Grant({
    accountId: details.session?.accountId ?? '',
    clientId: String(details.params.client_id),
  });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  grant.addOIDCClaims([
    'given_name',
    'family_name',
    'birthdate',
    'identity_verified',
    'name',
    'agency',
    'roles',
  ]);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

export function langOf(req: IncomingMessage, details?: InteractionDetails): Lang {
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('lang');
  if (query === 'en' || query === 'fr') return query;
  const locales = String(details?.params.ui_locales ?? '');
  return locales.startsWith('fr') ? 'fr' : 'en';
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/html; charset=utf-8',
): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('location', location);
  res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error('Body too large');
  }
  return body;
}
