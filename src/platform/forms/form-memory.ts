import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { DB } from '../db/schema.ts';
import type { CookieSealer } from '../security/sealed-cookie.ts';
import { prepareQuery } from '../db/prepared.ts';

/** What a form's fields held when it was sent: one string per field, a list for checkboxes. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/**
 * Why each field was refused: the field's name → a message code, resolved by the view as `<ns>.errors.<code>`,
 * or a full translation key when the code has a dot (`validation.required`).
 */
export type FieldErrors = Readonly<Record<string, string>>;

/** A refused submission: exactly what was typed, and why it was refused. */
export interface KeptForm {
  readonly values: FormValues;
  readonly errors: FieldErrors;
}

/**
 * Post/Redirect/Get for every form (ADR 0008): a refused submission is kept here and the browser is sent back
 * to the form, which shows it again, in either language, until the form is accepted or the memory expires.
 * `formId` names the form and whatever it is about (`workspace.correct-address:<personId>`), never the language.
 */
export interface FormMemory {
  keep(request: FastifyRequest, reply: FastifyReply, formId: string, kept: KeptForm): Promise<void>;
  recall(request: FastifyRequest, formId: string): Promise<KeptForm | undefined>;
  forget(request: FastifyRequest, reply: FastifyReply, formId: string): Promise<void>;
}

export interface FormMemoryDependencies {
  readonly db: Kysely<DB>;
  /** Encrypts what a signed-in person typed: it may be Protected B (a bank account number). */
  readonly cipher: FieldCipher;
  /** Seals what a visitor who is not signed in typed, in their own browser (the finder stores nothing). */
  readonly sealer: CookieSealer;
  readonly clock: () => Date;
}

export const FORM_COOKIE = '__Host-guichet-form';
// Long enough to look something up and come back; short enough that nothing lingers.
const LIFETIME_MS = 30 * 60 * 1000;
const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function createFormMemory(deps: FormMemoryDependencies): FormMemory {
  const server = serverMemory(deps);
  const browser = browserMemory(deps.sealer);
  // Signed in: kept server-side against the session, so nothing personal ever sits in a cookie (ASVS 14.3.3).
  const pick = (request: FastifyRequest) => {
    const owner = request.identity?.sessionId;
    return owner ? server(owner) : browser;
  };
  return {
    keep: (request, reply, formId, kept) => pick(request).keep(request, reply, formId, kept),
    recall: (request, formId) => pick(request).recall(request, formId),
    forget: (request, reply, formId) => pick(request).forget(request, reply, formId),
  };
}

function serverMemory({ db, cipher, clock }: FormMemoryDependencies): (owner: string) => FormMemory {
  return (owner) => ({
    async keep(_request, _reply, formId, kept) {
      const now = clock();
      const row = {
        owner,
        form_id: formId,
        payload_ciphertext: cipher.encrypt(JSON.stringify(kept)),
        expires_at: new Date(now.getTime() + LIFETIME_MS),
      };
      await db
        .insertInto('platform_form_memory')
        .values(row)
        .onConflict((oc) => oc.columns(['owner', 'form_id']).doUpdateSet(row))
        .execute();
    },
    async recall(_request, formId) {
      const row = await recallForm.executeTakeFirst(db, owner, formId, clock());
      return row ? checked(JSON.parse(cipher.decrypt(row.payload_ciphertext)) as unknown) : undefined;
    },
    async forget(_request, _reply, formId) {
      await db
        .deleteFrom('platform_form_memory')
        .where('owner', '=', owner)
        .where('form_id', '=', formId)
        .execute();
    },
  });
}

/** One refused form at a time, sealed in the visitor's own browser. */
function browserMemory(sealer: CookieSealer): FormMemory {
  const open = (request: FastifyRequest) =>
    sealer.open(request.cookies[FORM_COOKIE]) as { formId?: unknown; kept?: unknown } | undefined;
  return {
    async keep(_request, reply, formId, kept) {
      void reply.setCookie(FORM_COOKIE, sealer.seal({ formId, kept }, LIFETIME_MS), COOKIE_OPTIONS);
    },
    async recall(request, formId) {
      const sealed = open(request);
      return sealed?.formId === formId ? checked(sealed.kept) : undefined;
    },
    async forget(request, reply, formId) {
      if (open(request)?.formId === formId) void reply.clearCookie(FORM_COOKIE, COOKIE_OPTIONS);
    },
  };
}

// Asked by every page that shows a form (most ask in vain): compiled once, prepared (ADR 0013).
const recallForm = prepareQuery('forms.recall', (q, owner: string, formId: string, now: Date) =>
  q
    .selectFrom('platform_form_memory')
    .select('payload_ciphertext')
    .where('owner', '=', owner)
    .where('form_id', '=', formId)
    .where('expires_at', '>', now),
);

/** Deletes what has expired; the root's housekeeping calls it (returns how many were deleted). */
export async function purgeExpiredForms(db: Kysely<DB>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('platform_form_memory')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Sealed or encrypted by this server, so well formed; checked all the same before any of it reaches a page.
function checked(raw: unknown): KeptForm | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { values, errors } = raw as { values?: unknown; errors?: unknown };
  return { values: stringRecord(values, true), errors: stringRecord(errors, false) as FieldErrors };
}

function stringRecord(raw: unknown, lists: boolean): Record<string, string | readonly string[]> {
  if (!raw || typeof raw !== 'object') return {};
  const ok = (value: unknown) =>
    typeof value === 'string' ||
    (lists && Array.isArray(value) && value.every((item) => typeof item === 'string'));
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => ok(value))) as Record<
    string,
    string | readonly string[]
  >;
}
