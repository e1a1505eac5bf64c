// Two-step sign-in (二段階認証) in the browser: codes computed from the secret shown on the
// set-up page (RFC 6238 with node:crypto, as an authenticator app does), and the
// re-authentication that sensitive pages (bank account, payout request) ask for.
import { createHmac } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

/** Base32 (RFC 4648) to bytes. */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** The six-digit TOTP code (HMAC-SHA-1, 30-second steps) of `secret` at `unixSeconds`. */
export function totp(secret: string, unixSeconds = Date.now() / 1000): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[19] & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return (value % 1_000_000).toString().padStart(6, '0');
}

/** A code from a later 30-second step than any used before (the server takes each step once
 *  and accepts one step either side of its clock, so this waits at most one step). */
export async function freshCode(secret: string, used: { step: number }): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max(now, used.step + 1);
    if (step <= now + 1) {
      used.step = step;
      return totp(secret, step * 30);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** On a page that asks for re-authentication: follows the link and confirms with the password
 *  (and a code when given), back on the page that asked. */
export async function reauthenticate(page: Page, password: string, code?: string): Promise<void> {
  await page.getByRole('link', { name: '本人確認をして続ける' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本人確認' })).toBeVisible();
  await page.getByLabel('現在のパスワード').fill(password);
  if (code !== undefined) await page.getByLabel('確認コード').fill(code);
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本人確認' })).toHaveCount(0);
}
