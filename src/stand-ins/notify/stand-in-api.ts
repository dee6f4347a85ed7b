import { randomUUID } from 'node:crypto';
import type { ApiKey } from './stand-in-auth.ts';
import { notifyTimestamp } from './stand-in-delivery.ts';
import type { StoredNotification } from './stand-in-delivery.ts';
import { renderTemplate } from './stand-in-templates.ts';
import type { StandInTemplate } from './stand-in-templates.ts';
import { validateSendRequest } from './stand-in-validation.ts';

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What the handlers read and change. */
export interface ApiState {
  readonly baseUrl: string;
  readonly templates: ReadonlyMap<string, StandInTemplate>;
  /** Oldest first. */
  readonly notifications: StoredNotification[];
  readonly now: () => Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 250;

/** GC Notify's error body: `{"status_code": 400, "errors": [{"error": "BadRequestError", "message": "…"}]}`. */
export function notifyError(status: number, error: string, ...messages: string[]): ApiResponse {
  return { status, body: { status_code: status, errors: messages.map((message) => ({ error, message })) } };
}

/** POST /v2/notifications/{email|sms}: validates, fills the template, stores the notification as `created`. */
export function sendNotification(
  state: ApiState,
  key: ApiKey,
  type: 'email' | 'sms',
  body: unknown,
): { readonly response: ApiResponse; readonly accepted?: StoredNotification } {
  const request = validateSendRequest(type, body);
  if (Array.isArray(request)) return { response: notifyError(400, 'ValidationError', ...request) };
  const template = state.templates.get(request.template_id);
  if (!template) return { response: notifyError(400, 'BadRequestError', 'Template not found') };
  if (template.type !== type) {
    return {
      response: notifyError(
        400,
        'BadRequestError',
        `${template.type} template is not suitable for ${type} notification`,
      ),
    };
  }
  const rendered = renderTemplate(template, request.personalisation ?? {});
  if ('missing' in rendered) {
    return {
      response: notifyError(
        400,
        'BadRequestError',
        `Missing personalisation: ${rendered.missing.join(', ')}`,
      ),
    };
  }
  const notification: StoredNotification = {
    id: randomUUID(),
    serviceId: key.serviceId,
    type,
    to: (type === 'email' ? request.email_address : request.phone_number) ?? '',
    template: { id: template.id, version: template.version },
    personalisation: request.personalisation ?? {},
    reference: request.reference ?? null,
    subject: rendered.subject,
    body: rendered.body,
    createdAt: notifyTimestamp(state.now()),
    status: 'created',
    sentAt: null,
    completedAt: null,
  };
  state.notifications.push(notification);
  return { response: { status: 201, body: sendResponse(state, notification) }, accepted: notification };
}

/** GET /v2/notifications/{id}: only the service's own notifications. */
export function getNotification(state: ApiState, key: ApiKey, id: string): ApiResponse {
  if (!UUID.test(id)) return notifyError(400, 'ValidationError', 'notification_id is not a valid UUID');
  const found = state.notifications.find(
    (notification) => notification.id === id && notification.serviceId === key.serviceId,
  );
  return found
    ? { status: 200, body: notificationBody(state, found) }
    : notifyError(404, 'NoResultFound', 'No result found');
}

/** GET /v2/notifications?template_type=&status=&reference=&older_than=: newest first, 250 a page. */
export function listNotifications(state: ApiState, key: ApiKey, query: URLSearchParams): ApiResponse {
  const [type, status, reference, olderThan] = ['template_type', 'status', 'reference', 'older_than'].map(
    (name) => query.get(name),
  );
  if (type && !['email', 'sms', 'letter'].includes(type)) {
    return notifyError(400, 'ValidationError', `template_type ${type} is not one of [sms, email, letter]`);
  }
  if (olderThan && !UUID.test(olderThan))
    return notifyError(400, 'ValidationError', 'older_than is not a valid UUID');
  let candidates = state.notifications
    .filter((notification) => notification.serviceId === key.serviceId)
    .reverse();
  if (olderThan) candidates = after(candidates, olderThan);
  const page = candidates
    .filter(
      (notification) => (!type || notification.type === type) && (!status || notification.status === status),
    )
    .filter((notification) => !reference || notification.reference === reference)
    .slice(0, PAGE_SIZE);
  const current = `/v2/notifications${query.size > 0 ? `?${query.toString()}` : ''}`;
  const links: Record<string, string> = { current };
  const last = page.at(-1);
  if (page.length === PAGE_SIZE && last) links['next'] = `/v2/notifications?${withOlderThan(query, last.id)}`;
  return {
    status: 200,
    body: { notifications: page.map((notification) => notificationBody(state, notification)), links },
  };
}

/** Those after the given one (newest first, so older); none when it is unknown, as GC Notify answers. */
function after(newestFirst: StoredNotification[], id: string): StoredNotification[] {
  const index = newestFirst.findIndex((notification) => notification.id === id);
  return index === -1 ? [] : newestFirst.slice(index + 1);
}

function withOlderThan(query: URLSearchParams, id: string): string {
  const next = new URLSearchParams(query);
  next.set('older_than', id);
  return next.toString();
}

function sendResponse(state: ApiState, notification: StoredNotification) {
  const content =
    notification.type === 'email'
      ? {
          subject: notification.subject,
          body: notification.body,
          from_email: 'guichet@notify-stand-in.localhost',
        }
      : { body: notification.body, from_number: 'GUICHET' };
  return {
    id: notification.id,
    reference: notification.reference,
    content,
    uri: `${state.baseUrl}/v2/notifications/${notification.id}`,
    template: templateReference(state, notification),
  };
}

const DESCRIPTIONS: Readonly<Record<string, { readonly email: string; readonly sms: string }>> = {
  delivered: { email: 'Delivered', sms: 'Delivered' },
  'permanent-failure': { email: 'No such address', sms: 'No such number' },
  'temporary-failure': { email: 'Content or inbox issue', sms: 'Carrier issue' },
  'technical-failure': { email: 'Tech issue', sms: 'Tech issue' },
};

function notificationBody(state: ApiState, notification: StoredNotification) {
  return {
    id: notification.id,
    reference: notification.reference,
    ...(notification.type === 'email'
      ? { email_address: notification.to, subject: notification.subject }
      : { phone_number: notification.to }),
    type: notification.type,
    status: notification.status,
    status_description: DESCRIPTIONS[notification.status]?.[notification.type] ?? 'In transit',
    provider_response: null,
    template: templateReference(state, notification),
    body: notification.body,
    created_at: notification.createdAt,
    created_by_name: null,
    sent_at: notification.sentAt,
    completed_at: notification.completedAt,
  };
}

function templateReference(state: ApiState, notification: StoredNotification) {
  const { id, version } = notification.template;
  return { id, version, uri: `${state.baseUrl}/v2/template/${id}/version/${version}` };
}
