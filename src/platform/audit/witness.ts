import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseTreeHead } from './tree-head.ts';
import type { SignedTreeHead } from './tree-head.ts';

/**
 * The witness copy: every signed tree head, one JSON object per line, appended after the head commits. It lives
 * outside the database, so whoever can rewrite the database cannot take back a head the log once showed.
 */
export interface WitnessCopy {
  heads: SignedTreeHead[];
  /** Line numbers (from 1) that are not a tree head. */
  unreadableLines: number[];
}

export async function appendToWitness(path: string, heads: readonly SignedTreeHead[]): Promise<void> {
  if (heads.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, heads.map((head) => `${JSON.stringify(head)}\n`).join(''), { mode: 0o644 });
}

/** The whole copy, or null when the file does not exist. */
export async function readWitness(path: string): Promise<WitnessCopy | null> {
  const text = await readIfExists(path);
  if (text === null) return null;
  const copy: WitnessCopy = { heads: [], unreadableLines: [] };
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const head = parseLine(line);
    if (head) copy.heads.push(head);
    else copy.unreadableLines.push(i + 1);
  });
  return copy;
}

// A head is about 250 bytes; the last one is within this many bytes of the end.
const TAIL_BYTES = 4096;

/** The size of the last head in the copy (0 when there is none), read from the end of the file only. */
export async function lastWitnessedSize(path: string): Promise<number> {
  const file = await open(path, 'r').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  if (!file) return 0;
  try {
    const { size } = await file.stat();
    const length = Math.min(size, TAIL_BYTES);
    const { buffer } = await file.read(Buffer.alloc(length), 0, length, size - length);
    const lines = buffer.toString('utf8').trimEnd().split('\n');
    return parseLine(lines.at(-1) ?? '')?.treeSize ?? 0;
  } finally {
    await file.close();
  }
}

function parseLine(line: string): SignedTreeHead | null {
  try {
    return parseTreeHead(JSON.parse(line));
  } catch {
    return null;
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
