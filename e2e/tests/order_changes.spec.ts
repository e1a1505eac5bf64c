// Changes during an order (取引中の変更) in two browsers: the seller proposes a paid addition
// (追加オプション) on an order in progress, the buyer sees its service fee and pays it by card,
// the receipt itemises it; then the seller asks to move the due date (納品予定日の延長) and
// the buyer accepts, and the due date on both pages moves.
import { expect, test, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

/** The order page's changes panel. */
function changesPanel(page: Page) {
  return page.getByRole('region', { name: '納品予定日・追加オプション', exact: true });
}

async function dueDate(page: Page): Promise<string> {
  return (await changesPanel(page).locator('.order-due strong').textContent()) ?? '';
}

test('a paid addition proposed, paid and itemised, then a delivery-date extension accepted', async ({ page, browser, baseURL }) => {
  // A seller with a ¥5,000 service; the buyer pays by card.
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'changes-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));
  const buyer = page;
  await registerConfirmedMember(buyer, 'changes-buyer');
  await registerCard(buyer);
  await startPurchase(buyer, serviceId);
  const orderId = await placeOrder(buyer, '両面でお願いできますか。');

  // The seller proposes a ¥2,000 addition with two extra days.
  await openOrder(seller.page, orderId);
  const before = await dueDate(seller.page);
  const panel = changesPanel(seller.page);
  await panel.locator('summary', { hasText: '追加オプションを提案する' }).click();
  await panel.getByLabel('内容', { exact: true }).fill('裏面デザイン');
  await panel.getByLabel('詳細（任意）').fill('裏面にもデザインを入れます。');
  await panel.getByLabel('料金（円）').fill('2000');
  await panel.getByLabel('納品予定日の延長（日、0〜60）').fill('2');
  await panel.getByRole('button', { name: '提案する' }).click();
  await expect(flash(seller.page, '追加オプションを提案しました。')).toBeVisible();
  await expect(changesPanel(seller.page)).toContainText('売上予定額 1,560円');

  // The buyer sees the fee before paying, and pays.
  await openOrder(buyer, orderId);
  const offer = changesPanel(buyer);
  await expect(offer).toContainText('裏面デザイン');
  await expect(offer).toContainText('サービス利用料 110円');
  await offer.getByRole('button', { name: '購入する（2,110円）' }).click();
  await expect(flash(buyer, '追加オプションを購入しました。')).toBeVisible();
  await expect(changesPanel(buyer)).toContainText('購入済み');
  const afterAddition = await dueDate(buyer);
  expect(afterAddition).not.toEqual(before);

  // The receipt lists it on its own line.
  await buyer.goto(`/orders/${orderId}/receipt`);
  await expect(buyer.getByText('追加オプション: 裏面デザイン')).toBeVisible();

  // The seller asks for three more days; the buyer accepts; the due date moves.
  await openOrder(seller.page, orderId);
  const sellerPanel = changesPanel(seller.page);
  await sellerPanel.locator('summary', { hasText: '納品予定日の延長を申請する' }).click();
  await sellerPanel.getByLabel('延長する日数（1〜60）').fill('3');
  await sellerPanel.getByLabel('理由', { exact: true }).fill('印刷所の確認に時間がかかるためです。');
  await sellerPanel.getByRole('button', { name: '延長を申請する' }).click();
  await expect(flash(seller.page, '納品予定日の延長を申請しました。')).toBeVisible();

  await openOrder(buyer, orderId);
  await expect(changesPanel(buyer)).toContainText('取引相手が 3 日の延長を申請');
  await expect(changesPanel(buyer)).toContainText('印刷所の確認に時間がかかるためです。');
  await changesPanel(buyer).getByRole('button', { name: '延長を承認する' }).click();
  await expect(flash(buyer, '延長を承認しました。納品予定日が変わりました。')).toBeVisible();
  expect(await dueDate(buyer)).not.toEqual(afterAddition);
  await openOrder(seller.page, orderId);
  expect(await dueDate(seller.page)).toEqual(await dueDate(buyer));
  await seller.context.close();
});
