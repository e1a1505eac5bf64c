// Orders (取引) between two people in two browsers: a buyer and a seller, each signed up through
// the pages. The first test is the whole happy path with its detours: a coupon from the operator,
// the final confirmation screen, messages with read marks, a delivery sent back once, a new
// delivery, approval and both reviews. The second is a cancellation that the seller agrees to.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { header, newPersonPage, registerConfirmedMember, type Member } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import {
  applyCoupon,
  approve,
  answerCancellation,
  breakdownLine,
  deliver,
  openOrder,
  orderState,
  placeOrder,
  registerCard,
  requestCancellation,
  sendBack,
  sendMessage,
  startPurchase,
  talkEntry,
  textFile,
  writeReview,
} from '../helpers/orders.ts';
import { createCoupon } from '../helpers/promotions.ts';

interface Market {
  buyer: Page;
  seller: Page;
  sellerMember: Member;
  buyerMember: Member;
  serviceId: string;
  title: string;
  close: () => Promise<void>;
}

/**
 * A seller (own browser) with a published ¥5,000 名刺 service that has a ¥2,000 option, and a
 * buyer (the test's page) with the sandbox's Visa test card.
 */
async function market(page: Page, browser: Browser, baseURL: string | undefined): Promise<Market> {
  const seller = await newPersonPage(browser, baseURL);
  const sellerMember = await registerConfirmedMember(seller.page, 'seller');
  const title = `名刺デザインを丁寧に作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(
    seller.page,
    meishiService(title, { price: '5000', options: [{ title: '特急納品', price: '2000' }] }),
  );
  const buyerMember = await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  return {
    buyer: page,
    seller: seller.page,
    sellerMember,
    buyerMember,
    serviceId,
    title,
    close: () => seller.context.close(),
  };
}

test('buy with a coupon, talk, deliver, send back, deliver again, approve and review both ways', async ({ page, browser, baseURL }) => {
  const m = await market(page, browser, baseURL);
  const { buyer, seller } = m;

  // The operator makes a ¥500 coupon for orders from ¥3,000.
  const operator = await newPersonPage(browser, baseURL);
  const code = `E2E-${uniqueMarker('c').toUpperCase()}`;
  await createCoupon(operator.page, { code, discount: 500, minOrder: 3000 });
  await operator.context.close();

  // The buyer picks the option on the service page and sees the final confirmation screen.
  await startPurchase(buyer, m.serviceId, ['特急納品']);
  await expect(buyer.getByRole('checkbox', { name: /^特急納品/ })).toBeChecked();
  await expect(breakdownLine(buyer, 'サービス価格')).toContainText('5,000円');
  await expect(breakdownLine(buyer, 'オプション')).toContainText('2,000円');
  await expect(breakdownLine(buyer, 'サービス利用料（5.5%）')).toContainText('385円');
  await expect(breakdownLine(buyer, 'お支払い金額（税込）')).toContainText('7,385円');
  await expect(breakdownLine(buyer, 'クーポン割引')).toHaveCount(0);
  await expect(buyer.getByText('お支払い後5日以内')).toBeVisible();
  await expect(buyer.getByText(/24時間以内に同意するか異議を伝えます/)).toBeVisible();
  const placing = buyer.getByRole('region', { name: 'ご注文の確定' });
  await expect(placing.getByRole('link', { name: '利用規約', exact: true })).toHaveAttribute('href', '/legal/terms');
  await expect(placing.getByRole('link', { name: '特定商取引法に基づく表記' })).toHaveAttribute('href', '/legal/tokushoho');
  await expect(placing).toContainText('利用規約に同意のうえ');
  await expect(buyer.getByRole('radio', { name: /^Visa \*\*\*\*4242/ })).toBeChecked();
  await expect(buyer.getByRole('radio', { name: '後払い（72時間以内にお支払い）' })).toBeVisible();

  // The coupon, applied with 再計算する: a discount line and a lower total.
  await applyCoupon(buyer, code);
  await expect(breakdownLine(buyer, 'クーポン割引')).toContainText('-500円');
  await expect(breakdownLine(buyer, 'お支払い金額（税込）')).toContainText('6,885円');
  const orderId = await placeOrder(buyer, 'ロゴは後ほどお送りします。');
  await expect(orderState(buyer, '作業中')).toBeVisible();
  const amounts = buyer.getByRole('region', { name: '金額', exact: true });
  await expect(amounts.getByRole('row', { name: /クーポン割引/ })).toContainText('-500円');
  await expect(amounts.getByRole('row', { name: /お支払い金額（税込）/ })).toContainText('6,885円');
  await expect(talkEntry(buyer, 'ロゴは後ほどお送りします。')).toBeVisible();

  // Messages both ways; each side sees the other's, and 既読 once the other has opened the room.
  await sendMessage(buyer, 'ロゴのデータを添付します。', [textFile('logo-note.txt', 'ロゴは青系でお願いします')]);
  await header(seller).getByRole('link', { name: '取引', exact: true }).click();
  await seller.getByRole('link', { name: '販売した取引' }).click();
  const row = seller.getByRole('article').filter({ hasText: m.title });
  await expect(row).toContainText('未読 2件');
  await row.getByRole('link', { name: m.title }).click();
  await expect(seller).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(talkEntry(seller, 'ロゴのデータを添付します。')).toBeVisible();
  await expect(talkEntry(seller, 'ロゴのデータを添付します。').getByRole('link', { name: 'logo-note.txt' })).toBeVisible();
  await sendMessage(seller, 'ありがとうございます。作業を始めます。');

  await openOrder(buyer, orderId);
  await expect(talkEntry(buyer, 'ありがとうございます。作業を始めます。')).toBeVisible();
  await expect(talkEntry(buyer, 'ロゴのデータを添付します。')).toContainText('既読');
  await openOrder(seller, orderId);
  await expect(talkEntry(seller, 'ありがとうございます。作業を始めます。')).toContainText('既読');

  // The seller delivers with a file; the buyer downloads it and sends the delivery back once.
  await deliver(seller, '初稿をお送りします。ご確認ください。', [textFile('meishi-v1.txt', '名刺デザイン 初稿')]);
  await expect(orderState(seller, '納品済み（承認待ち）')).toBeVisible();
  await openOrder(buyer, orderId);
  await expect(orderState(buyer, '納品済み（承認待ち）')).toBeVisible();
  const delivery = talkEntry(buyer, '初稿をお送りします。');
  await expect(delivery).toContainText('正式な納品');
  const download = buyer.waitForEvent('download');
  await delivery.getByRole('link', { name: 'meishi-v1.txt' }).click();
  expect((await download).suggestedFilename()).toBe('meishi-v1.txt');
  await expect(buyer.getByText(/までに承認も差し戻しもない場合は、自動的に承認されます。/)).toBeVisible();
  await sendBack(buyer, '文字をもう少し大きくしてください。');
  await expect(orderState(buyer, '作業中')).toBeVisible();
  await expect(talkEntry(buyer, '文字をもう少し大きくしてください。')).toBeVisible();

  // The seller delivers again; this time the buyer cannot send it back (once per order) and approves.
  await openOrder(seller, orderId);
  await expect(talkEntry(seller, '文字をもう少し大きくしてください。')).toBeVisible();
  await deliver(seller, '文字を大きくしました。', [textFile('meishi-v2.txt', '名刺デザイン 第2稿')]);
  await openOrder(buyer, orderId);
  await expect(talkEntry(buyer, '文字を大きくしました。')).toContainText('正式な納品');
  await expect(buyer.getByRole('button', { name: '差し戻す', exact: true })).toHaveCount(0);
  await approve(buyer);
  await expect(orderState(buyer, '完了')).toBeVisible();

  // Both review; each review shows on the order page, the buyer's also on the service page.
  await writeReview(buyer, 5, '丁寧に対応していただき、仕上がりも大満足です。');
  await openOrder(seller, orderId);
  await expect(orderState(seller, '完了')).toBeVisible();
  await writeReview(seller, 4, 'スムーズなお取引をありがとうございました。');
  await openOrder(buyer, orderId);
  const reviews = buyer.getByRole('region', { name: '評価', exact: true });
  await expect(reviews.getByRole('article', { name: '購入者からの評価' })).toContainText('丁寧に対応していただき');
  await expect(reviews.getByRole('article', { name: '出品者からの評価' })).toContainText('スムーズなお取引');
  await expect(reviews.getByRole('img', { name: '5段階中5' })).toBeVisible();
  await expect(buyer.getByRole('region', { name: /を評価する$/ })).toHaveCount(0);

  await buyer.goto(`/services/${m.serviceId}`);
  await expect(buyer.getByText('丁寧に対応していただき、仕上がりも大満足です。')).toBeVisible();
  await m.close();
});

test('a cancellation the seller agrees to ends the order and refunds the buyer', async ({ page, browser, baseURL }) => {
  const m = await market(page, browser, baseURL);
  const { buyer, seller } = m;

  await startPurchase(buyer, m.serviceId);
  await expect(breakdownLine(buyer, 'お支払い金額（税込）')).toContainText('5,275円');
  const orderId = await placeOrder(buyer);

  await requestCancellation(buyer, '急ぎの事情がなくなったため、キャンセルをお願いします。');
  const request = buyer.getByRole('region', { name: 'キャンセル申請' });
  await expect(request).toContainText('あなた');
  await expect(request).toContainText('急ぎの事情がなくなったため');
  await expect(request.getByRole('button', { name: '申請を取り下げる' })).toBeVisible();

  await openOrder(seller, orderId);
  await expect(talkEntry(seller, 'キャンセルが申請されました。')).toBeVisible();
  await answerCancellation(seller, 'agree');
  await expect(orderState(seller, 'キャンセル')).toBeVisible();
  await expect(seller.getByText(/購入者にはお支払い金額が全額返金され/)).toBeVisible();
  await expect(seller.getByRole('region', { name: '正式な納品' })).toHaveCount(0);

  await openOrder(buyer, orderId);
  await expect(orderState(buyer, 'キャンセル')).toBeVisible();
  await expect(buyer.getByText(/お支払い金額5,275円は、お支払いに使われた方法で返金されます/)).toBeVisible();
  await expect(talkEntry(buyer, 'キャンセルに同意があり、取引はキャンセルされました。')).toBeVisible();
  // The refund itself is a job; its note appears in the talk room once the provider has refunded.
  await expect(async () => {
    await buyer.reload();
    await expect(talkEntry(buyer, 'お支払い金額の返金手続きが完了しました。')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await m.close();
});
