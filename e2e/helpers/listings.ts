// Services (出品) as a seller makes them and a buyer finds them: through the pages, with the
// Japanese labels of crates/i18n/locales/ja/{listings,discovery}.ftl. For tests that need many
// services (pagination), `apiCreatePublished` uses the JSON API with a token the member made on
// /settings/tokens, so the browser only does what the test is about.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { flash } from './flows.ts';
import { pngFile } from './png.ts';

/**
 * A word no other test (or earlier run on the same data dir) uses: lower-case ASCII, so it
 * survives search normalisation unchanged and a search for it finds only this test's services.
 */
export function uniqueMarker(prefix = 'mk'): string {
  const letters = 'abcdefghijkmnpqrstuvwxyz';
  let s = prefix;
  for (let i = 0; i < 8; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return s;
}

/** ASCII text as full-width characters, upper-cased (「ＭＫＡＢＣ」), as some IMEs type it. */
export function fullWidthUpper(ascii: string): string {
  return [...ascii.toUpperCase()].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
}

export interface ServiceInput {
  title: string;
  /** A leaf category's label in the form's select, e.g. 「名刺作成」. */
  category: string;
  description: string;
  /** As typed into the price field (「3500」, 「３，５００」, 「499」...). */
  price: string;
  deliveryDays: string;
  /** The label of a choice: 「2回」, 「無制限」. */
  revisions: string;
  buyerNotes?: string;
  options?: { title: string; price: string }[];
  faq?: { question: string; answer: string }[];
}

/** Reasonable defaults for a business-card service titled `title`. */
export function meishiService(title: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    title,
    category: '名刺作成',
    description: 'シンプルで読みやすい名刺をデザインします。\n\n両面・片面どちらにも対応します。印刷用のPDFで納品します。',
    price: '3500',
    deliveryDays: '5',
    revisions: '2回',
    ...overrides,
  };
}

/** The section of the listing form titled 「サービスの内容」. */
export function contentSection(page: Page): Locator {
  return page.getByRole('region', { name: 'サービスの内容' });
}

/** The 「公開状態」 card of the edit page. */
export function statusCard(page: Page): Locator {
  return page.getByRole('region', { name: '公開状態' });
}

/** Fills the listing form (on /listings/new or /listings/{id}/edit) without sending it. */
export async function fillListingForm(page: Page, s: ServiceInput): Promise<void> {
  await page.getByLabel('タイトル', { exact: true }).fill(s.title);
  await page.getByLabel('カテゴリ', { exact: true }).selectOption({ label: s.category });
  await page.getByLabel('サービス内容', { exact: true }).fill(s.description);
  await page.getByLabel('価格', { exact: true }).fill(s.price);
  await page.getByLabel('お届け日数', { exact: true }).fill(s.deliveryDays);
  await page.getByLabel('修正回数', { exact: true }).selectOption({ label: s.revisions });
  if (s.buyerNotes !== undefined) await page.getByLabel('購入にあたってのお願い（任意）').fill(s.buyerNotes);
  for (const [i, o] of (s.options ?? []).entries()) {
    await page.getByLabel(`オプション${i + 1}の名前`).fill(o.title);
    await page.getByLabel(`オプション${i + 1}の価格（円）`).fill(o.price);
  }
  for (const [i, f] of (s.faq ?? []).entries()) {
    await page.getByLabel(`質問${i + 1}`, { exact: true }).fill(f.question);
    await page.getByLabel(`回答${i + 1}`, { exact: true }).fill(f.answer);
  }
}

/** Opens /listings/new, fills it in, saves the draft and returns its id (the edit page stays open). */
export async function createDraft(page: Page, s: ServiceInput): Promise<string> {
  await page.goto('/listings/new');
  await expect(page.getByRole('heading', { name: '新しいサービスを出品する', level: 1 })).toBeVisible();
  await fillListingForm(page, s);
  await page.getByRole('button', { name: '下書きとして保存する' }).click();
  await expect(page).toHaveURL(/\/listings\/\d+\/edit$/);
  await expect(flash(page, '下書きを保存しました。')).toBeVisible();
  await expect(statusCard(page)).toContainText('下書き');
  return page.url().match(/\/listings\/(\d+)\/edit$/)![1];
}

