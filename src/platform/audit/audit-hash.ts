import { createHash } from 'node:crypto';

/** The fields a hash covers, in a fixed order. */
export interface HashedFields {
  seq: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  actorAgencyId: string | null;
  subjectPersonId: string | null;
  action: string;
  purpose: string;
  channel: string;
  outcome: string;
  correlationId: string;
  details: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, fields: HashedFields): string {
  const payload = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}
