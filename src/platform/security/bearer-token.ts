import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The holder (an employer's payroll system, a partner agency) whose token the `Authorization: Bearer` header
 * carries, or null. Every holder is compared, in constant time over fixed-length digests, so neither the
 * timing nor the position of a match tells a caller anything about the tokens.
 */
export function bearerHolder<Holder extends { readonly token: string }>(
  authorization: string | undefined,
  holders: readonly Holder[],
): Holder | null {
  const given = digest(authorization ?? '');
  let found: Holder | null = null;
  for (const holder of holders) if (timingSafeEqual(given, digest(`Bearer ${holder.token}`))) found = holder;
  return found;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
