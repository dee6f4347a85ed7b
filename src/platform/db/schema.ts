import type { Generated, Kysely, Transaction } from 'kysely';
import type { AuditTables } from '../audit/audit.tables.ts';

/**
 * The whole database as Kysely sees it. The platform declares its own tables here; each module adds its
 * tables from its `<module>.tables.ts` by declaration merging, so the platform never imports a module:
 *
 *   declare module '../platform/db/schema.ts' {
 *     interface DB extends PersonTables {}
 *   }
 */
export interface DB extends PlatformTables, AuditTables {}

export interface PlatformTables {
  schema_migrations: { name: string; applied_at: Generated<Date> };
  platform_form_memory: FormMemoryTable;
  platform_rate_limit: RateLimitTable;
}

/** Requests reserved by Guichet's processes for one client key in one fixed window (rate-limit-store.ts). */
export interface RateLimitTable {
  key: string;
  window_start: Date;
  reserved: number;
  last_grant: number;
}

/** What a refused form submission kept for the person to correct (see src/platform/forms/form-memory.ts). */
export interface FormMemoryTable {
  owner: string;
  form_id: string;
  payload_ciphertext: string;
  expires_at: Date;
}

/** What repositories take: the database, or a transaction a service opened on it. */
export type DbExecutor = Kysely<DB> | Transaction<DB>;
