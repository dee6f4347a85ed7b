import type { Lang } from '../i18n/i18n.ts';

/** Statuses GC Notify reports (cds-snc/notification-documentation, status.md and callbacks.md). */
export const NOTIFY_STATUSES = [
  'created',
  'sending',
  'pending',
  'sent',
  'delivered',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
  'pending-virus-check',
  'virus-scan-failed',
] as const;
export type NotifyStatus = (typeof NOTIFY_STATUSES)[number];

/**
 * What to do next: `wait` for a final status, `none` once delivered, `resend` later (inbox full, phone off,
 * a fault between Notify and its provider), `paper` when the address or number does not work.
 */
export type NotifyNextStep = 'wait' | 'none' | 'resend' | 'paper';

export interface NotifyStatusMeaning {
  readonly final: boolean;
  readonly next: NotifyNextStep;
  /** GC Notify's status descriptions are English only; these are ours, in both languages. */
  readonly label: Readonly<Record<Lang, string>>;
}

const meaning = (final: boolean, next: NotifyNextStep, en: string, fr: string): NotifyStatusMeaning => ({
  final,
  next,
  label: { en, fr },
});

export const NOTIFY_STATUS_MEANINGS: Readonly<Record<NotifyStatus, NotifyStatusMeaning>> = {
  created: meaning(false, 'wait', 'Waiting to be sent', 'En attente d’envoi'),
  sending: meaning(false, 'wait', 'Being sent', 'En cours d’envoi'),
  pending: meaning(
    false,
    'wait',
    'Waiting for delivery confirmation',
    'En attente de confirmation de livraison',
  ),
  'pending-virus-check': meaning(
    false,
    'wait',
    'Attachment being checked',
    'Pièce jointe en cours de vérification',
  ),
  sent: meaning(true, 'none', 'Sent', 'Envoyé'),
  delivered: meaning(true, 'none', 'Delivered', 'Livré'),
  'permanent-failure': meaning(
    true,
    'paper',
    'Not delivered: the address or number does not work',
    'Non livré\u00a0: l’adresse ou le numéro ne fonctionne pas',
  ),
  'temporary-failure': meaning(
    true,
    'resend',
    'Not delivered for now: inbox full or phone off',
    'Non livré pour l’instant\u00a0: boîte pleine ou téléphone éteint',
  ),
  'technical-failure': meaning(
    true,
    'resend',
    'Not sent: technical problem',
    'Non envoyé\u00a0: problème technique',
  ),
  'virus-scan-failed': meaning(
    true,
    'none',
    'Not sent: attachment refused',
    'Non envoyé\u00a0: pièce jointe refusée',
  ),
};

export function isNotifyStatus(value: unknown): value is NotifyStatus {
  return typeof value === 'string' && (NOTIFY_STATUSES as readonly string[]).includes(value);
}
