// Tips (おひねり) in two browsers: the buyer completes an order, sends the seller a tip
// through the confirmation step (which shows the service fee and what the seller receives
// before paying), and the seller sees it on the order page and as its own line in sales.
import { expect, test, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

/** The order page's tips section. */
function tipsPanel(page: Page) {
  return page.getByRole('region', { name: 'おひねり', exact: true });
}

test('a buyer sends a tip after completion and the seller sees it in sales', async ({ page, browser, baseURL }) => {
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'tips-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));
  const buyer = page;
  await registerConfirmedMember(buyer, 'tips-buyer');
  await registerCard(buyer);
  await startPurchase(buyer, serviceId);
  const orderId = await placeOrder(buyer, 'よろしくお願いします。');

  // Delivered and approved: the order is completed.
  await openOrder(seller.page, orderId);
  await deliver(seller.page, '納品いたします。');
  await openOrder(buyer, orderId);
  await approve(buyer);

  // The buyer fills in the tip and sees the amounts before paying.
  await openOrder(buyer, orderId);
  const panel = tipsPanel(buyer);
  await panel.getByLabel('金額（円）').fill('1000');
  await panel.getByLabel('メッセージ（任意、500文字まで）').fill('丁寧なお仕事をありがとうございました！');
  await panel.getByRole('button', { name: '確認画面へ進む' }).click();
  await expect(buyer.getByRole('heading', { level: 1, name: 'おひねりの確認' })).toBeVisible();
  const amounts = buyer.locator('.tip-amounts');
  await expect(amounts).toContainText('サービス利用料');
  await expect(amounts).toContainText('55円');
  await expect(amounts).toContainText('1,055円');
  await expect(amounts).toContainText('出品者の受取額');
  await expect(amounts).toContainText('780円');
  await expect(amounts).toContainText('丁寧なお仕事をありがとうございました！');
  await buyer.getByRole('button', { name: '1,055円を支払っておひねりを送る' }).click();
  await expect(flash(buyer, 'おひねりを送りました。ありがとうございます。')).toBeVisible();
  await expect(tipsPanel(buyer)).toContainText('おひねり 1,000円（お支払い額 1,055円）');

  // The receipt lists the tip on its own line.
  await buyer.goto(`/orders/${orderId}/receipt`);
  await expect(buyer.getByText(/おひねり（/)).toBeVisible();

  // The seller sees the tip and its message on the order page, and its own sales line.
  await openOrder(seller.page, orderId);
  await expect(tipsPanel(seller.page)).toContainText('おひねり 1,000円（売上金 780円）');
  await expect(tipsPanel(seller.page)).toContainText('丁寧なお仕事をありがとうございました！');
  await seller.page.goto('/sales');
  const tipLine = seller.page.locator('tr.sale-line-tip');
  await expect(tipLine).toHaveCount(1);
  await expect(tipLine).toContainText(title);
  await expect(tipLine).toContainText('780円');

  // At 390 px the section still fits the screen.
  await buyer.setViewportSize({ width: 390, height: 844 });
  await openOrder(buyer, orderId);
  const width = await buyer.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await seller.context.close();
});
