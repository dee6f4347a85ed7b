import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteTable } from '../platform/http/route-table.ts';
import type { BilingualPath } from '../platform/http/route-table.ts';
import { linkedPersonId, parseUuid, staffOf } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formStrings, formValues } from '../platform/forms/form-body.ts';
import { defineNotices } from '../platform/forms/notices.ts';
import { pathFor } from '../platform/http/route-table.ts';
import type { MessagesService } from './messages.service.ts';
import { inboxPaths } from './inbox.paths.ts';
import {
  messagesPage,
  newMessagePage,
  staffQueuePage,
  takeForm,
  threadPage,
} from './views/messages.views.ts';
import type { Crumb } from './views/inbox.views.ts';
import { registerRepresentativeMessageRoutes } from './representative-messages.routes.ts';

export const messageNotices = defineNotices('inbox.notices', [
  'messageSent',
  'messageSentFor',
  'answerSent',
  'threadTaken',
  'takenByOther',
]);

/** Who a representative may write for, seen from the inbox (the root builds it over applications' representatives). */
export interface RepresentationPort {
  /** The people `representativeId` may act for today: `mayView` when the authorisation shows their file. */
  representedBy(representativeId: string): Promise<readonly Represented[]>;
}

export interface Represented {
  readonly personId: string;
  readonly name: string;
  readonly until: string;
  readonly mayView: boolean;
}

export interface MessageRouteDependencies {
  readonly messages: MessagesService;
  readonly representation: RepresentationPort;
  readonly crumbs: (t: Translator) => readonly Crumb[];
  /** The staff home, for the queue's breadcrumb. */
  readonly staffHome: BilingualPath;
  readonly clock: () => Date;
}

const LINKED = { linkedPerson: true } as const;
/** A person's message may carry a file: its form is multipart (the evidence upload rules). */
const LINKED_FILES = { linkedPerson: true, files: true } as const;
const NEW_FORM = 'inbox.message';
const replyForm = (threadId: string) => `inbox.reply:${threadId}`;
const STAFF = 'permission:messages.answer' as const;

function staffContext(request: FastifyRequest): AccessContext {
  const staff = staffOf(request);
  return {
    actor: { type: 'staff', id: staff.staffId, role: staff.roles[0] ?? null, agencyId: staff.agencyId },
    channel: 'online',
    purpose: 'secure-message',
    correlationId: request.id,
  };
}

const threadIdOf = (request: FastifyRequest) => parseUuid((request.params as { threadId?: string }).threadId);
const attachmentIdOf = (request: FastifyRequest) =>
  parseUuid((request.params as { attachmentId?: string }).attachmentId);

/** A multipart body without the message's text field: no browser sends that from our form (400, nothing kept). */
class MalformedMessageError extends Error {
  readonly statusCode = 400;
  constructor() {
    super('A message form arrived without its text field');
    this.name = 'MalformedMessageError';
  }
}

/** A message's text and file, checked: the text is kept whatever is wrong with the file. */
export async function checkedMessage(
  messages: MessagesService,
  request: FastifyRequest,
  withSubject: boolean,
) {
  if (request.isMultipart() && typeof (request.body as { body?: unknown } | undefined)?.body !== 'string')
    throw new MalformedMessageError();
  const checked = await messages.check(formStrings(request), withSubject);
  const file = await messages.checkAttachment(
    (request.body as { attachment?: unknown } | undefined)?.attachment,
  );
  const errors = {
    ...(checked.ok ? {} : checked.errors),
    ...(file.ok ? {} : { attachment: `inbox.errors.attachment.${file.code}` }),
  };
  if (!checked.ok || !file.ok) return { ok: false as const, errors };
  return { ok: true as const, value: checked.value, attachment: file.value };
}

/** A file as a download: never shown inline, never sniffed, never cached. */
export function sendAttachment(
  reply: FastifyReply,
  file: { name: string; mediaType: string; bytes: Buffer },
): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
    .type(file.mediaType)
    .send(file.bytes);
}

