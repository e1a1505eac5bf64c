// Steps that many tests share, done the way a member does them: through the pages, with the
// Japanese labels the browser shows (the contexts run in locale ja-JP).
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { uniqueEmail } from './accounts.ts';
import { extractLink, mailboxKey, waitForMail } from './mail.ts';

export const CONFIRM_SUBJECT = '【よろず】メールアドレスの確認をお願いします';

export interface Member {
  email: string;
  password: string;
  displayName: string;
}

/** A fresh member's details (not yet registered). */
export function newMember(prefix = 'member'): Member {
  const tag = Math.random().toString(36).slice(2, 7);
  return { email: uniqueEmail(prefix), password: `pw-${tag}-Yorozu2026`, displayName: `テスト${tag}` };
}

/** The site header's main navigation. */
export function header(page: Page): Locator {
  return page.getByRole('navigation', { name: 'メインメニュー' });
}

/** The flash message shown after a redirect (「ログインしました。」 and the like). */
export function flash(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** Fills and sends the sign-up form; the caller checks what follows. */
export async function submitSignUp(page: Page, m: Partial<Member>): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('メールアドレス', { exact: true }).fill(m.email ?? '');
  await page.getByLabel('表示名（ニックネーム）').fill(m.displayName ?? '');
  await page.getByLabel('パスワード', { exact: true }).fill(m.password ?? '');
  await page.getByRole('button', { name: '同意して登録する' }).click();
}

/** Signs up and waits until the member is signed in (the header offers ログアウト). */
export async function signUp(page: Page, m: Member): Promise<void> {
  await submitSignUp(page, m);
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

/**
 * Opens the captured mail to `to` whose subject contains `subject` in the browser's mailbox
 * page and returns the text of its body.
 */
export async function openMailInMailbox(page: Page, to: string, subject: string): Promise<string> {
  // The job worker sends mail asynchronously: wait until it is there before opening the page.
  await waitForMail(page.request, to, subject);
  // The link printed at start, with the key; it is then kept in a cookie for the mails listed.
  await page.goto(`/mailbox?key=${encodeURIComponent(mailboxKey())}`);
  await page.getByRole('link').filter({ hasText: to }).filter({ hasText: subject }).first().click();
  const mail = page.getByRole('article');
  await expect(mail.getByRole('heading', { name: subject })).toBeVisible();
  return (await mail.locator('pre.mail-body').innerText()).trim();
}

/** Opens the confirmation mail in /mailbox and follows its link. */
export async function confirmEmailViaMailbox(page: Page, email: string): Promise<void> {
  const body = await openMailInMailbox(page, email, CONFIRM_SUBJECT);
  await page.goto(extractLink(body, '/account/confirm?token='));
}

/** Signs in through /login and waits for the signed-in header. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

/** Signs out with the header button and waits until the header offers ログイン again. */
export async function signOut(page: Page): Promise<void> {
  await header(page).getByRole('button', { name: 'ログアウト' }).click();
  await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
}

/** The signed-in member's id, read from the header's マイページ link (/users/{id}). */
export async function myUserId(page: Page): Promise<string> {
  const href = await header(page).getByRole('link', { name: 'マイページ' }).getAttribute('href');
  const id = href?.match(/^\/users\/(\d+)$/)?.[1];
  if (!id) throw new Error(`unexpected マイページ link: ${href}`);
  return id;
}

/** Registers a member and confirms the e-mail address; the page stays signed in. */
export async function registerConfirmedMember(page: Page, prefix = 'member'): Promise<Member & { id: string }> {
  const m = newMember(prefix);
  await signUp(page, m);
  await confirmEmailViaMailbox(page, m.email);
  await expect(flash(page, 'メールアドレスの確認が完了しました。')).toBeVisible();
  return { ...m, id: await myUserId(page) };
}

/** A new browser context (own cookies) with a page, for a second person in the same test. */
export async function newPersonPage(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  return { context, page };
}
