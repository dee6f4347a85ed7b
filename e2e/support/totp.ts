import { totp } from '../../src/stand-ins/identity-providers/totp.ts';

const STEP_MS = 30_000;
// Typing the code, submitting and the provider's check take well under this on a loaded CI host.
const MARGIN_MS = 5_000;

/**
 * The current one-time code, as a person reads it off their authenticator: the providers accept the current
 * 30-second step only (ASVS 6.5.5), so a code read in the last seconds of a step would expire on its way, and a
 * person would wait for the next one. So does this.
 */
export async function freshTotp(secretBase32: string): Promise<string> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < MARGIN_MS) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return totp(secretBase32, new Date());
}