/** Secure messages: the person writes to a programme and reads the answers; staff answer from a queue. */
export function registerMessageRoutes(routes: RouteTable, deps: MessageRouteDependencies): void {
  registerPersonRoutes(routes, deps);
  registerStaffRoutes(routes, deps);
  registerRepresentativeMessageRoutes(routes, deps);
}

function registerPersonRoutes(
  routes: RouteTable,
  { messages, crumbs, representation }: MessageRouteDependencies,
): void {
  routes.page(
    'GET',
    inboxPaths.messages,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const [threads, programmes, represented] = await Promise.all([
        messages.threadsOf(personId),
        messages.programmes(),
        representation.representedBy(personId),
      ]);
      const theirs = await Promise.all(
        represented.map(async (someone) => ({
          ...someone,
          threads: someone.mayView ? await messages.threadsOf(someone.personId) : null,
        })),
      );
      return view.send(messagesPage(view.t, threads, programmes, crumbs(view.t), theirs));
    },
    LINKED,
  );
  routes.page(
    'GET',
    inboxPaths.newMessage,
    'signed-in',
    async (request, _reply, view) => {
      const form = formView(view.t, 'inbox', request.csrfToken(), await view.recall(NEW_FORM));
      return view.send(newMessagePage(form, await messages.programmes(), crumbs(view.t)));
    },
    LINKED,
  );
  routes.page(
    'POST',
    inboxPaths.newMessage,
    'signed-in',
    async (request, _reply, view) => {
      const personId = linkedPersonId(request);
      const checked = await checkedMessage(messages, request, true);
      if (!checked.ok) return view.refuse(NEW_FORM, { values: formValues(request), errors: checked.errors });
      const threadId = await messages.write(personId, checked.value, selfContext(request, personId), {
        attachment: checked.attachment,
      });
      await view.accept(NEW_FORM);
      return view.redirect(inboxPaths.thread, { params: { threadId }, notice: messageNotices.messageSent });
    },
    LINKED_FILES,
  );
  routes.page(
    'GET',
    inboxPaths.thread,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const threadId = threadIdOf(request);
      const thread = threadId
        ? await messages.threadFor(personId, threadId, selfContext(request, personId))
        : null;
      if (!thread || !threadId) return reply.callNotFound();
      const form = formView(view.t, 'inbox', request.csrfToken(), await view.recall(replyForm(threadId)));
      const action = pathFor(inboxPaths.thread, view.lang, { threadId });
      const trail = [
        ...crumbs(view.t),
        { href: pathFor(inboxPaths.messages, view.lang), label: view.t.t('inbox.messages.title') },
      ];
      const href = (attachmentId: string) =>
        pathFor(inboxPaths.attachment, view.lang, { threadId, attachmentId });
      return view.send(
        threadPage(form, thread, await messages.programmes(), action, trail, { href, upload: true }),
      );
    },
    LINKED,
  );
  routes.page(
    'POST',
    inboxPaths.thread,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const threadId = threadIdOf(request);
      if (!threadId) return reply.callNotFound();
      const checked = await checkedMessage(messages, request, false);
      if (!checked.ok)
        return view.refuse(replyForm(threadId), { values: formValues(request), errors: checked.errors });
      const context = selfContext(request, personId);
      const attachment = { attachment: checked.attachment };
      if (!(await messages.reply(personId, threadId, checked.value.body, context, attachment)))
        return reply.callNotFound();
      await view.accept(replyForm(threadId));
      return view.redirect(inboxPaths.thread, { params: { threadId }, notice: messageNotices.messageSent });
    },
    LINKED_FILES,
  );
  routes.page(
    'GET',
    inboxPaths.attachment,
    'signed-in',
    async (request, reply) => {
      const personId = linkedPersonId(request);
      const [threadId, attachmentId] = [threadIdOf(request), attachmentIdOf(request)];
      const file =
        threadId && attachmentId
          ? await messages.attachmentFor(personId, threadId, attachmentId, selfContext(request, personId))
          : null;
      return file ? sendAttachment(reply, file) : reply.callNotFound();
    },
    LINKED,
  );
}

