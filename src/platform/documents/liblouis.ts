import { spawn, spawnSync } from 'node:child_process';
import type { Lang } from '../i18n/i18n.ts';

/**
 * liblouis tables per language: Unified English Braille grade 2 (Canada adopted UEB in 2010) and French
 * unified braille (BFU) grade 2, which Canadian French braille follows; liblouis 3.24 ships no separate
 * Canadian French table.
 */
export const BRAILLE_TABLES: Readonly<Record<Lang, string>> = { en: 'en-ueb-g2.ctb', fr: 'fr-bfu-g2.ctb' };

/** North American ASCII braille, the character set of braille-ready files (BRF). */
const BRF_DISPLAY_TABLE = 'en-us-brf.dis';
const TRANSLATE_COMMAND = 'lou_translate';
const TIMEOUT_MS = 20_000;

export class BrailleTranslatorMissingError extends Error {
  constructor(command: string) {
    super(
      `${command} was not found: braille needs liblouis (Debian packages liblouis-bin and liblouis-data)`,
    );
    this.name = 'BrailleTranslatorMissingError';
  }
}

export interface TranslateOptions {
  /** The liblouis command line tool; another name only in tests. */
  readonly command?: string;
}

/**
 * Translates each line to contracted braille in North American ASCII braille, one output line per input
 * line, with liblouis's own `lou_translate`. Non-breaking spaces stay non-breaking (liblouis passes them
 * through) so the page layout can keep "15 October" or "1 234,56 $" together.
 */
export async function translateToBraille(
  lines: readonly string[],
  lang: Lang,
  { command = TRANSLATE_COMMAND }: TranslateOptions = {},
): Promise<string[]> {
  const input = lines.map((line) => line.replace(/[\r\n\f\t\v]+/g, ' ').replace(/\u202f/g, '\u00a0'));
  const output = await run(command, ['--forward', `${BRF_DISPLAY_TABLE},${BRAILLE_TABLES[lang]}`], input);
  const translated = output.split('\n').slice(0, input.length);
  if (translated.length !== input.length) {
    throw new Error(`${command} returned ${translated.length} lines for ${input.length}`);
  }
  return translated.map((line) => line.trimEnd());
}

/** Whether liblouis is installed here (tests skip, saying so, where it is not). */
export function isBrailleTranslatorInstalled(command = TRANSLATE_COMMAND): boolean {
  return !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;
}

function run(command: string, args: readonly string[], lines: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new BrailleTranslatorMissingError(command) : error),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`${command} failed (${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`));
    });
    child.stdin.on('error', () => undefined); // the process's own exit or error is what we report
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}
