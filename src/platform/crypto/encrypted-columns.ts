/**
 * Where Protected B ciphertext lives. Each module declares its encrypted columns (`<module>EncryptedColumns`
 * in its index.ts) and the root registers them here, so `guichet keys rotate` re-encrypts every one of them
 * and a new module joins by declaring its own.
 */
export interface EncryptedColumn {
  readonly table: string;
  /** A text column holding `v1.<keyId>.<payload>` (or null). */
  readonly column: string;
  /** The primary key, in order: batches walk the table by it. */
  readonly key: readonly string[];
}

export interface RegisteredColumn extends EncryptedColumn {
  /** The module that owns the table. */
  readonly owner: string;
}

export interface EncryptedColumnRegistry {
  register(owner: string, columns: readonly EncryptedColumn[]): EncryptedColumnRegistry;
  list(): readonly RegisteredColumn[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function createEncryptedColumnRegistry(): EncryptedColumnRegistry {
  const columns = new Map<string, RegisteredColumn>();
  const registry: EncryptedColumnRegistry = {
    register(owner, declared) {
      for (const column of declared) {
        const names = [column.table, column.column, ...column.key];
        if (column.key.length === 0 || !names.every((name) => IDENTIFIER.test(name)))
          throw new Error(
            `Encrypted column ${column.table}.${column.column} is not a plain identifier with a key`,
          );
        const id = `${column.table}.${column.column}`;
        if (columns.has(id)) throw new Error(`Encrypted column ${id} is registered twice`);
        columns.set(id, { ...column, owner });
      }
      return registry;
    },
    list: () => [...columns.values()],
  };
  return registry;
}

/** The platform's own: what a refused form kept (ADR 0008). */
export const platformEncryptedColumns: readonly EncryptedColumn[] = [
  { table: 'platform_form_memory', column: 'payload_ciphertext', key: ['owner', 'form_id'] },
];
