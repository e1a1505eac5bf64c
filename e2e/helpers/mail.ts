// Reading the mail the server captured (no SMTP server in e2e: the server stores outgoing mail
// in its database and lists it at /mailbox and /mailbox.json, newest first).
import type { APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The key that opens the e2e server's mailbox (global-setup.ts gives the server a fresh one,
 * as YOROZU_MAILBOX_KEY; without it /mailbox answers 403).
 */
export function mailboxKey(): string {
  const key = process.env.YOROZU_E2E_MAILBOX_KEY ?? readFileSync(join(here, '..', '.run', 'mailbox-key'), 'utf8').trim();
  if (!key) throw new Error('no mailbox key: run the tests through global-setup.ts');
  return key;
}

export interface CapturedMail {
  id: number;
  to: string;
  subject: string;
  body_text: string;
  /** Extra header lines as stored by the server (e.g. List-Unsubscribe), if any. */
  headers?: string;
  /** Milliseconds or seconds since the epoch, as the server stores it. */
  sent_at: number;
}

/** All captured mail, newest first (from the server at `base`, by default the e2e server). */
export async function listMail(request: APIRequestContext, base = ''): Promise<CapturedMail[]> {
  const res = await request.get(`${base}/mailbox.json?key=${encodeURIComponent(mailboxKey())}`, {
    headers: { Accept: 'application/json' },
  });
  if (res.status() !== 200) {
    throw new Error(`GET /mailbox.json returned ${res.status()}: ${(await res.text()).slice(0, 500)}`);
  }
  return (await res.json()) as CapturedMail[];
}

/**
 * Polls /mailbox.json until a mail to `to` (case-insensitive) whose subject contains
 * `subjectIncludes` arrives, and returns the newest such mail. Mail is sent by the job worker,
 * so it can take a moment (the e2e server polls jobs every 100 ms).
 */
export async function waitForMail(
  request: APIRequestContext,
  to: string,
  subjectIncludes: string,
  timeoutMs = 15_000,
): Promise<CapturedMail> {
  const want = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  let seen: CapturedMail[] = [];
  for (;;) {
    seen = await listMail(request);
    const hit = seen.find((m) => m.to.toLowerCase().includes(want) && m.subject.includes(subjectIncludes));
    if (hit) return hit;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const summary = seen
    .slice(0, 10)
    .map((m) => `  - to=${m.to} subject=${JSON.stringify(m.subject)} sent_at=${m.sent_at}`)
    .join('\n');
  throw new Error(
    `no mail to ${to} with subject containing ${JSON.stringify(subjectIncludes)} within ${timeoutMs} ms; ` +
      `newest captured mail:\n${summary || '  (none)'}`,
  );
}

/**
 * The first URL in `body` that contains `pathPrefix` (e.g. '/verify-email/' or '/reset-password?').
 * Trailing punctuation that commonly follows a URL in prose (.,)」』 etc.) is dropped.
 * Throws if there is none, showing the body.
 */
export function extractLink(body: string, pathPrefix: string): string {
  const urls = body.match(/https?:\/\/[^\s<>"'「」『』（）]+/g) ?? [];
  for (const raw of urls) {
    const url = raw.replace(/[.,;:!?)\]}、。]+$/u, '');
    if (url.includes(pathPrefix)) return url;
  }
  throw new Error(`no URL containing ${JSON.stringify(pathPrefix)} in mail body:\n${body}`);
}
