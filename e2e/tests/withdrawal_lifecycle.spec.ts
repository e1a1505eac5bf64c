// Withdrawal (退会) from start to end, in real browsers.
//
// 1. A seller with an order in progress sees it block; the buyer approves the delivery and the
//    seller reviews the buyer; the seller follows the page's payout link, registers a bank
//    account, requests the balance, and the operator transfers it; nothing blocks any more and
//    nothing is forfeited; the seller follows the page's advice and downloads their data (the
//    archive, see export.spec.ts); the seller withdraws with a reason, a comment and 「すぐに削除する」,
//    and lands on the done page with the erasure receipt. Within seconds the purge has run: the
//    buyer still has the order and the seller's review of them, by 「退会したユーザー」, with no
//    trace of the seller's name; the operator's statistics count the reason and show the
//    comment; and the same e-mail address can sign up again.
// 2. A member who keeps the grace period signs in again with the same password: the withdrawal
//    is undone and the account works.
// 3. The privacy policy, from the footer, shows the same data table as the withdrawal page.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR } from '../helpers/accounts.ts';
import { downloadArchive, requestArchive, waitUntilReady } from '../helpers/export.ts';
import { flash, header, newPersonPage, registerConfirmedMember, signIn, submitSignUp } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { listMail, waitForMail } from '../helpers/mail.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase, writeReview } from '../helpers/orders.ts';
import { reauthenticate } from '../helpers/two_step.ts';

/** A section of a page, by its heading. */
function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

function footer(page: Page) {
  return page.getByRole('navigation', { name: 'フッターメニュー' });
}

const CLOSED_SUBJECT = '【よろず】退会の手続きが完了しました';

