// Payouts (売上金・振込申請) in real browsers: after a completed order the seller finds the sale
// on the sales page, registers a bank account (a kanji holder name is refused first, the katakana
// one is shown back in half-width kana) and requests a payout; the operator, in a browser of their
// own, closes the transfer date's batch, downloads the 全銀 file and marks it transferred; the
// seller then sees the payout as transferred and gets the mail.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { flash, header, newPersonPage, registerConfirmedMember, signIn } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { waitForMail } from '../helpers/mail.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';
import { reauthenticate } from '../helpers/two_step.ts';

/** A table section of the sales page, by its heading. */
function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test('a seller is paid out: bank account, request, operator batch and Zengin file, transferred', async ({ page, browser, baseURL }) => {
  // A seller (own browser) with a ¥3,500 service, a buyer (this page) with a test card.
  const seller = await newPersonPage(browser, baseURL);
  const sellerMember = await registerConfirmedMember(seller.page, 'payee');
  const title = `名刺デザイン（振込テスト） ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title));
  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);

  // A completed order: ¥3,500 less the 22 % fee leaves ¥2,730 for the seller.
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);
  await openOrder(seller.page, orderId);
  await deliver(seller.page, '納品いたします。');
  await openOrder(page, orderId);
  await approve(page);

  // The sales page, from the header menu: the sale, its state, the chart.
  const s = seller.page;
  await header(s).getByRole('link', { name: '売上管理' }).click();
  await expect(s.getByRole('heading', { level: 1, name: '売上管理' })).toBeVisible();
  await expect(s.locator('#sales-available')).toHaveText('2,730円');
  const sale = section(s, '売上の明細').getByRole('row').filter({ hasText: title });
  await expect(sale).toContainText('2,730円');
  await expect(sale).toContainText('申請可能');
  await expect(sale.getByRole('link', { name: title })).toHaveAttribute('href', `/orders/${orderId}`);
  const chart = s.getByRole('img', { name: '月別の売上（過去12か月）' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect.sales-chart-bar')).toHaveCount(12);
  await expect(section(s, '振込申請')).toContainText('申請額が3,000円未満の場合は160円、3,000円以上の場合は無料です。');

  // No account yet: the page says so and leads to the bank settings.
  await expect(section(s, '振込申請')).toContainText('振込先の口座が登録されていません。');
  await expect(s.getByRole('link', { name: '振込申請へ進む' })).toHaveCount(0);
  await s.getByRole('link', { name: '振込先口座を登録する' }).click();
  await expect(s).toHaveURL(/\/settings\/bank$/);
  await expect(s.getByRole('heading', { level: 1, name: '振込先口座' })).toBeVisible();
  // Changing the account asks for the password again first.
  await expect(s.locator('#reauth-needed')).toBeVisible();
  await reauthenticate(s, sellerMember.password);
  await expect(s).toHaveURL(/\/settings\/bank$/);

  // A holder name in kanji is refused, with what was typed kept.
  await s.getByLabel('金融機関コード（4桁）').fill('0001');
  await s.getByLabel('支店コード（3桁）').fill('001');
  await s.getByRole('radio', { name: '普通' }).check();
  await s.getByLabel('口座番号（7桁）').fill('1234567');
  await s.getByLabel('口座名義（カナ）').fill('山田太郎');
  await s.getByRole('button', { name: '口座を登録する' }).click();
  await expect(s.getByRole('alert')).toContainText('「山」は口座名義に使えません。');
  await expect(s.getByLabel('口座名義（カナ）')).toHaveAttribute('aria-invalid', 'true');
  await expect(s.getByLabel('金融機関コード（4桁）')).toHaveValue('0001');

  // In katakana it is registered and shown back as transfers carry it.
  await s.getByLabel('口座名義（カナ）').fill('ヤマダ タロウ');
  await s.getByRole('button', { name: '口座を登録する' }).click();
  await expect(flash(s, '振込先口座を登録しました。')).toBeVisible();
  const registered = section(s, '登録中の口座');
  await expect(registered).toContainText('みずほ銀行（0001）');
  await expect(registered).toContainText('東京営業部（001）');
  await expect(registered).toContainText('****567');
  await expect(registered.locator('#bank-holder')).toHaveText('ﾔﾏﾀﾞ ﾀﾛｳ');

  // The payout: confirmation with the fee, then the request.
  await s.goto('/sales');
  await s.getByRole('link', { name: '振込申請へ進む' }).click();
  await expect(s.getByRole('heading', { level: 1, name: '振込申請の確認' })).toBeVisible();
  await expect(s.getByRole('row', { name: '申請額' })).toContainText('2,730円');
  await expect(s.getByRole('row', { name: '振込手数料' })).toContainText('160円');
  await expect(s.getByRole('row', { name: 'お振込額' })).toContainText('2,570円');
  await expect(s.getByText('ﾔﾏﾀﾞ ﾀﾛｳ')).toBeVisible();
  await s.getByRole('button', { name: '振込を申請する' }).click();
  await expect(s).toHaveURL(/\/sales$/);
  await expect(flash(s, '振込申請を受け付けました。')).toBeVisible();
  await expect(s.locator('#sales-available')).toHaveText('0円');
  const requestRow = section(s, '振込申請の履歴').getByRole('row').nth(1);
  await expect(requestRow).toContainText('申請中');
  await expect(requestRow).toContainText('2,570円');
  const transferDate = (await requestRow.getByRole('cell').nth(4).innerText()).trim();
  expect(transferDate).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(sale).toContainText('申請済み');
  await waitForMail(s.request, sellerMember.email, '振込申請を受け付けました');

  // The operator, in a browser of their own, closes the batch of that transfer date.
  const ops = await newPersonPage(browser, baseURL);
  const o = ops.page;
  await signIn(o, OPERATOR.email, OPERATOR.password);
  await o.goto('/operator/payouts');
  await expect(o.getByRole('heading', { level: 1, name: '振込管理' })).toBeVisible();
  const day = o.getByRole('region', { name: `振込日 ${transferDate}` });
  await expect(day).toContainText('2,570円');
  await day.getByRole('button', { name: '締めてバッチを作成' }).click();
  await expect(o).toHaveURL(/\/operator\/payouts\/batches\/\d+$/);

  // The 全銀 file: 120-byte records, each with CRLF, starting with the header record (1, 21).
  const [download] = await Promise.all([
    o.waitForEvent('download'),
    o.getByRole('link', { name: '全銀ファイルをダウンロード' }).click(),
  ]);
  const file = readFileSync(await download.path());
  expect(file.length).toBeGreaterThan(0);
  expect(file.length % 122).toBe(0);
  expect(file.subarray(0, 3).toString('latin1')).toBe('121');
  for (let at = 120; at < file.length; at += 122) {
    expect(file.subarray(at, at + 2).toString('latin1')).toBe('\r\n');
  }
  // Header, at least one data record, trailer, end record.
  expect(file.length / 122).toBeGreaterThanOrEqual(4);
  expect(file.subarray(file.length - 122, file.length - 121).toString('latin1')).toBe('9');

  await o.getByRole('button', { name: '振込済みにする' }).click();
  await expect(flash(o, 'バッチを振込済みにしました。')).toBeVisible();

  // The seller sees the payout transferred, and is told by mail.
  await s.goto('/sales');
  await expect(section(s, '振込申請の履歴').getByRole('row').nth(1)).toContainText('振込済み');
  await waitForMail(s.request, sellerMember.email, '売上金をお振り込みしました');

  await ops.context.close();
  await seller.context.close();
});
