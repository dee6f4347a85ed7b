import { setTimeout as wait } from 'node:timers/promises';
import type { NotifyStatus } from '../../platform/notify/notify-status.ts';
import { normalisePhoneNumber } from './stand-in-validation.ts';

/** A notification as the stand-in keeps it; status and times move as delivery is simulated. */
export interface StoredNotification {
  readonly id: string;
  readonly serviceId: string;
  readonly type: 'email' | 'sms';
  /** The email address or phone number, as sent. */
  readonly to: string;
  readonly template: { readonly id: string; readonly version: number };
  readonly personalisation: Readonly<Record<string, unknown>>;
  readonly reference: string | null;
  readonly subject: string | null;
  readonly body: string;
  readonly createdAt: string;
  status: NotifyStatus;
  sentAt: string | null;
  completedAt: string | null;
}

export type FinalStatus = 'delivered' | 'permanent-failure' | 'temporary-failure';

/**
 * Which recipients fail, as GC Notify's test key simulates (keys.md: perm-fail@simulator.notify,
 * +15149301632, temp-fail@simulator.notify, +15149301633), plus any address at bounce.example and any
 * number ending in 0000, which always bounce here.
 */
export function simulatedOutcome(type: 'email' | 'sms', to: string): FinalStatus {
  const recipient = type === 'email' ? to.trim().toLowerCase() : normalisePhoneNumber(to);
  if (recipient === 'temp-fail@simulator.notify' || recipient.endsWith('5149301633'))
    return 'temporary-failure';
  if (/@bounce\.example$/.test(recipient) || recipient === 'perm-fail@simulator.notify')
    return 'permanent-failure';
  if (type === 'sms' && (recipient.endsWith('0000') || recipient.endsWith('5149301632')))
    return 'permanent-failure';
  return 'delivered';
}

export interface CallbackSettings {
  readonly url: string;
  readonly bearerToken: string;
  /** Waits between attempts; GC Notify retries a callback that fails. */
  readonly retryDelaysMs: readonly number[];
}

export interface CallbackAttempt {
  readonly notificationId: string;
  readonly status: NotifyStatus;
  /** The callback server's HTTP status, or `network` when it could not be reached. */
  readonly answer: number | 'network';
}

export interface DeliverySimulator {
  deliver(notification: StoredNotification): void;
  /** Resolves once every delivery and callback under way has finished. */
  settled(): Promise<void>;
  callbacks(): readonly CallbackAttempt[];
  close(): void;
}

/** Notify's timestamps: ISO 8601 in UTC with microseconds. */
export function notifyTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

/** created → sending → final status, each step after `delayMs`, then the delivery receipt to the callback URL. */
export function createDeliverySimulator(
  delayMs: number,
  callback: CallbackSettings | undefined,
  now: () => Date,
): DeliverySimulator {
  const tasks = new Set<Promise<void>>();
  const attempts: CallbackAttempt[] = [];
  const stop = new AbortController();

  async function run(notification: StoredNotification): Promise<void> {
    await wait(delayMs, undefined, { signal: stop.signal });
    notification.status = 'sending';
    notification.sentAt = notifyTimestamp(now());
    await wait(delayMs, undefined, { signal: stop.signal });
    notification.status = simulatedOutcome(notification.type, notification.to);
    notification.completedAt = notifyTimestamp(now());
    if (callback) await postReceipt(notification, callback, attempts, stop.signal);
  }

  return {
    deliver(notification) {
      const task = run(notification).catch(() => undefined);
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
    },
    async settled() {
      while (tasks.size > 0) await Promise.all([...tasks]);
    },
    callbacks: () => [...attempts],
    close: () => stop.abort(),
  };
}

async function postReceipt(
  notification: StoredNotification,
  callback: CallbackSettings,
  attempts: CallbackAttempt[],
  signal: AbortSignal,
): Promise<void> {
  const body = JSON.stringify(receipt(notification));
  for (let attempt = 0; ; attempt += 1) {
    const answer = await post(callback, body, signal);
    attempts.push({ notificationId: notification.id, status: notification.status, answer });
    const delay = callback.retryDelaysMs[attempt];
    if ((typeof answer === 'number' && answer < 300) || delay === undefined) return;
    await wait(delay, undefined, { signal });
  }
}

async function post(
  callback: CallbackSettings,
  body: string,
  signal: AbortSignal,
): Promise<number | 'network'> {
  try {
    const response = await fetch(callback.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.bearerToken}` },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'network';
  }
}

/** The callback body of callbacks.md: every value a string (or null). */
function receipt(notification: StoredNotification): Record<string, string | null> {
  return {
    id: notification.id,
    reference: notification.reference,
    to: notification.to,
    status: notification.status,
    created_at: notification.createdAt,
    completed_at: notification.completedAt,
    sent_at: notification.sentAt,
    notification_type: notification.type,
  };
}