/** On the edit page: uploads a generated PNG and waits until its thumbnail has loaded. */
export async function uploadImage(page: Page, name = 'sample.png', width = 400, height = 300): Promise<void> {
  const images = page.getByRole('region', { name: '画像', exact: true });
  const before = await images.getByRole('img').count();
  await images.getByLabel('追加する画像').setInputFiles(pngFile(name, width, height));
  await images.getByRole('button', { name: '画像を追加する' }).click();
  await expect(flash(page, '画像を追加しました。')).toBeVisible();
  const thumb = page.getByRole('region', { name: '画像', exact: true }).getByRole('img', { name: `画像${before + 1}`, exact: true });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

/** On the edit page: presses a status button of the 公開状態 card and waits for its flash. */
export async function changeStatus(page: Page, button: '公開する' | '出品を停止する' | '再開する', flashText: string, badge: string): Promise<void> {
  await statusCard(page).getByRole('button', { name: button, exact: true }).click();
  await expect(flash(page, flashText)).toBeVisible();
  await expect(statusCard(page)).toContainText(badge);
}

export async function publish(page: Page): Promise<void> {
  await changeStatus(page, '公開する', 'サービスを公開しました。', '公開中');
}

/** Creates a draft, optionally adds an image, publishes it; returns the id. */
export async function createPublished(page: Page, s: ServiceInput, opts: { image?: boolean } = {}): Promise<string> {
  const id = await createDraft(page, s);
  if (opts.image) await uploadImage(page);
  await publish(page);
  return id;
}

/** The search results section (search and category pages). */
export function results(page: Page): Locator {
  return page.getByRole('region', { name: /^検索結果/ });
}

/** The title links of the result cards, in page order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return results(page).getByRole('article').getByRole('heading').allInnerTexts();
}

/** A result card's title link. */
export function resultLink(page: Page, title: string): Locator {
  return results(page).getByRole('link', { name: title, exact: true });
}

/** Searches with the header's search box (on whatever page is open). */
export async function headerSearch(page: Page, q: string): Promise<void> {
  const box = page.getByRole('search');
  await box.getByLabel('サービスを検索').fill(q);
  await box.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`「${q.trim()}」の検索結果`);
}

/**
 * Makes a full-access API token on /settings/tokens (the page's member must be signed in, with
 * a confirmed address, and `password` must be theirs).
 */
export async function makeApiToken(page: Page, password: string, name = 'e2e出品'): Promise<string> {
  await page.goto('/settings/tokens');
  await page.getByLabel('トークンの名前').fill(name);
  await page.getByLabel('すべての操作（出品や取引の操作もできます）').check();
  await page.getByLabel('現在のパスワード').fill(password);
  await page.getByRole('button', { name: 'トークンを作成する' }).click();
  return page.getByLabel(`「${name}」のトークン`).inputValue();
}

/** The id (a string) of a leaf category, read from the listing form's select. */
export async function categoryValue(page: Page, label: string): Promise<string> {
  await page.goto('/listings/new');
  const value = await page.getByLabel('カテゴリ', { exact: true }).locator('option', { hasText: label }).first().getAttribute('value');
  if (!value) throw new Error(`no category option ${label}`);
  return value;
}

/** Creates and publishes a service through the JSON API; returns its id. */
export async function apiCreatePublished(
  api: APIRequestContext,
  token: string,
  body: { title: string; category: string; description: string; price: number; delivery_days: number; revisions: number | 'unlimited' },
): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await api.post('/api/v1/me/listings', { headers, data: body });
  if (created.status() !== 201) throw new Error(`POST /api/v1/me/listings: ${created.status()} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const published = await api.post(`/api/v1/listings/${id}/status`, { headers, data: { action: 'publish' } });
  if (published.status() !== 200) throw new Error(`publish ${id}: ${published.status()} ${await published.text()}`);
  return id;
}