test('a seller is paid out, withdraws with erasure at once; the buyer keeps the order and the review, and the address is free again', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);

  // A seller (own browser) with a ¥3,500 service, bought by a buyer (this page).
  const seller = await newPersonPage(browser, baseURL);
  const s = seller.page;
  const leaver = await registerConfirmedMember(s, 'leaver');
  const title = `名刺デザイン（退会の流れ） ${uniqueMarker()}`;
  const serviceId = await createPublished(s, meishiService(title));
  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);

  // The order in progress blocks the withdrawal; the form can only schedule it.
  await s.goto('/settings/withdrawal');
  const check = section(s, '退会の前に確認すること');
  const confirm = section(s, '退会の手続き');
  await expect(check.getByRole('listitem').filter({ hasText: '販売中の取引' }).getByRole('link', { name: title })).toHaveAttribute(
    'href',
    `/orders/${orderId}`,
  );
  await expect(confirm.getByRole('button', { name: '退会を予約する', exact: true })).toBeVisible();
  await expect(confirm.getByRole('button', { name: '退会する', exact: true })).toHaveCount(0);

  // Delivered, approved by the buyer; the seller reviews the buyer.
  await openOrder(s, orderId);
  await deliver(s, '納品いたします。ご確認ください。');
  await openOrder(page, orderId);
  await approve(page);
  const review = `迅速なご連絡ありがとうございました ${uniqueMarker('rv')}`;
  await openOrder(s, orderId);
  await writeReview(s, 5, review);

  // Nothing blocks now, but the balance would be forfeited; the review is previewed as it will
  // look after the withdrawal.
  await s.goto('/settings/withdrawal');
  await expect(check).toContainText('退会を妨げるものはありません。');
  const forfeits = section(s, '失われるもの');
  await expect(forfeits.getByRole('row', { name: /売上金/ })).toContainText('2,730円');
  const preview = section(s, 'あなたが書いたレビューの表示');
  await expect(preview).toContainText(review);
  await expect(preview).toContainText('投稿者: 退会したユーザー');
  await expect(preview).not.toContainText(leaver.displayName);

  // The page's payout link: no bank account yet, so the payout page leads to the bank settings.
  await forfeits.getByRole('link', { name: '振込申請へ進む' }).click();
  await expect(s).toHaveURL(/\/sales\/payout$/);
  await expect(s.getByRole('heading', { level: 2, name: '現在は振込申請できません' })).toBeVisible();
  await s.getByRole('link', { name: '振込先口座を登録する' }).click();
  await expect(s).toHaveURL(/\/settings\/bank$/);
  await reauthenticate(s, leaver.password);
  await s.getByLabel('金融機関コード（4桁）').fill('0001');
  await s.getByLabel('支店コード（3桁）').fill('001');
  await s.getByRole('radio', { name: '普通' }).check();
  await s.getByLabel('口座番号（7桁）').fill('7654321');
  await s.getByLabel('口座名義（カナ）').fill('タイカイ ハナコ');
  await s.getByRole('button', { name: '口座を登録する' }).click();
  await expect(flash(s, '振込先口座を登録しました。')).toBeVisible();

  // Back to the withdrawal page, and on to the payout request for the whole balance.
  await s.goto('/settings/withdrawal');
  await forfeits.getByRole('link', { name: '振込申請へ進む' }).click();
  await expect(s.getByRole('heading', { level: 1, name: '振込申請の確認' })).toBeVisible();
  await expect(s.getByRole('row', { name: '申請額' })).toContainText('2,730円');
  await s.getByRole('button', { name: '振込を申請する' }).click();
  await expect(flash(s, '振込申請を受け付けました。')).toBeVisible();
  const requestRow = section(s, '振込申請の履歴').getByRole('row').nth(1);
  await expect(requestRow).toContainText('申請中');
  const transferDate = (await requestRow.getByRole('cell').nth(4).innerText()).trim();
  expect(transferDate).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);

  // The request not yet transferred blocks the withdrawal; the balance is gone from the page.
  await s.goto('/settings/withdrawal');
  const payoutBlocker = check.getByRole('listitem').filter({ hasText: '振込前の振込申請' });
  await expect(payoutBlocker).toContainText('状態: 申請中');
  await expect(payoutBlocker.getByRole('link', { name: '売上管理で確認する' })).toBeVisible();
  await expect(forfeits.getByRole('row', { name: /売上金/ })).toContainText('0円');
  await expect(confirm.getByRole('button', { name: '退会を予約する', exact: true })).toBeVisible();

  // The operator, in a browser of their own, closes that transfer date's batch and transfers it.
  const ops = await newPersonPage(browser, baseURL);
  const o = ops.page;
  await signIn(o, OPERATOR.email, OPERATOR.password);
  await o.goto('/operator/payouts');
  await o.getByRole('region', { name: `振込日 ${transferDate}` }).getByRole('button', { name: '締めてバッチを作成' }).click();
  await expect(o).toHaveURL(/\/operator\/payouts\/batches\/\d+$/);
  await o.getByRole('button', { name: '振込済みにする' }).click();
  await expect(flash(o, 'バッチを振込済みにしました。')).toBeVisible();

  // Nothing blocks and nothing is forfeited: no payout link, no amount to acknowledge.
  await s.reload();
  await expect(check).toContainText('退会を妨げるものはありません。');
  await expect(check.getByRole('listitem')).toHaveCount(0);
  await expect(forfeits.getByRole('row', { name: /売上金/ })).toContainText('0円');
  await expect(forfeits.getByRole('row', { name: /ポイント/ })).toContainText('0ポイント');
  await expect(forfeits.getByRole('link', { name: '振込申請へ進む' })).toHaveCount(0);
  await expect(confirm.getByRole('group', { name: '放棄する金額の確認' })).toHaveCount(0);
  await expect(confirm.getByRole('checkbox', { name: /を放棄することを確認しました$/ })).toHaveCount(0);

  // Downloading one's data before leaving, as the page advises: its link leads to the export
  // page, where the archive is asked for, built (the page refreshes itself) and downloaded.
  await s.getByText('退会の前に、データをダウンロードして保存しておくことをおすすめします。').getByRole('link', { name: 'データのダウンロード', exact: true }).click();
  await expect(s).toHaveURL(/\/settings\/export$/);
  await requestArchive(s);
  await waitUntilReady(s);
  const archive = await downloadArchive(s);
  expect(archive.suggestedFilename()).toMatch(/^yorozu-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const zipBytes = readFileSync(await archive.path());
  expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await s.goto('/settings/withdrawal');
  await expect(check).toContainText('退会を妨げるものはありません。');

  // The withdrawal: a reason, a comment, erasure at once, the password.
  const comment = `手数料が高く、売上が残りにくいと感じました ${uniqueMarker('cm')}`;
  await confirm.getByRole('checkbox', { name: '手数料が高い', exact: true }).check();
  await confirm.getByLabel('ご意見（任意）').fill(comment);
  await confirm.getByRole('radio', { name: 'すぐに削除する' }).check();
  await confirm.getByLabel('パスワード', { exact: true }).fill(leaver.password);
  await confirm.getByRole('button', { name: '退会する', exact: true }).click();

  // The done page: signed out, erasure started, no undo, and the receipt (12 kinds of data).
  await expect(s).toHaveURL(/\/withdrawal\/done\?r=/);
  await expect(s.getByRole('heading', { level: 1, name: '退会の手続きが完了しました' })).toBeVisible();
  await expect(s.getByRole('main')).toContainText('ご希望どおり、あなたのデータの削除を始めました。退会を取り消すことはできません。');
  await expect(s.getByRole('main')).not.toContainText('退会を取り消してアカウントを元に戻せます');
  const receipt = section(s, '削除内容の控え');
  await expect(receipt.getByRole('row')).toHaveCount(21);
  await expect(receipt.getByRole('row', { name: /^メールアドレス/ })).toContainText('再登録に使えるようになります');
  await expect(receipt.getByRole('row', { name: /^あなたが書いた評価/ })).toContainText('あなたの名前を外して保管');
  await expect(header(s).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
  await expect(header(s).getByRole('button', { name: 'ログアウト' })).toHaveCount(0);

  // Within seconds the purge has run. It erases the local mailbox's copies of the seller's mail
  // too (the closing mail, sent just before, included), so the empty mailbox is the sign here;
  // the closing mail itself is checked in the grace-period test below.
  await expect
    .poll(async () => (await listMail(s.request)).filter((m) => m.to.toLowerCase() === leaver.email.toLowerCase()).length, {
      timeout: 20_000,
    })
    .toBe(0);

  // The buyer still has the order: the seller is 「退会したユーザー」 there, the review of the
  // buyer stays, and the seller's name is nowhere on the page.
  await expect(async () => {
    await openOrder(page, orderId);
    await expect(page.getByRole('main')).not.toContainText(leaver.displayName, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('region', { name: title })).toContainText('退会したユーザー');
  const sellersReview = page.getByRole('article', { name: '出品者からの評価' });
  await expect(sellersReview).toContainText(review);
  await expect(sellersReview.getByRole('img', { name: '5段階中5' })).toBeVisible();
  // The seller's profile is gone.
  expect((await page.request.get(`/users/${leaver.id}`)).status()).toBe(404);

  // The operator's statistics count the reason and show the comment, with no one's name.
  await o.goto('/operator/withdrawals');
  await expect(o.getByRole('heading', { level: 1, name: '退会の統計' })).toBeVisible();
  const chart = section(o, '退会の理由').getByRole('img', { name: /^月ごとの退会の理由（直近\d+か月）/ });
  await expect(chart).toBeVisible();
  // The chart's numbers as a table: the 合計 row counts 手数料が高い at least once.
  const numbers = section(o, '退会の理由').getByRole('table', { name: /^月ごとの退会の理由/ });
  const columns = await numbers.getByRole('columnheader').allInnerTexts();
  const feesColumn = columns.map((c) => c.trim()).indexOf('手数料が高い');
  expect(feesColumn).toBeGreaterThan(0);
  const feesTotal = await numbers.getByRole('row', { name: /^合計/ }).getByRole('cell').nth(feesColumn - 1).innerText();
  expect(Number(feesTotal.trim())).toBeGreaterThanOrEqual(1);
  await expect(section(o, '最近のご意見')).toContainText(comment);
  await expect(o.getByRole('main')).not.toContainText(leaver.email);

  // The same address signs up again (once the purge has freed it), as a new account.
  const again = { email: leaver.email, password: `${leaver.password}-2`, displayName: `${leaver.displayName}再` };
  await expect(async () => {
    await submitSignUp(s, again);
    await expect(flash(s, '会員登録が完了しました。')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(header(s).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  expect(await header(s).getByRole('link', { name: 'マイページ' }).getAttribute('href')).not.toBe(`/users/${leaver.id}`);

  await ops.context.close();
  await seller.context.close();
});

test('a member who keeps the grace period undoes the withdrawal by signing in again', async ({ page }) => {
  const m = await registerConfirmedMember(page, 'returner');

  // Nothing blocks and nothing is forfeited: withdraw with the default grace period.
  await page.goto('/settings/withdrawal');
  const confirm = section(page, '退会の手続き');
  await expect(confirm.getByRole('radio', { name: '14日間の猶予期間を置く' })).toBeChecked();
  await confirm.getByRole('checkbox', { name: '使わなくなった', exact: true }).check();
  await confirm.getByLabel('パスワード', { exact: true }).fill(m.password);
  await confirm.getByRole('button', { name: '退会する', exact: true }).click();

  // The done page gives the erasure date and says that signing in undoes it.
  await expect(page).toHaveURL(/\/withdrawal\/done\?r=/);
  const done = page.getByRole('main');
  await expect(done).toContainText(/あなたのデータは\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}に削除します。/);
  await expect(done).toContainText('それまでにこれまでのメールアドレスとパスワードでログインすると、退会を取り消してアカウントを元に戻せます。');
  await expect(section(page, '削除内容の控え').getByRole('row')).toHaveCount(21);
  const closing = await waitForMail(page.request, m.email, CLOSED_SUBJECT);
  expect(closing.body_text).toContain('退会を取り消してアカウントを元に戻せます');

  // Signed out: the settings ask for a sign-in.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login/);

  // Signing in with the same password reopens the account (the page says only 「ログインしました。」;
  // the mail says the withdrawal was undone).
  await signIn(page, m.email, m.password);
  await expect(flash(page, 'ログインしました。')).toBeVisible();
  await waitForMail(page.request, m.email, '【よろず】退会を取り消しました');
  expect(await header(page).getByRole('link', { name: 'マイページ' }).getAttribute('href')).toBe(`/users/${m.id}`);

  // The account works: its settings load, and the withdrawal page offers the form again.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/settings/);
  await expect(page.getByRole('navigation', { name: '設定メニュー' })).toBeVisible();
  await page.goto('/settings/withdrawal');
  await expect(section(page, '退会の手続き').getByRole('button', { name: '退会する', exact: true })).toBeVisible();
  expect((await page.request.get(`/users/${m.id}`)).status()).toBe(200);
});

test('the privacy policy, from the footer, tells what becomes of each kind of data', async ({ page }) => {
  await page.goto('/');
  await footer(page).getByRole('link', { name: 'プライバシーポリシー' }).click();
  await expect(page).toHaveURL(/\/legal\/privacy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'プライバシーポリシー' })).toBeVisible();
  const data = section(page, 'データの種類と、退会したときの扱い');
  // Thirteen kinds of data under the header row, the same as on the withdrawal page.
  await expect(data.getByRole('row')).toHaveCount(21);
  await expect(data.getByRole('row', { name: /^支払い・売上・振込の会計記録/ })).toContainText('個人を特定できない形で保管');
  await data.getByRole('link', { name: '退会について' }).click();
  // Not signed in: the withdrawal page asks for a sign-in first.
  await expect(page).toHaveURL(/\/login/);
});
