import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathFor } from '../platform/http/route-table.ts';
import type { BilingualPath, RouteTable } from '../platform/http/route-table.ts';
import { linkedPersonId } from '../platform/http/request-identity.ts';
import { selfContext } from '../platform/audit/access-context.ts';
import type { Translator } from '../platform/i18n/i18n.ts';
import type { OpenApiRegistry } from '../platform/http/openapi.ts';
import { problemResponse } from '../platform/http/openapi.ts';
import { sendProblem } from '../platform/http/problem.ts';
import { DeliveryReceiptError, readDeliveryReceipt } from '../platform/notify/delivery-receipt.ts';
import type { InboxService } from './inbox.service.ts';
import type { NoticeSender } from './notice-sender.ts';
import { inboxPaths, NOTIFY_RECEIPTS_PATH } from './inbox.paths.ts';
import { documentPage, inboxPage } from './views/inbox.views.ts';
import type { Crumb } from './views/inbox.views.ts';
import { isDocumentFile } from './document-files.ts';
import { DELIVERY_RECEIPT_SCHEMA } from './inbox.schemas.ts';

export interface InboxRouteDependencies {
  readonly inbox: InboxService;
  readonly crumbs: (t: Translator) => readonly Crumb[];
  /** Where the person adds a mailing address, for letters held without one. */
  readonly addressPath: BilingualPath;
}

const LINKED = { linkedPerson: true } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person's inbox: the list (unread first, searchable), one document, and its downloads. */
export function registerInboxRoutes(
  routes: RouteTable,
  { inbox, crumbs, addressPath }: InboxRouteDependencies,
): void {
  routes.page(
    'GET',
    inboxPaths.inbox,
    'signed-in',
    async (request, _reply, view) => {
      const search = searchOf(request);
      const documents = await inbox.list(linkedPersonId(request), search);
      const addressHref = pathFor(addressPath, view.t.lang);
      return view.send(inboxPage(view.t, documents, search, crumbs(view.t), addressHref));
    },
    LINKED,
  );

  routes.page(
    'GET',
    inboxPaths.document,
    'signed-in',
    async (request, reply, view) => {
      const personId = linkedPersonId(request);
      const { documentId } = request.params as { documentId: string };
      const document = UUID.test(documentId)
        ? await inbox.open(personId, documentId, selfContext(request, personId))
        : null;
      if (!document) return reply.callNotFound();
      return view.send(documentPage(view.t, document, crumbs(view.t)));
    },
    LINKED,
  );

  routes.page(
    'GET',
    inboxPaths.download,
    'signed-in',
    async (request, reply) => {
      const personId = linkedPersonId(request);
      const { documentId, file } = request.params as { documentId: string; file: string };
      const found =
        UUID.test(documentId) && isDocumentFile(file)
          ? await inbox.download(personId, documentId, file, selfContext(request, personId))
          : null;
      if (!found) return reply.callNotFound();
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${file}"`)
        .type(found.mediaType)
        .send(found.body);
    },
    LINKED,
  );
}

function searchOf(request: FastifyRequest): string {
  const raw = (request.query as { q?: unknown }).q;
  // Search words only: control characters dropped, length bounded (the field's maxlength).
  return typeof raw === 'string'
    ? raw
        .replace(/\p{Cc}/gu, ' ')
        .trim()
        .slice(0, 100)
    : '';
}

/** GC Notify's delivery receipts (its callback API), with the bearer token set in configuration. */
export function registerNotifyReceipts(
  app: FastifyInstance,
  routes: RouteTable,
  openapi: OpenApiRegistry,
  { sender, bearerToken }: { sender: NoticeSender; bearerToken: string },
): void {
  openapi.addSchema('NotifyDeliveryReceipt', DELIVERY_RECEIPT_SCHEMA);
  openapi.route(app, {
    method: 'post',
    path: NOTIFY_RECEIPTS_PATH,
    body: 'NotifyDeliveryReceipt',
    operation: {
      operationId: 'recordNotifyDeliveryReceipt',
      summary: "GC Notify's delivery receipt for a notice Guichet sent",
      description:
        'Called by GC Notify (or its stand-in) with the bearer token configured in NOTIFY_CALLBACK_BEARER_TOKEN. A final failure sends the document to paper.',
      tags: ['notices'],
      responses: {
        '204': { description: 'Recorded (or about a notice Guichet does not know, which is ignored)' },
        '400': problemResponse('A body that is not a delivery receipt'),
        '401': problemResponse('Without the expected bearer token'),
      },
    },
    handler: (request, reply) => receive(request, reply, sender, bearerToken),
  });
  routes.record('POST', NOTIFY_RECEIPTS_PATH, 'public');
}

async function receive(
  request: FastifyRequest,
  reply: FastifyReply,
  sender: NoticeSender,
  bearerToken: string,
): Promise<FastifyReply> {
  try {
    const receipt = readDeliveryReceipt(request.headers.authorization, request.body, bearerToken);
    await sender.recordReceipt(receipt.id, receipt.status);
    return reply.code(204).send();
  } catch (error) {
    if (!(error instanceof DeliveryReceiptError)) throw error;
    return error.reason === 'unauthorised'
      ? sendProblem(request, reply, 'unauthorized', 401)
      : sendProblem(request, reply, 'validation', 400);
  }
}
