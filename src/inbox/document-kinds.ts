/**
 * The kinds of document Guichet sends, and how long each is kept after it is sent. The periods are the demo
 * configuration of a departmental records retention schedule (the Library and Archives of Canada Act s. 12
 * makes the department set them); the Privacy Regulations s. 4(1)(a) floor of two years after last use holds
 * for every kind. A decision and what follows from it (payments, debts, reviews) is kept long enough to
 * answer a late review or a recovery: seven years.
 */
export const DOCUMENT_RETENTION_YEARS = {
  decision: 7,
  'information-request': 7,
  'payment-notice': 7,
  'payment-return': 7,
  debt: 7,
  redetermination: 7,
  review: 7,
  appeal: 7,
  'account-notice': 2,
  'linking-code': 2,
  reminder: 2,
} as const;

export type DocumentKind = keyof typeof DOCUMENT_RETENTION_YEARS;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_RETENTION_YEARS) as DocumentKind[];

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(DOCUMENT_RETENTION_YEARS, value);
}

/** The last day the document is kept: the same calendar day, `years` later (UTC). */
export function retainUntil(kind: DocumentKind, sentAt: Date): string {
  const until = new Date(sentAt.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + DOCUMENT_RETENTION_YEARS[kind]);
  return until.toISOString().slice(0, 10);
}
