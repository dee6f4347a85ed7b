/**
 * True when `error` is PostgreSQL's unique_violation (SQLSTATE 23505) on the named constraint or unique index.
 * node-postgres and PGlite both carry the server's `code` and `constraint` fields on the error they throw.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && violated === constraint;
}
