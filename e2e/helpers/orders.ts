// Orders (取引) the way buyers and sellers use them: through the pages, with the Japanese labels
// of crates/i18n/locales/ja/orders.ftl. Each helper acts on the page it is given and waits for
// the outcome (the notice after a redirect), so a test reads as a sequence of steps.
import { expect, type Locator, type Page } from '@playwright/test';
import { flash } from './flows.ts';

/** The sandbox's card that always succeeds, as a member types it. */
export const TEST_CARD = '4242 4242 4242 4242';

/** An expiry three years ahead, in the form the card settings page takes (MM/YY). */
export function cardExpiry(): string {
  return `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;
}

/** Registers a card on /settings/cards (the page's member must be signed in). */
export async function registerCard(page: Page, number = TEST_CARD): Promise<void> {
  await page.goto('/settings/cards');
  await page.getByLabel('カード番号', { exact: true }).fill(number);
  await page.getByLabel('有効期限（月/年）').fill(cardExpiry());
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByRole('button', { name: 'カードを登録する' }).click();
  await expect(flash(page, 'カードを登録しました。')).toBeVisible();
}

/**
 * Opens the service page, ticks the named options in its buy form and goes on to the final
 * confirmation screen.
 */
export async function startPurchase(page: Page, serviceId: string, options: string[] = []): Promise<void> {
  await page.goto(`/services/${serviceId}`);
  const box = page.locator('.purchase-box');
  for (const option of options) await box.getByRole('checkbox', { name: new RegExp(`^${option}`) }).check();
  await box.getByRole('button', { name: '購入手続きへ' }).click();
  await expect(page).toHaveURL(/\/orders\/new\?/);
  await expect(page.getByRole('heading', { level: 1, name: 'ご注文内容の確認' })).toBeVisible();
}

/** The breakdown table of the confirmation screen. */
export function breakdown(page: Page): Locator {
  return page.getByRole('region', { name: 'お支払い金額の内訳' });
}

/** One line of the breakdown, by the start of its label (「クーポン割引」, 「お支払い金額（税込）」). */
export function breakdownLine(page: Page, label: string): Locator {
  return breakdown(page).getByRole('row').filter({ hasText: label });
}

/** On the confirmation screen: enters a coupon code and recalculates. */
export async function applyCoupon(page: Page, code: string): Promise<void> {
  await page.getByLabel('クーポンコード').fill(code);
  await page.getByRole('button', { name: '再計算する' }).click();
  await expect(page.getByLabel('クーポンコード')).toHaveValue(code);
}

/** On the confirmation screen: places the order and returns its id (the order page is open). */
export async function placeOrder(page: Page, request?: string): Promise<string> {
  if (request !== undefined) await page.getByLabel('ご要望・ご依頼内容（任意）').fill(request);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  await expect(flash(page, 'ご注文を受け付けました。')).toBeVisible();
  return page.url().match(/\/orders\/(\d+)$/)![1];
}

/** Opens an order's page. */
export async function openOrder(page: Page, orderId: string): Promise<void> {
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'トークルーム', exact: true })).toBeVisible();
}

/** The line 「状態: …」 of the order page's header. */
export function orderState(page: Page, label: string): Locator {
  return page.getByText(`状態: ${label}`, { exact: true });
}

/** The talk room's entries. */
export function talk(page: Page): Locator {
  return page.getByRole('region', { name: 'トークルーム' }).getByRole('listitem');
}

/** The talk-room entry that contains `text`. */
export function talkEntry(page: Page, text: string): Locator {
  return talk(page).filter({ hasText: text });
}

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A small text file to attach. */
export function textFile(name: string, text: string): FileSpec {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') };
}

/** Sends a talk-room message, optionally with files. */
export async function sendMessage(page: Page, text: string, files: FileSpec[] = []): Promise<void> {
  const room = page.getByRole('region', { name: 'トークルーム' });
  await room.getByLabel('メッセージ', { exact: true }).fill(text);
  if (files.length > 0) await room.getByLabel('添付ファイル（任意）').setInputFiles(files);
  await room.getByRole('button', { name: '送信する' }).click();
  await expect(flash(page, 'メッセージを送信しました。')).toBeVisible();
  await expect(talkEntry(page, text)).toBeVisible();
}

/** The seller makes a formal delivery with a note and files. */
export async function deliver(page: Page, note: string, files: FileSpec[] = []): Promise<void> {
  const section = page.getByRole('region', { name: '正式な納品' });
  await section.getByLabel('納品メッセージ').fill(note);
  if (files.length > 0) await section.getByLabel('納品ファイル（任意）').setInputFiles(files);
  await section.getByRole('button', { name: '正式に納品する' }).click();
  await expect(flash(page, '正式に納品しました。')).toBeVisible();
}

/** The buyer sends the pending delivery back with a reason. */
export async function sendBack(page: Page, reason: string): Promise<void> {
  const section = page.getByRole('region', { name: '納品内容の確認' });
  await section.getByLabel('差し戻しの理由').fill(reason);
  await section.getByRole('button', { name: '差し戻す', exact: true }).click();
  await expect(flash(page, '納品を差し戻しました。')).toBeVisible();
}

/** The buyer approves the pending delivery. */
export async function approve(page: Page): Promise<void> {
  await page.getByRole('button', { name: '承認して取引を完了する' }).click();
  await expect(flash(page, '納品を承認しました。取引は完了です。')).toBeVisible();
}

/** Writes this side's review of a completed order (rating 1–5). */
export async function writeReview(page: Page, rating: 1 | 2 | 3 | 4 | 5, comment: string, opts: { anonymous?: boolean } = {}): Promise<void> {
  const form = page.getByRole('region', { name: /を評価する$/ });
  await form.getByRole('radio', { name: new RegExp(`^${rating}（`) }).check();
  await form.getByLabel('コメント').fill(comment);
  if (opts.anonymous) await form.getByLabel('匿名で公開する').check();
  await form.getByRole('button', { name: '評価を送信する' }).click();
  await expect(flash(page, '評価を送信しました。')).toBeVisible();
}

/** Asks to cancel the order with a reason. */
export async function requestCancellation(page: Page, reason: string): Promise<void> {
  const section = page.getByRole('region', { name: 'キャンセル', exact: true });
  await section.locator('summary').click();
  await section.getByLabel('キャンセルの理由').fill(reason);
  await section.getByRole('button', { name: 'キャンセルを申請する' }).click();
  await expect(flash(page, 'キャンセルを申請しました。')).toBeVisible();
}

/** Answers the other side's cancellation request. */
export async function answerCancellation(page: Page, decision: 'agree' | 'object', text = ''): Promise<void> {
  const section = page.getByRole('region', { name: 'キャンセル申請' });
  if (text) await section.getByLabel(/^回答/).fill(text);
  if (decision === 'agree') {
    await section.getByRole('button', { name: 'キャンセルに同意する' }).click();
    await expect(flash(page, 'キャンセルに同意しました。')).toBeVisible();
  } else {
    await section.getByRole('button', { name: '異議を伝える' }).click();
    await expect(flash(page, 'キャンセル申請に異議を伝えました。')).toBeVisible();
  }
}
