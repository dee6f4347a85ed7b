import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import en from '../../reasons.en.json' with { type: 'json' };
import fr from '../../reasons.fr.json' with { type: 'json' };

/** Every reason code written in the rules-B programmes (CPP, EI, social assistance) has EN and FR text. */

const FOLDERS = ['cpp', 'ei', 'social-assistance'];
/** Quoted codes, except trace rule names (the first argument of `ctx.step`). */
const CODE = /(?<!step\()'((?:cpp|ei|social-assistance|odsp|bc-ia|ab-is)\.[a-z0-9-]+)'/g;
/** Built at run time from the Alberta category. */
const BUILT = ['ab-is.etw', 'ab-is.bfe'];

function codesInSources(): string[] {
  const codes = new Set(BUILT);
  for (const folder of FOLDERS) {
    const dir = new URL(`../${folder}/`, import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const match of readFileSync(new URL(file, dir), 'utf8').matchAll(CODE)) codes.add(match[1] ?? '');
    }
  }
  return [...codes].filter((c) => !c.includes('/'));
}

describe('rules-B reason codes', () => {
  const codes = codesInSources();

  it('finds the codes (sanity)', () => assert.ok(codes.length > 25));

  for (const [lang, catalogue] of [
    ['en', en],
    ['fr', fr],
  ] as const) {
    it(`are all in reasons.${lang}.json`, () => {
      const texts: Record<string, string> = catalogue;
      assert.deepEqual(
        codes.filter((c) => typeof texts[c] !== 'string' || texts[c] === ''),
        [],
      );
    });
  }
});
