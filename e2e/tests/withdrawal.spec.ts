// Withdrawal (退会) in a real browser, first part: finding the page and seeing where one stands.
// A seller with an order in progress opens 退会 from the site footer and sees the order as a
// blocker, linked to the order; after delivery the page shows when auto-approval clears it; the
// buyer (in a browser of their own) approves, and the page then says that nothing blocks the
// withdrawal and shows the sales balance that would be forfeited, in yen, with the way to request
// it first. While something blocks, the confirm form offers only to schedule the withdrawal;
// once nothing does, it offers 「退会する」 and asks to acknowledge the balance by its amount
// (a wrong password or an unticked amount is refused, and nothing changes). The rest of the
// life cycle (payout, withdrawal, erasure, undo) is in withdrawal_lifecycle.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

function footer(page: Page) {
  return page.getByRole('navigation', { name: 'フッターメニュー' });
}

/** A section of the withdrawal page, by its heading. */
function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test('a seller sees the order that blocks withdrawal; once it is approved nothing does, and the balance is shown', async ({
  page,
  browser,
  baseURL,
}) => {
  // A seller (own browser) with a ¥3,500 service, bought by a buyer (this page) with a test card.
  const seller = await newPersonPage(browser, baseURL);
  const s = seller.page;
  const leaver = await registerConfirmedMember(s, 'leaver');
  const title = `名刺デザイン（退会テスト） ${uniqueMarker()}`;
  const serviceId = await createPublished(s, meishiService(title));
  await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);

  // From any page, two clicks: the footer link, and the page is there.
  await s.goto('/orders');
  await footer(s).getByRole('link', { name: '退会について', exact: true }).click();
  await expect(s).toHaveURL(/\/settings\/withdrawal$/);
  await expect(s.getByRole('heading', { level: 1, name: '退会', exact: true })).toBeVisible();
  await expect(s.getByRole('navigation', { name: '設定メニュー' }).getByRole('link', { name: '退会', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // The order in progress blocks, with a link to it; the delivery is the seller's to make.
  const check = section(s, '退会の前に確認すること');
  await expect(check).toContainText('次の1件が終わるまでは退会できません。');
  const blocker = check.getByRole('listitem').filter({ hasText: '販売中の取引' });
  await expect(blocker).toHaveCount(1);
  await expect(blocker).toContainText('状態: 作業中');
  await expect(blocker).toContainText('納品など、あなたの対応が必要です');
  const link = blocker.getByRole('link', { name: title });
  await expect(link).toHaveAttribute('href', `/orders/${orderId}`);
  // Blocked: the form can only schedule the withdrawal.
  const confirm = section(s, '退会の手続き');
  await expect(confirm).toContainText('いまはまだ退会できませんが、退会を予約できます。');
  await expect(confirm.getByRole('button', { name: '退会を予約する', exact: true })).toBeVisible();
  await expect(confirm.getByRole('button', { name: '退会する', exact: true })).toHaveCount(0);

  // The link leads to the order, where the seller delivers.
  await link.click();
  await expect(s).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await deliver(s, '納品いたします。ご確認ください。');

  // Delivered: the blocker clears by itself at the auto-approval, and the page says when.
  await s.goto('/settings/withdrawal');
  await expect(blocker).toContainText('状態: 納品済み（承認待ち）');
  await expect(blocker).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}に自動的に解消されます/);
  await expect(check).toContainText(/このまま何もしなければ、\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}にはすべて解消され/);

  // The buyer approves the delivery in their own browser.
  await openOrder(page, orderId);
  await approve(page);

  // Nothing blocks any more; what remains is the balance: ¥3,500 less the 22 % fee.
  await s.reload();
  await expect(check).toContainText('退会を妨げるものはありません。');
  await expect(check.getByRole('listitem')).toHaveCount(0);
  const forfeits = section(s, '失われるもの');
  await expect(forfeits.getByRole('row', { name: /売上金/ })).toContainText('2,730円');
  await expect(forfeits.getByRole('row', { name: /ポイント/ })).toContainText('0ポイント');
  await expect(forfeits.getByRole('link', { name: '振込申請へ進む' })).toHaveAttribute('href', '/sales/payout');

  // What happens to each kind of data: thirteen rows under the header row.
  await expect(section(s, 'データの扱い').getByRole('row')).toHaveCount(21);
  await expect(section(s, 'あなたが書いたレビューの表示')).toContainText('あなたが書いたレビューはまだありません。');

  // The confirm form: reasons, the balance to acknowledge by its amount, the grace period by
  // default, the password, and 「退会する」.
  await expect(confirm).toContainText('パスワードを入力して「退会する」を押してください。');
  await expect(confirm.getByRole('button', { name: '退会を予約する' })).toHaveCount(0);
  await expect(confirm.getByRole('group', { name: '退会の理由（任意・複数選べます）' }).getByRole('checkbox')).toHaveCount(6);
  const acknowledge = confirm.getByRole('group', { name: '放棄する金額の確認' });
  await expect(acknowledge.getByRole('checkbox')).toHaveCount(1);
  await expect(acknowledge.getByRole('checkbox', { name: '売上金2,730円を放棄することを確認しました' })).not.toBeChecked();
  await expect(confirm.getByRole('radio', { name: '14日間の猶予期間を置く' })).toBeChecked();
  await expect(confirm.getByRole('radio', { name: 'すぐに削除する' })).not.toBeChecked();

  // A wrong password is refused, with the ticked reasons kept and the password field marked.
  const password = confirm.getByLabel('パスワード', { exact: true });
  await confirm.getByRole('checkbox', { name: '売れない', exact: true }).check();
  await password.fill('not-my-password-1');
  await confirm.getByRole('button', { name: '退会する', exact: true }).click();
  await expect(s).toHaveURL(/\/settings\/withdrawal$/);
  await expect(s.getByRole('alert')).toContainText('パスワードが正しくありません。');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveValue('');
  await expect(confirm.getByRole('checkbox', { name: '売れない', exact: true })).toBeChecked();

  // The right password without the amount ticked is refused too: nothing is forfeited unseen.
  await password.fill(leaver.password);
  await confirm.getByRole('button', { name: '退会する', exact: true }).click();
  await expect(s).toHaveURL(/\/settings\/withdrawal$/);
  await expect(s.getByRole('alert')).toContainText('放棄する売上金2,730円を確認し、チェックを入れてください。');
  await expect(acknowledge.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
  await s.goto('/settings/withdrawal');
  await expect(check).toContainText('退会を妨げるものはありません。');
  await expect(confirm.getByRole('button', { name: '退会する', exact: true })).toBeVisible();

  await seller.context.close();
});
