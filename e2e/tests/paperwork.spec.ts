// Paperwork (書類) in a real browser: after a completed order the buyer opens the receipt from
// the order page, makes it out to a company, and sees that printing leaves only the sheet; the
// seller finds the month's statement from the sales list. Neither sees the other's paper.
import { expect, test } from '@playwright/test';
import { header, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

test('the buyer prints a receipt and the seller reads the monthly statement', async ({ page, browser, baseURL }) => {
  // A seller (own browser) with a ¥5,000 service; the buyer (this page) with a test card.
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'seller');
  const title = `名刺デザインを丁寧に作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));
  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);

  // Buy, deliver, approve: ¥5,000 + 5.5 % fee ¥275 = ¥5,275.
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);
  await openOrder(seller.page, orderId);
  await deliver(seller.page, '納品いたします。');
  await openOrder(page, orderId);
  await approve(page);

  // The receipt, from the order page.
  await page.getByRole('link', { name: '領収書を表示' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/receipt$`));
  const receipt = page.getByRole('article', { name: /^領収書/ });
  await expect(receipt).toContainText('5,275円');
  await expect(receipt).toContainText(`但し「${title}」の代金として`);
  // floor(5,275 × 10 / 110) = ¥479.
  await expect(receipt.getByRole('row', { name: /10%対象/ })).toContainText('5,275円');
  await expect(receipt.getByRole('row', { name: /うち消費税/ })).toContainText('479円');
  await expect(receipt).toContainText('適格請求書発行事業者ではありません');

  // Made out to a company instead of the buyer's display name.
  await page.getByLabel('宛名', { exact: true }).fill('株式会社テスト');
  await page.getByRole('button', { name: '宛名を変更' }).click();
  await expect(receipt).toContainText('株式会社テスト 様');

  // The print button is there with JavaScript; printed, only the sheet remains.
  const print = page.getByRole('button', { name: '印刷する' });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(header(page)).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole('contentinfo').filter({ hasText: '© Yorozu' })).toBeHidden();
  await expect(receipt).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(header(page)).toBeVisible();

  // The seller cannot open the buyer's receipt.
  const sellerTry = await seller.page.goto(`/orders/${orderId}/receipt`);
  expect(sellerTry?.status()).toBe(404);

  // The seller's statement for this month, from the sales list.
  await seller.page.goto('/orders?tab=sales');
  await seller.page.getByRole('link', { name: '支払明細書（売上明細）' }).click();
  await expect(seller.page.getByRole('heading', { level: 1, name: '支払明細書（売上明細）' })).toBeVisible();
  await seller.page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
  await expect(seller.page).toHaveURL(/\/sales\/statements\/\d{4}-\d{2}$/);
  const row = seller.page.getByRole('row', { name: new RegExp(title) });
  // ¥5,000, 22 % fee ¥1,100, ¥3,900 to the seller.
  await expect(row).toContainText('5,000円');
  await expect(row).toContainText('1,100円');
  await expect(row).toContainText('3,900円');
  // floor(1,100 × 10 / 110) = ¥100.
  await expect(seller.page.getByRole('row', { name: /うち消費税/ })).toContainText('100円');

  // The buyer sold nothing: the buyer's statements list is empty.
  await page.goto('/sales/statements');
  await expect(page.getByText('完了した取引はまだありません。')).toBeVisible();
  await seller.context.close();
});