function registerStaffRoutes(
  routes: RouteTable,
  { messages, staffHome, clock }: MessageRouteDependencies,
): void {
  routes.page('GET', inboxPaths.staffQueue, STAFF, async (request, _reply, view) => {
    const programmes = await messages.programmes();
    const asked = (request.query as { programme?: unknown }).programme;
    const selected = programmes.find((programme) => programme.id === asked)?.id ?? null;
    const today = clock().toISOString().slice(0, 10);
    return view.send(
      staffQueuePage(view.t, await messages.queue(selected), programmes, selected, today, staffHome),
    );
  });
  routes.page('GET', inboxPaths.staffThread, STAFF, async (request, reply, view) => {
    const threadId = threadIdOf(request);
    const thread = threadId ? await messages.open(threadId, staffContext(request)) : null;
    if (!thread || !threadId) return reply.callNotFound();
    const mine = thread.assignedTo === staffOf(request).staffId;
    const form = formView(view.t, 'inbox', request.csrfToken(), await view.recall(replyForm(threadId)));
    const action = mine ? pathFor(inboxPaths.staffThread, view.lang, { threadId }) : '';
    const trail = [
      { href: pathFor(staffHome, view.lang), label: view.t.t('workspace.staff.homeTitle') },
      { href: pathFor(inboxPaths.staffQueue, view.lang), label: view.t.t('inbox.staff.title') },
    ];
    const extra = mine ? '' : takeForm(view.t, request.csrfToken(), threadId);
    const href = (attachmentId: string) =>
      pathFor(inboxPaths.staffAttachment, view.lang, { threadId, attachmentId });
    const files = { href, upload: false };
    return view.send(threadPage(form, thread, await messages.programmes(), action, trail, files, extra));
  });
  routes.page('GET', inboxPaths.staffAttachment, STAFF, async (request, reply) => {
    const [threadId, attachmentId] = [threadIdOf(request), attachmentIdOf(request)];
    const file =
      threadId && attachmentId
        ? await messages.staffAttachment(threadId, attachmentId, staffContext(request))
        : null;
    return file ? sendAttachment(reply, file) : reply.callNotFound();
  });
  routes.page('POST', inboxPaths.staffTake, STAFF, async (request, reply, view) => {
    const threadId = threadIdOf(request);
    if (!threadId) return reply.callNotFound();
    const outcome = await messages.take(threadId, staffOf(request).staffId, staffContext(request));
    if (outcome === 'not-found') return reply.callNotFound();
    const notice = outcome === 'taken' ? messageNotices.threadTaken : messageNotices.takenByOther;
    return view.redirect(inboxPaths.staffThread, { params: { threadId }, notice });
  });
  routes.page('POST', inboxPaths.staffThread, STAFF, async (request, reply, view) => {
    const threadId = threadIdOf(request);
    if (!threadId) return reply.callNotFound();
    const checked = await messages.check(formStrings(request), false);
    if (!checked.ok)
      return view.refuse(replyForm(threadId), { values: formValues(request), errors: checked.errors });
    const outcome = await messages.answer(
      threadId,
      staffOf(request).staffId,
      checked.value.body,
      staffContext(request),
    );
    if (outcome === 'not-found') return reply.callNotFound();
    if (outcome === 'not-yours')
      return view.redirect(inboxPaths.staffThread, {
        params: { threadId },
        notice: messageNotices.takenByOther,
      });
    await view.accept(replyForm(threadId));
    return view.redirect(inboxPaths.staffQueue, { notice: messageNotices.answerSent });
  });
}
