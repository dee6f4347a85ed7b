import axios, { isAxiosError } from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { assertNoticeCarriesNoPersonalInformation } from './notice-guard.ts';
import type { NoticeChannel } from './notify-config.ts';
import { isNotifyStatus, NOTIFY_STATUS_MEANINGS } from './notify-status.ts';
import type { NotifyStatus, NotifyStatusMeaning } from './notify-status.ts';
import { DEFAULT_RETRY_POLICY, retryDelay } from './retry-policy.ts';
import type { AttemptFailure, RetryPolicy } from './retry-policy.ts';

export interface NotifyClientConfig {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** Guichet's public URL: notices may only link there. */
  readonly publicUrl: string;
  readonly retry?: RetryPolicy;
}

export interface Notice {
  readonly channel: NoticeChannel;
  /** Email address or phone number. */
  readonly to: string;
  readonly templateId: string;
  /** Only `link` (see notice-guard.ts). */
  readonly personalisation: Readonly<Record<string, string>>;
  /** The notice's id, a UUID: GC Notify keeps it as `reference`, and it makes sending idempotent. */
  readonly reference: string;
}

export interface SendOptions {
  /** The notice may have reached GC Notify before (a retry from the durable queue): look for it first. */
  readonly previouslyAttempted?: boolean;
}

export interface SentNotice {
  readonly id: string;
  readonly reference: string;
  /** GC Notify already had this notice (found by its reference), so it was not sent again. */
  readonly alreadySent: boolean;
}

export interface NoticeStatus {
  readonly id: string;
  readonly status: NotifyStatus;
  readonly meaning: NotifyStatusMeaning;
  readonly completedAt: string | null;
}

export interface NotifyClientDependencies {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface GuichetNotifyClient {
  send(notice: Notice, options?: SendOptions): Promise<SentNotice>;
  status(notificationId: string): Promise<NoticeStatus>;
}

/** GC Notify refused the request, or could not be reached after every retry. */
export class NotifyRequestError extends Error {
  constructor(readonly failure: AttemptFailure) {
    super(
      failure.kind === 'network'
        ? 'GC Notify could not be reached'
        : `GC Notify answered ${failure.status} (${failure.errors.join(', ') || 'no error name'})`,
    );
    this.name = 'NotifyRequestError';
  }
}

/**
 * A thin adapter over `notifications-node-client`: refuses any notice that could carry personal
 * information, retries 429/5xx and network faults with back-off, and never sends a notice twice: before
 * any retry it asks GC Notify for a notification with the notice's reference.
 */
export function createNotifyClient(
  config: NotifyClientConfig,
  dependencies: NotifyClientDependencies = {},
): GuichetNotifyClient {
  const api = new NotifyClient(config.baseUrl, config.apiKey);
  // The client was typed against axios's CommonJS declarations, this module imports its ES ones: one runtime shape.
  api.setClient(
    axios.create({ timeout: config.timeoutMs }) as unknown as Parameters<NotifyClient['setClient']>[0],
  );
  const retrying = withRetry(config.retry ?? DEFAULT_RETRY_POLICY, dependencies);
  return {
    async send(notice, options = {}) {
      assertNoticeCarriesNoPersonalInformation(notice, { linkOrigin: config.publicUrl });
      return retrying(async (attempt) => {
        const existing =
          attempt > 1 || options.previouslyAttempted ? await findByReference(api, notice) : undefined;
        if (existing) return { id: existing, reference: notice.reference, alreadySent: true };
        return { id: await post(api, notice), reference: notice.reference, alreadySent: false };
      });
    },
    async status(notificationId) {
      const { data } = await retrying(() => api.getNotificationById(notificationId));
      const { status } = data;
      if (!isNotifyStatus(status))
        throw new Error(`GC Notify reported a status Guichet does not know: ${status}`);
      return {
        id: data.id,
        status,
        meaning: NOTIFY_STATUS_MEANINGS[status],
        completedAt: data.completed_at ?? null,
      };
    },
  };
}

async function post(api: NotifyClient, notice: Notice): Promise<string> {
  const options = { personalisation: notice.personalisation, reference: notice.reference };
  const response =
    notice.channel === 'email'
      ? await api.sendEmail(notice.templateId, notice.to, options)
      : await api.sendSms(notice.templateId, notice.to, options);
  return response.data.id;
}

async function findByReference(api: NotifyClient, notice: Notice): Promise<string | undefined> {
  const { data } = await api.getNotifications(notice.channel, undefined, notice.reference);
  return data.notifications.find((notification) => notification.reference === notice.reference)?.id;
}

function withRetry(policy: RetryPolicy, dependencies: NotifyClientDependencies) {
  const sleep =
    dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async <T>(attemptOnce: (attempt: number) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await attemptOnce(attempt);
      } catch (error) {
        const failure = describeFailure(error);
        const delay = retryDelay(policy, attempt, failure, dependencies.random);
        if (delay === null) throw new NotifyRequestError(failure);
        await sleep(delay);
      }
    }
  };
}

/** GC Notify's errors: `{ "status_code": 400, "errors": [{ "error": "BadRequestError", "message": "…" }] }`. */
function describeFailure(error: unknown): AttemptFailure {
  if (!isAxiosError(error)) throw error;
  if (!error.response) return { kind: 'network' };
  const body: unknown = error.response.data;
  const errors =
    typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)
      ? (body as { errors: unknown[] }).errors.map((entry) =>
          String((entry as { error?: unknown }).error ?? ''),
        )
      : [];
  return { kind: 'http', status: error.response.status, errors };
}
