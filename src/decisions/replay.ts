import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import { assess } from './assess.ts';
import { openRecord } from './decision-record.ts';
import type { DecisionPolicy } from './programme-policy.ts';
import { policyFor } from './programme-policy.ts';
import * as repo from './decisions.repository.ts';
import { currentCommit, hashFile } from './rule-set.ts';
import { isoDateOf } from './dates.ts';

/** One decision replayed on today's code and parameters: the same to the cent, or what differs. */
export interface ReplayReport {
  readonly decisionId: string;
  readonly same: boolean;
  readonly differences: readonly string[];
  readonly recorded: {
    readonly status: string | null;
    readonly annualCents: number | null;
    readonly commit: string;
  };
  readonly replayed: {
    readonly status: string | null;
    readonly annualCents: number | null;
    readonly commit: string;
  };
}

/**
 * Re-evaluates the stored facts as of the stored date and compares: eligibility, every amount, the reasons,
 * and the hash of every parameter file read (a changed file is a difference even when the cents agree).
 */
export async function replayDecision(
  db: Kysely<DB>,
  cipher: FieldCipher,
  policy: DecisionPolicy,
  decisionId: string,
): Promise<ReplayReport | null> {
  const row = await repo.findDecision(db, decisionId);
  if (!row) return null;
  const kase = await repo.findCase(db, row.case_id);
  const programme = policyFor(policy, row.programme_id);
  if (!kase || !programme) return null;
  const record = openRecord(cipher, row.record_cipher);
  const again = assess(
    record.facts,
    kase.person_id,
    programme,
    isoDateOf(row.as_of),
    policy.fourEyesAboveCents,
  );
  const before = record.result;
  const after = again.result;
  const differences: string[] = [];
  const compare = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      differences.push(`${what}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  };
  compare('status', before?.status ?? null, after?.status ?? null);
  compare('annualCents', before?.annualCents ?? null, after?.annualCents ?? null);
  compare('periodCents', before?.periodCents ?? null, after?.periodCents ?? null);
  compare('reasons', before?.reasons ?? [], after?.reasons ?? []);
  const files = new Set([...Object.keys(record.parameterFiles), ...Object.keys(again.version.files)]);
  for (const file of [...files].sort()) {
    const was = record.parameterFiles[file];
    const now = again.version.files[file] ?? (was ? hashFile(file) : undefined);
    if (was !== now) differences.push(`parameter file ${file}: ${was ?? 'not read'} → ${now ?? 'not read'}`);
  }
  return {
    decisionId,
    same: differences.length === 0,
    differences,
    recorded: {
      status: before?.status ?? null,
      annualCents: before?.annualCents ?? null,
      commit: row.rules_commit,
    },
    replayed: {
      status: after?.status ?? null,
      annualCents: after?.annualCents ?? null,
      commit: currentCommit(),
    },
  };
}

export async function replaySince(
  db: Kysely<DB>,
  cipher: FieldCipher,
  policy: DecisionPolicy,
  since: string,
): Promise<ReplayReport[]> {
  const reports: ReplayReport[] = [];
  for (const { id } of await repo.decisionIdsSince(db, since)) {
    const report = await replayDecision(db, cipher, policy, id);
    if (report) reports.push(report);
  }
  return reports;
}
