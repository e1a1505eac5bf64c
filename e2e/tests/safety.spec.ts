// Trust and safety in the browser: the contact-details rule (直接取引の禁止) warns before a
// talk-room message with an e-mail address written in full-width characters is sent, with the
// address marked and the text kept, and the member sends it anyway; a member blocks a seller
// from the profile page, cannot buy their service, and lifts the block in the settings.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { placeOrder, registerCard, startPurchase, talkEntry } from '../helpers/orders.ts';

/** A seller (own browser) with a published service, and a buyer (the test's page) with a card. */
async function market(page: Page, browser: Browser, baseURL: string | undefined) {
  const seller = await newPersonPage(browser, baseURL);
  const sellerMember = await registerConfirmedMember(seller.page, 'seller');
  const serviceId = await createPublished(seller.page, meishiService(`名刺を作ります ${uniqueMarker()}`));
  await seller.context.close();
  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  return { sellerId: sellerMember.id, serviceId };
}

test('a message with a full-width e-mail address is held back with a warning, then sent anyway', async ({ page, browser, baseURL }) => {
  const m = await market(page, browser, baseURL);
  await startPurchase(page, m.serviceId);
  await placeOrder(page);

  const text = 'ご連絡は ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ までお願いします';
  const room = page.getByRole('region', { name: 'トークルーム' });
  await room.getByLabel('メッセージ', { exact: true }).fill(text);
  await room.getByRole('button', { name: '送信する', exact: true }).click();

  const warning = page.getByRole('alert').filter({ hasText: '送信前にご確認ください' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('連絡先の交換');
  await expect(warning.locator('mark')).toHaveText('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ');
  await expect(room.getByLabel('メッセージ', { exact: true })).toHaveValue(text);
  await expect(talkEntry(page, text)).toHaveCount(0);

  // 「修正する」 goes back to the text box.
  await expect(warning.getByRole('link', { name: '修正する' })).toHaveAttribute('href', '#message-body');

  await warning.getByRole('button', { name: 'このまま送信する' }).click();
  await expect(flash(page, 'メッセージを送信しました。')).toBeVisible();
  await expect(talkEntry(page, text)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '送信前にご確認ください' })).toHaveCount(0);
});

test('block a seller from the profile page, be refused the purchase, unblock in the settings', async ({ page, browser, baseURL }) => {
  const m = await market(page, browser, baseURL);

  await page.goto(`/users/${m.sellerId}`);
  await page.getByRole('button', { name: 'このユーザーをブロックする' }).click();
  await expect(flash(page, 'ブロックしました。')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/users/${m.sellerId}$`));
  await expect(page.getByText('このユーザーをブロックしています。')).toBeVisible();

  await page.goto(`/services/${m.serviceId}`);
  await page.locator('.purchase-box').getByRole('button', { name: '購入手続きへ' }).click();
  await expect(page.getByText('ブロックしている、またはブロックされているユーザーとは取引できません。')).toBeVisible();

  await page.goto('/settings/blocks');
  await expect(page.getByRole('heading', { level: 1, name: 'ブロックしたユーザー' })).toBeVisible();
  await page.getByRole('button', { name: /のブロックを解除する$/ }).click();
  await expect(flash(page, 'ブロックを解除しました。')).toBeVisible();
  await expect(page.getByText('ブロックしているユーザーはいません。')).toBeVisible();

  // Unblocked, the purchase goes through to the confirmation screen again.
  await startPurchase(page, m.serviceId);
});
