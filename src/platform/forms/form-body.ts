import type { FastifyRequest } from 'fastify';
import type { FormValues } from './form-memory.ts';

/** A posted form's fields as sent (`_csrf` left out): strings, and lists where a name repeats (checkboxes). */
export function formValues(request: FastifyRequest): FormValues {
  const body = request.body;
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return out;
}

/** The single-valued fields only: what most parsers need. */
export function formStrings(request: FastifyRequest): Record<string, string> {
  return stringsOf(formValues(request));
}

export function stringsOf(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** A field that may repeat (checkboxes), as a list. */
export function listOf(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}
