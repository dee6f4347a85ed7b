import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.ts';

// C0 controls other than tab, line feed and carriage return, DEL and the C1 controls: nothing a person types.
// PostgreSQL refuses NUL in text outright; the others would reach letters, files and other systems.
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** A submission with a control character in some field: a client error (400), never one for the database. */
export class ControlCharactersError extends Error {
  readonly statusCode = 400;
  readonly code = 'GUICHET_CONTROL_CHARACTERS';
  constructor(readonly pointers: readonly string[]) {
    super('Control characters in submitted fields');
    this.name = 'ControlCharactersError';
  }
}

/** Whether any string, or property name, in the value holds a control character: allocates nothing. */
export function holdsControlCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasControlCharacter(value);
  if (!value || typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) return value.some((item) => holdsControlCharacter(item, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (hasControlCharacter(key) || holdsControlCharacter((value as Record<string, unknown>)[key], depth + 1))
      return true;
  }
  return false;
}

/** JSON pointers (RFC 6901) to every string, or property name, holding a control character. */
export function controlCharacterPointers(value: unknown, pointer = '', depth = 0): string[] {
  if (typeof value === 'string') return hasControlCharacter(value) ? [pointer] : [];
  if (!value || typeof value !== 'object' || depth > 32) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return hasControlCharacter(key) ? [child] : controlCharacterPointers(item, child, depth + 1);
  });
}

export function withoutControlCharacters(text: string): string {
  return [...text].filter((char) => !isControl(char.charCodeAt(0))).join('');
}

/**
 * Refuses, before any handler runs, a body or query with a control character in it: pages get the
 * bilingual 400 page (through the error handler), the API problem details naming each field. Registered
 * after the CSRF check, so a page only ever shows back what this site's own forms sent.
 */
export function registerControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    // The pointers are worked out only for the rare request that needs them (issue #12: building one per field
    // of every clean body cost 3 % of an evaluation's CPU).
    if (!holdsControlCharacter(request.body) && !holdsControlCharacter(request.query)) return;
    const pointers = [
      ...controlCharacterPointers(request.body),
      ...controlCharacterPointers(request.query, '?'),
    ];
    if (pointers.length === 0) return;
    if (!isApi(request)) throw new ControlCharactersError(pointers);
    const errors = pointers.map((pointer) => ({
      pointer,
      code: 'control-character',
      detail: 'must not contain control characters',
    }));
    return sendProblem(request, reply, 'validation', 400, { errors });
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}
