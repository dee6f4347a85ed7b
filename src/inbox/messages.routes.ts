import type { FastifyRequest } from 'fastify';
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

export const messageNotices = defineNotices('inbox.notices', [
  'messageSent',
  'answerSent',
  'threadTaken',
  'takenByOther',
]);

export interface MessageRouteDependencies {
  readonly messages: MessagesService;
  readonly crumbs: (t: Translator) => readonly Crumb[];
  /** The staff home, for the queue's breadcrumb. */
  readonly staffHome: BilingualPath;
  readonly clock: () => Date;
}

const LINKED = { linkedPerson: true } as const;
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

/** Secure messages: the person writes to a programme and reads the answers; staff answer from a queue. */
export function registerMessageRoutes(routes: RouteTable, deps: MessageRouteDependencies): void {
  registerPersonRoutes(routes, deps);
  registerStaffRoutes(routes, deps);
}

function registerPersonRoutes(routes: RouteTable, { messages, crumbs }: MessageRouteDependencies): void {
  routes.page(
    'GET',
    inboxPaths.messages,
    'signed-in',
    async (request, _reply, view) => {
      const [threads, programmes] = await Promise.all([
        messages.threadsOf(linkedPersonId(request)),
        messages.programmes(),
      ]);
      return view.send(messagesPage(view.t, threads, programmes, crumbs(view.t)));
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
      const checked = await messages.check(formStrings(request), true);
      if (!checked.ok) return view.refuse(NEW_FORM, { values: formValues(request), errors: checked.errors });
      const threadId = await messages.write(personId, checked.value, selfContext(request, personId));
      await view.accept(NEW_FORM);
      return view.redirect(inboxPaths.thread, { params: { threadId }, notice: messageNotices.messageSent });
    },
    LINKED,
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
      return view.send(threadPage(form, thread, await messages.programmes(), action, trail));
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
      const checked = await messages.check(formStrings(request), false);
      if (!checked.ok)
        return view.refuse(replyForm(threadId), { values: formValues(request), errors: checked.errors });
      if (!(await messages.reply(personId, threadId, checked.value.body, selfContext(request, personId))))
        return reply.callNotFound();
      await view.accept(replyForm(threadId));
      return view.redirect(inboxPaths.thread, { params: { threadId }, notice: messageNotices.messageSent });
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
    return view.send(threadPage(form, thread, await messages.programmes(), action, trail, extra));
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
