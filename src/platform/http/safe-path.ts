/** A path on this site only (`/en/…` or `/fr/…`), never an open redirect (ASVS 5.1.5). */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' &&
    /^\/(en|fr)(\/[\w\-./%?=&]*)?$/.test(value) &&
    !value.includes('//') &&
    value.length < 500
    ? value
    : null;
}
