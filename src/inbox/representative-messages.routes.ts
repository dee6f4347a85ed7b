import type { FastifyRequest } from 'fastify';
import type { RouteTable } from '../platform/http/route-table.ts';
import { pathFor } from '../platform/http/route-table.ts';
import { linkedPersonId, parseUuid } from '../platform/http/request-identity.ts';
import type { AccessContext } from '../platform/audit/access-context.ts';
import { formView } from '../platform/forms/form-view.ts';
import { formValues } from '../platform/forms/form-body.ts';
import { inboxPaths } from './inbox.paths.ts';
import { checkedMessage, messageNotices, sendAttachment } from './messages.routes.ts';
import type { MessageRouteDependencies, Represented } from './messages.routes.ts';
import { newMessagePage, threadPage } from './views/messages.views.ts';

const FILES = { linkedPerson: true, files: true } as const;
const LINKED = { linkedPerson: true } as const;
const newFormFor = (personId: string) => `inbox.message-for:${personId}`;
const replyFormFor = (threadId: string) => `inbox.reply-for:${threadId}`;

/** The representative writes as themself, about the person: the person's access log names who wrote. */
function onBehalfContext(request: FastifyRequest, representativeId: string): AccessContext {
  return {
    actor: { type: 'person', id: representativeId },
    channel: 'online',
    purpose: 'representative',
    correlationId: request.id,
  };
}

/**
 * A representative writes to a programme for the person they act for (any authorisation in force), and reads
 * and answers the person's conversations when the authorisation shows the person's file (`apply-and-view`).
 * Outside an authorisation in force every page answers 404, and the attempt is audited by the service.
 */
export function registerRepresentativeMessageRoutes(
  routes: RouteTable,
  deps: MessageRouteDependencies,
): void {
  const { messages, representation, crumbs } = deps;
  async function authorised(request: FastifyRequest): Promise<{ rep: string; someone: Represented } | null> {
    const personId = parseUuid((request.params as { personId?: string }).personId);
    const rep = linkedPersonId(request);
    const someone = personId
      ? (await representation.representedBy(rep)).find((entry) => entry.personId === personId)
      : undefined;
    return someone ? { rep, someone } : null;
  }
  const threadIdOf = (request: FastifyRequest) =>
    parseUuid((request.params as { threadId?: string }).threadId);
  const trail = (view: { t: Parameters<typeof crumbs>[0]; lang: 'en' | 'fr' }) => [
    ...crumbs(view.t),
    { href: pathFor(inboxPaths.messages, view.lang), label: view.t.t('inbox.messages.title') },
  ];

  routes.page(
    'GET',
    inboxPaths.newMessageFor,
    'signed-in',
    async (request, reply, view) => {
      const found = await authorised(request);
      if (!found) return reply.callNotFound();
      const form = formView(
        view.t,
        'inbox',
        request.csrfToken(),
        await view.recall(newFormFor(found.someone.personId)),
      );
      const programmes = await messages.programmes();
      return view.send(newMessagePage(form, programmes, crumbs(view.t), found.someone));
    },
    LINKED,
  );
  routes.page(
    'POST',
    inboxPaths.newMessageFor,
    'signed-in',
    async (request, reply, view) => {
      const found = await authorised(request);
      if (!found) return reply.callNotFound();
      const { rep, someone } = found;
      const checked = await checkedMessage(messages, request, true);
      if (!checked.ok)
        return view.refuse(newFormFor(someone.personId), {
          values: formValues(request),
          errors: checked.errors,
        });
      const threadId = await messages.write(someone.personId, checked.value, onBehalfContext(request, rep), {
        attachment: checked.attachment,
        representativeId: rep,
      });
      await view.accept(newFormFor(someone.personId));
      if (!someone.mayView)
        return view.redirect(inboxPaths.messages, { notice: messageNotices.messageSentFor });
      return view.redirect(inboxPaths.threadFor, {
        params: { personId: someone.personId, threadId },
        notice: messageNotices.messageSent,
      });
    },
    FILES,
  );
  routes.page(
    'GET',
    inboxPaths.threadFor,
    'signed-in',
    async (request, reply, view) => {
      const found = await authorised(request);
      const threadId = threadIdOf(request);
      if (!found?.someone.mayView || !threadId) return reply.callNotFound();
      const { rep, someone } = found;
      const thread = await messages.threadFor(someone.personId, threadId, onBehalfContext(request, rep));
      if (!thread) return reply.callNotFound();
      const params = { personId: someone.personId, threadId };
      const form = formView(view.t, 'inbox', request.csrfToken(), await view.recall(replyFormFor(threadId)));
      const href = (attachmentId: string) =>
        pathFor(inboxPaths.attachmentFor, view.lang, { ...params, attachmentId });
      const action = pathFor(inboxPaths.threadFor, view.lang, params);
      const programmes = await messages.programmes();
      return view.send(threadPage(form, thread, programmes, action, trail(view), { href, upload: true }));
    },
    LINKED,
  );
  routes.page(
    'POST',
    inboxPaths.threadFor,
    'signed-in',
    async (request, reply, view) => {
      const found = await authorised(request);
      const threadId = threadIdOf(request);
      if (!found?.someone.mayView || !threadId) return reply.callNotFound();
      const { rep, someone } = found;
      const checked = await checkedMessage(messages, request, false);
      if (!checked.ok)
        return view.refuse(replyFormFor(threadId), { values: formValues(request), errors: checked.errors });
      const extras = { attachment: checked.attachment, representativeId: rep };
      const context = onBehalfContext(request, rep);
      if (!(await messages.reply(someone.personId, threadId, checked.value.body, context, extras)))
        return reply.callNotFound();
      await view.accept(replyFormFor(threadId));
      return view.redirect(inboxPaths.threadFor, {
        params: { personId: someone.personId, threadId },
        notice: messageNotices.messageSent,
      });
    },
    FILES,
  );
  routes.page(
    'GET',
    inboxPaths.attachmentFor,
    'signed-in',
    async (request, reply) => {
      const found = await authorised(request);
      const threadId = threadIdOf(request);
      const attachmentId = parseUuid((request.params as { attachmentId?: string }).attachmentId);
      if (!found?.someone.mayView || !threadId || !attachmentId) return reply.callNotFound();
      const context = onBehalfContext(request, found.rep);
      const file = await messages.attachmentFor(found.someone.personId, threadId, attachmentId, context);
      return file ? sendAttachment(reply, file) : reply.callNotFound();
    },
    LINKED,
  );
}
