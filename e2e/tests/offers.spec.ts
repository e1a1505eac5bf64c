// A quote (見積り相談) that ends in an order, in two browsers: the buyer asks from the service
// page with a file; the seller answers, is warned before sending contact details, and sends a
// custom offer (カスタム提案), then revises it; the buyer sees what changed, the bell tells them,
// and buying the revised offer goes through the same final confirmation screen (最終確認画面)
// with the offer's terms; the order carries them.
import { expect, test, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { breakdownLine, registerCard } from '../helpers/orders.ts';

function offersSection(page: Page) {
  return page.getByRole('region', { name: '提案', exact: true });
}

function messages(page: Page) {
  return page.getByRole('region', { name: 'メッセージ', exact: true });
}

async function fillOffer(page: Page, fields: { title: string; included: string; price: string; days: string }) {
  const form = page.getByRole('region', { name: /提案を(送る|更新する)/ });
  await form.getByLabel('タイトル', { exact: true }).fill(fields.title);
  await form.getByLabel('提案内容', { exact: true }).fill(fields.included);
  await form.getByLabel('価格（円）', { exact: true }).fill(fields.price);
  await form.getByLabel('お届け日数', { exact: true }).fill(fields.days);
  await form.getByLabel('修正回数（0〜10、または unlimited）').fill('2');
  await form.getByRole('button', { name: '提案を送る' }).click();
}

test('quote → offer → revised offer → accepted through the final confirmation → order', async ({ page, browser, baseURL }) => {
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'offer-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));

  const buyer = page;
  await registerConfirmedMember(buyer, 'offer-buyer');
  await registerCard(buyer);

  // The buyer asks from the service page, with a file.
  await buyer.goto(`/services/${serviceId}`);
  await buyer.getByRole('link', { name: '見積り相談する' }).click();
  await expect(buyer.getByRole('heading', { level: 1, name: '見積り相談する' })).toBeVisible();
  await buyer.getByLabel('メッセージ', { exact: true }).fill('両面・100枚で、予算1万円ほどでお願いできますか。');
  await buyer.getByLabel('添付ファイル').setInputFiles({ name: 'メモ.txt', mimeType: 'text/plain', buffer: Buffer.from('両面カラー') });
  await buyer.getByRole('button', { name: '送信する', exact: true }).click();
  await expect(flash(buyer, 'メッセージを送信しました。')).toBeVisible();
  await expect(buyer).toHaveURL(/\/consultations\/\d+$/);
  const consultationPath = new URL(buyer.url()).pathname;
  await expect(messages(buyer).getByRole('link', { name: 'メモ.txt' })).toBeVisible();

  // The seller's bell leads to it.
  await seller.page.goto('/notifications');
  await seller.page.getByRole('link', { name: /見積り相談が届きました/ }).first().click();
  await expect(seller.page).toHaveURL(new RegExp(`${consultationPath}#offers$`));

  // Contact details are held back with a warning; the seller edits them out.
  await messages(seller.page).getByLabel('メッセージ', { exact: true }).fill('詳しくは seller@example.com までご連絡ください。');
  await messages(seller.page).getByRole('button', { name: '送信する', exact: true }).click();
  await expect(seller.page.getByRole('alert').filter({ hasText: '送信前にご確認ください' })).toBeVisible();
  await expect(messages(seller.page).getByText('seller@example.com', { exact: false }).first()).toBeVisible();
  await messages(seller.page).getByLabel('メッセージ', { exact: true }).fill('承知しました。お見積りをお送りします。');
  await messages(seller.page).getByRole('button', { name: '送信する', exact: true }).click();
  await expect(flash(seller.page, 'メッセージを送信しました。')).toBeVisible();

  // The offer, then a revision with a lower price.
  await fillOffer(seller.page, { title: '両面名刺100枚', included: '両面デザイン、修正2回、印刷用データ納品', price: '12000', days: '7' });
  await expect(flash(seller.page, '提案を送信しました。')).toBeVisible();
  await fillOffer(seller.page, { title: '両面名刺100枚', included: '両面デザイン、修正2回、印刷用データ納品', price: '10000', days: '6' });
  await expect(flash(seller.page, '提案を送信しました。')).toBeVisible();

  // The buyer sees both versions, what changed, and that only the new one can be bought.
  await buyer.goto(consultationPath);
  const offers = offersSection(buyer);
  const v2 = offers.getByRole('article', { name: /第2版/ });
  const v1 = offers.getByRole('article', { name: /第1版/ });
  await expect(v2).toContainText('回答待ち');
  await expect(v2).toContainText('価格: 10,000円');
  await expect(v2).toContainText('前の版からの変更');
  await expect(v2).toContainText('価格');
  await expect(v1).toContainText('更新済み');
  await expect(v1.getByRole('link', { name: 'この提案で購入手続きへ進む' })).toHaveCount(0);

  // Accepting goes to the final confirmation screen with the offer's terms.
  await v2.getByRole('link', { name: 'この提案で購入手続きへ進む' }).click();
  await expect(buyer.getByRole('heading', { level: 1, name: 'ご注文内容の確認' })).toBeVisible();
  await expect(buyer.getByText('カスタム提案「両面名刺100枚」の条件で購入します。')).toBeVisible();
  await expect(breakdownLine(buyer, 'サービス価格')).toContainText('10,000円');
  await buyer.getByRole('button', { name: '注文を確定する' }).click();
  await expect(flash(buyer, 'ご注文を受け付けました。')).toBeVisible();
  await expect(buyer).toHaveURL(/\/orders\/\d+$/);
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('両面名刺100枚');

  // The thread shows the offer bought, with a link to the order.
  await buyer.goto(consultationPath);
  await expect(offersSection(buyer).getByRole('article', { name: /第2版/ })).toContainText('購入済み');
  await expect(offersSection(buyer).getByRole('link', { name: '購入した取引を見る' })).toBeVisible();
  await seller.context.close();
});
