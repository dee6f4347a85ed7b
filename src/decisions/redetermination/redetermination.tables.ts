import type { ColumnType, Generated } from 'kysely';

/** The July redetermination's run per benefit year (migration 0480, ADR 0024). */
export interface RedeterminationRunTable {
  benefit_year: number;
  status: Generated<'running' | 'done'>;
  resume_after: string | null;
  persons_total: Generated<number>;
  persons_done: Generated<number>;
  changed: Generated<number>;
  unchanged: Generated<number>;
  needs_review: Generated<number>;
  started_at: Generated<Date>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A person's July letter, written with their new schedule and delivered after (migration 0860). */
export interface RedeterminationLetterTable {
  benefit_year: number;
  person_id: string;
  changes: ColumnType<unknown, string, string>;
  review: boolean;
  sent_at: Date | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    redetermination_run: RedeterminationRunTable;
    redetermination_letter: RedeterminationLetterTable;
  }
}
