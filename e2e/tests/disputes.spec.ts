// Disputes (トラブル相談) in three browsers: a buyer opens one on a delivered order, both sides
// add statements, the operator sees the evidence (the delivered file with its SHA-256) in the
// dispute queue and decides a partial refund with a reason, both parties see the outcome, and
// the seller's sales page shows the share of what was kept.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { flash, header, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { deliver, openOrder, orderState, placeOrder, registerCard, startPurchase, textFile } from '../helpers/orders.ts';

/** The order page's dispute panel. */
function disputePanel(page: Page) {
  return page.getByRole('region', { name: 'トラブル相談', exact: true });
}

async function addStatement(page: Page, text: string): Promise<void> {
  const panel = disputePanel(page);
  await panel.getByLabel('申し立てを追加').fill(text);
  await panel.getByRole('button', { name: '申し立てを送る' }).click();
  await expect(flash(page, '申し立てを追加しました。')).toBeVisible();
  await expect(disputePanel(page)).toContainText(text);
}

async function signInAsOperator(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('メールアドレス', { exact: true }).fill(OPERATOR.email);
  await page.getByLabel('パスワード', { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  if (!page.url().endsWith(path)) await page.goto(path);
}

test('a buyer opens a dispute, both add statements, the operator refunds part, both see it and the sales page shows the share', async ({ page, browser, baseURL }) => {
  // A seller with a ¥5,000 service; the buyer pays ¥5,275 (5.5 % service fee) by card.
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'dispute-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title, { price: '5000' }));
  const buyer = page;
  await registerConfirmedMember(buyer, 'dispute-buyer');
  await registerCard(buyer);
  await startPurchase(buyer, serviceId);
  const orderId = await placeOrder(buyer, '会社のロゴ入りでお願いします。');

  // The seller delivers a file.
  const file = textFile('meishi-final.txt', '名刺デザイン 最終版');
  await openOrder(seller.page, orderId);
  await deliver(seller.page, '最終版をお送りします。', [file]);

  // The buyer opens a dispute with a reason and a statement.
  await openOrder(buyer, orderId);
  const panel = disputePanel(buyer);
  await panel.locator('summary').click();
  await panel.getByLabel('相談の理由').selectOption({ label: '納品物の品質・内容' });
  await panel.getByLabel('状況の説明').fill('ロゴが入っておらず、依頼内容と違います。');
  await panel.locator('form').getByRole('button', { name: 'トラブルを相談する' }).click();
  await expect(flash(buyer, 'トラブル相談を受け付けました。運営事務局が確認します。')).toBeVisible();
  await expect(orderState(buyer, 'トラブル相談中')).toBeVisible();
  await expect(disputePanel(buyer)).toContainText('運営事務局が確認しています。');

  // Both sides add statements.
  await openOrder(seller.page, orderId);
  await expect(disputePanel(seller.page)).toContainText('ロゴが入っておらず、依頼内容と違います。');
  await addStatement(seller.page, 'ロゴのデータをいただけなかったため、文字のみで作成しました。');
  await addStatement(buyer, 'ロゴはトークルームでお送りする予定でした。');

  // The operator: the queue, the evidence, the decision.
  const operator = await newPersonPage(browser, baseURL);
  const op = operator.page;
  await signInAsOperator(op, '/operator');
  await expect(op.locator('#dispute-count')).toContainText('判断待ちのトラブル相談');
  await op.getByRole('link', { name: 'トラブル相談', exact: true }).click();
  await expect(op.getByRole('heading', { level: 1, name: 'トラブル相談' })).toBeVisible();
  await op.getByRole('link', { name: title }).click();
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const deliveries = op.getByRole('region', { name: '正式な納品とファイル' });
  await expect(deliveries.getByRole('row').filter({ hasText: 'meishi-final.txt' })).toContainText(sha256);
  await expect(op.getByRole('region', { name: 'トークルーム（すべて）' })).toContainText('会社のロゴ入りでお願いします。');
  await expect(op.getByText('ロゴのデータをいただけなかったため、文字のみで作成しました。')).toBeVisible();
  const decide = op.getByRole('region', { name: '判断' });
  await decide.getByRole('radio', { name: '一部返金' }).check();
  await decide.getByLabel('返金額（一部返金のとき）').fill('2275');
  await decide.getByLabel('判断の理由（双方に表示されます）').fill('ロゴの追加が未対応のため、一部を返金します。');
  await decide.getByRole('button', { name: '判断を確定する' }).click();
  await expect(flash(op, '判断を記録し、双方にお知らせしました。')).toBeVisible();
  await operator.context.close();

  // Both see the outcome: ¥2,275 back to the buyer; ¥3,000 kept, split as an order of that size
  // (subtotal ¥2,844 + service fee ¥156; seller fee 22 % ¥625), so the seller's share is ¥2,219.
  for (const p of [buyer, seller.page]) {
    await openOrder(p, orderId);
    const outcome = disputePanel(p);
    await expect(outcome).toContainText('運営事務局が判断しました。');
    await expect(outcome).toContainText('一部返金');
    await expect(outcome).toContainText('2,275円');
    await expect(outcome).toContainText('2,219円');
    await expect(outcome).toContainText('ロゴの追加が未対応のため、一部を返金します。');
    await expect(orderState(p, '完了')).toBeVisible();
  }

  // The seller's sales page shows the share.
  await header(seller.page).getByRole('link', { name: '売上管理' }).click();
  await expect(seller.page.getByRole('heading', { level: 1, name: '売上管理' })).toBeVisible();
  await expect(seller.page.locator('#sales-available')).toHaveText('2,219円');
  await expect(seller.page.getByRole('row').filter({ hasText: title })).toContainText('2,219円');
  await seller.context.close();
});
