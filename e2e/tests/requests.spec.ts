// The request board (公開依頼) in four browsers: a buyer posts a request, three sellers find it
// on the board by a keyword and propose; the buyer compares the proposals side by side and
// buys one through the final confirmation screen; the chosen seller hears so, and the other
// two are told politely that another proposal was chosen (notification centre and mail).
import { expect, test, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { placeOrder, registerCard } from '../helpers/orders.ts';

async function propose(page: Page, requestPath: string, price: string, message: string): Promise<void> {
  await page.goto(requestPath);
  const form = page.getByRole('region', { name: 'この依頼に提案する' });
  await form.getByLabel('メッセージ').fill(message);
  await form.getByLabel('タイトル', { exact: true }).fill('ロゴ制作（3案）');
  await form.getByLabel('提案内容').fill('ロゴ3案、修正2回、PNG納品');
  await form.getByLabel('価格（円）').fill(price);
  await form.getByLabel('お届け日数').fill('5');
  await form.getByRole('button', { name: '提案する' }).click();
  await expect(flash(page, '提案を送信しました。')).toBeVisible();
}

test('a request with three proposals: one bought, the other two sellers told', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const buyer = page;
  await registerConfirmedMember(buyer, 'request-buyer');
  await registerCard(buyer);

  // The buyer posts a request; a budget in the wrong order is refused in Japanese first.
  const marker = uniqueMarker();
  await buyer.goto('/requests');
  await buyer.getByRole('link', { name: '依頼を投稿する' }).click();
  await buyer.getByLabel('カテゴリ', { exact: true }).selectOption('301');
  await buyer.getByLabel('タイトル', { exact: true }).fill(`カフェのロゴデザイン ${marker}`);
  await buyer.getByLabel('依頼内容').fill('新しく開くカフェのロゴを作ってください。');
  await buyer.getByLabel('予算の下限（円）').fill('30000');
  await buyer.getByLabel('予算の上限（円）').fill('10000');
  await buyer.getByRole('button', { name: '依頼を投稿する' }).click();
  await expect(buyer.getByText('予算の上限は下限以上の金額を入力してください。').first()).toBeVisible();
  await buyer.getByLabel('予算の下限（円）').fill('10000');
  await buyer.getByLabel('予算の上限（円）').fill('30000');
  await buyer.getByRole('button', { name: '依頼を投稿する' }).click();
  await expect(flash(buyer, '公開依頼を投稿しました。')).toBeVisible();
  const requestPath = new URL(buyer.url()).pathname;
  expect(requestPath).toMatch(/^\/requests\/\d+$/);

  // Three sellers, each with a published service, find it on the board and propose.
  const sellers = [];
  for (const [i, price] of ['15000', '20000', '25000'].entries()) {
    const seller = await newPersonPage(browser, baseURL);
    const member = await registerConfirmedMember(seller.page, `request-seller${i}`);
    await createPublished(seller.page, meishiService(`ロゴを作ります ${uniqueMarker()}`));
    await seller.page.goto('/requests');
    await seller.page.getByLabel('キーワード').fill(`ｶﾌｪ ${marker}`);
    await seller.page.getByRole('button', { name: '絞り込む' }).click();
    await seller.page.getByRole('link', { name: `カフェのロゴデザイン ${marker}` }).click();
    await propose(seller.page, requestPath, price, `はじめまして。${member.displayName}です。ぜひお任せください。`);
    sellers.push({ ...seller, member });
  }

  // The buyer sees the three side by side and buys the second through the final confirmation.
  // At 390 px the page fits the screen (one proposal per row, nothing wider than the phone).
  await buyer.setViewportSize({ width: 390, height: 844 });
  await buyer.goto(requestPath);
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await buyer.goto('/requests/new');
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await buyer.setViewportSize({ width: 1280, height: 800 });
  await buyer.goto(requestPath);
  const proposals = buyer.getByRole('region', { name: '届いた提案' });
  await expect(proposals.getByRole('article')).toHaveCount(3);
  const chosen = proposals.getByRole('article', { name: sellers[1].member.displayName });
  await expect(chosen).toContainText('提案金額: 20,000円');
  await expect(chosen).toContainText('お届け日数: 5日');
  await expect(chosen).toContainText('評価: まだありません');
  await chosen.getByRole('link', { name: 'この提案で購入手続きへ進む' }).click();
  await expect(buyer).toHaveURL(/\/orders\/new\?listing=\d+&offer=\d+/);
  await expect(buyer.getByText('ロゴ制作（3案）').first()).toBeVisible();
  await placeOrder(buyer);

  // The request is filled and off the board.
  await buyer.goto(requestPath);
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('成約済み');
  await buyer.goto(`/requests?q=${encodeURIComponent(marker)}`);
  await expect(buyer.getByText('条件に合う募集中の依頼はありません。')).toBeVisible();

  // The chosen seller and the other two are told.
  await sellers[1].page.goto('/notifications');
  await expect(sellers[1].page.getByText('あなたの提案が選ばれました').first()).toBeVisible();
  for (const i of [0, 2]) {
    await sellers[i].page.goto('/notifications');
    await expect(sellers[i].page.getByText('今回は別の提案が選ばれました。ご提案ありがとうございました').first()).toBeVisible();
    await sellers[i].page.goto('/requests/proposed');
    await expect(sellers[i].page.getByText(`カフェのロゴデザイン ${marker}`)).toBeVisible();
  }
  for (const s of sellers) await s.context.close();
});
