// The notification centre (お知らせ): a seller gets an order, the bell in the header shows it,
// the centre lists it, following its link opens the order and the count drops.
import { expect, test } from '@playwright/test';
import { header, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

test('a seller is told of an order by the bell and the centre', async ({ page, browser, baseURL }) => {
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'seller');
  const title = `名刺デザインを丁寧に作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));

  const bell = header(seller.page).getByRole('link', { name: /お知らせ/ });
  const count = bell.locator('.bell-count');
  await seller.page.goto('/');
  await expect(count).toBeHidden();

  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);

  // Every page's header carries the count, the shared service page too.
  await seller.page.goto(`/services/${serviceId}`);
  await expect(count).toHaveText('1');
  await bell.click();
  await expect(seller.page.getByRole('heading', { level: 1, name: 'お知らせ' })).toBeVisible();
  await expect(seller.page.getByText('未読 1件')).toBeVisible();
  const notice = seller.page.getByRole('link', { name: /サービスが購入されました/ });
  await expect(notice).toBeVisible();

  await notice.click();
  await expect(seller.page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(seller.page.getByText(title).first()).toBeVisible();
  await expect(count).toBeHidden();
  await expect(count).toHaveText('0');

  await bell.click();
  await expect(seller.page.getByText('未読 0件')).toBeVisible();
  await seller.context.close();
});
