import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface Institution {
  readonly number: string;
  readonly name_en: string;
  readonly name_fr: string;
}

const data = parse(readFileSync(new URL('./institutions.yaml', import.meta.url), 'utf8')) as {
  institutions: Record<string, { name_en: string; name_fr: string }>;
};

export const INSTITUTIONS: ReadonlyMap<string, Institution> = new Map(
  Object.entries(data.institutions).map(([number, names]) => [number, { number, ...names }]),
);

export function isKnownInstitution(number: string): boolean {
  return INSTITUTIONS.has(number);
}
