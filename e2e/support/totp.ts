import type { Page } from 'playwright-core';
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

/**
 * Types the current one-time code and submits it. A code is accepted once (ASVS 6.5.5: no replay), so when the same
 * account signed in a moment ago within the same 30-second step the provider asks again, as it would a person, who
 * then types the next code. Tried at most three times.
 */
export async function enterCode(page: Page, secretBase32: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.fill('#code', await freshTotp(secretBase32));
    await page.click('button[type="submit"]');
    await page.waitForLoadState();
    if (!(await page.$('#code'))) return;
    await page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 250);
  }
}
