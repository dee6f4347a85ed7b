import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import type { ProgrammeResult } from '../rules/index.ts';

/** The rules' dated parameter files (read as bytes, to hash them; the rules engine reads them itself). */
const PARAMETERS_DIR = new URL('../rules/parameters/', import.meta.url);

/** Which rule set a result came from: the code's commit, and the hash of every parameter file it read. */
export interface RuleSetVersion {
  readonly commit: string;
  /** sha-256 of each parameter file read, by its path under src/rules/parameters. */
  readonly files: Readonly<Record<string, string>>;
  /** One hash over the sorted `path=hash` lines: equal when every file read is byte for byte the same. */
  readonly hash: string;
}

let commitCache: string | undefined;

/** The commit the code runs from; `unknown` outside a git checkout (a container image built without .git). */
export function currentCommit(): string {
  if (commitCache === undefined) {
    try {
      commitCache = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: new URL('.', import.meta.url),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      commitCache = 'unknown';
    }
  }
  return commitCache;
}

/** The parameter files a result's trace says were read. */
export function parameterFilesOf(result: ProgrammeResult): string[] {
  const files = new Set<string>();
  for (const step of result.trace) for (const use of step.parameters ?? []) files.add(use.file);
  return [...files].sort();
}

/** Hashes by path, kept while the file's size and modification time stay the same (a stat, not a read). */
const hashes = new Map<string, { readonly stamp: string; readonly hash: string }>();

export function hashFile(file: string, dir: URL = PARAMETERS_DIR): string {
  const url = new URL(file, dir);
  try {
    const stat = statSync(url);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const known = hashes.get(url.href);
    if (known?.stamp === stamp) return known.hash;
    const hash = createHash('sha256').update(readFileSync(url)).digest('hex');
    hashes.set(url.href, { stamp, hash });
    return hash;
  } catch {
    return 'missing';
  }
}

export function ruleSetVersion(result: ProgrammeResult, dir: URL = PARAMETERS_DIR): RuleSetVersion {
  const files = Object.fromEntries(parameterFilesOf(result).map((file) => [file, hashFile(file, dir)]));
  return { commit: currentCommit(), files, hash: hashOfFiles(files) };
}

export function hashOfFiles(files: Readonly<Record<string, string>>): string {
  const lines = Object.keys(files)
    .sort()
    .map((file) => `${file}=${files[file] ?? ''}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * `ruleSetVersion` for a batch: every file hashed (stat-checked) once for the batch's life, and the version of
 * each set of files read built once. A batch is thereby decided on one rule set, as it should be.
 */
export function batchRuleSetVersion(dir: URL = PARAMETERS_DIR): (result: ProgrammeResult) => RuleSetVersion {
  const fileHashes = new Map<string, string>();
  const versions = new Map<string, RuleSetVersion>();
  return (result) => {
    const read = parameterFilesOf(result);
    const key = read.join('\n');
    let version = versions.get(key);
    if (!version) {
      const files = Object.fromEntries(
        read.map((file) => {
          let hash = fileHashes.get(file);
          if (hash === undefined) fileHashes.set(file, (hash = hashFile(file, dir)));
          return [file, hash];
        }),
      );
      version = { commit: currentCommit(), files, hash: hashOfFiles(files) };
      versions.set(key, version);
    }
    return version;
  };
}

/**
 * The rule set this process decides on. The rules engine reads each parameter file once, at first use, and keeps
 * it for the life of the process (`ParameterStore`), so each file is hashed once too, at the first decision that
 * reads it: the hash recorded is that of the file the engine used, even if the file on disk changes later (a
 * stat on every decision cost each submission a system call per file and could record a file never read).
 */
export const processRuleSetVersion = batchRuleSetVersion();
