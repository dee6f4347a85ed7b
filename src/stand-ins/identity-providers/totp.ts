import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits), the parameters every authenticator app supports. */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function decodeBase32(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Invalid base32 secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 §5.3 HOTP with dynamic truncation. */
export function hotp(secret: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', secret).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

export function totp(secretBase32: string, at: Date): string {
  return hotp(decodeBase32(secretBase32), totpStep(at));
}

/**
 * Returns the matching step, or null. Accepts the current step only (ASVS 6.5.5: a TOTP lives ≤ 30 s);
 * `notBeforeStep` makes each code single-use (ASVS 6.5.1).
 */
export function verifyTotp(secretBase32: string, code: string, at: Date, notBeforeStep = -1): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = totpStep(at);
  if (step <= notBeforeStep) return null;
  const expected = Buffer.from(hotp(decodeBase32(secretBase32), step));
  return timingSafeEqual(expected, Buffer.from(code)) ? step : null;
}
