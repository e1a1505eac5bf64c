// Points and coupons: the operator grants points and the member sees them (with their expiry) on
// /settings/points; the operator creates a coupon, sees it in the list and stops it.
import { expect, test } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { waitForMail } from '../helpers/mail.ts';
import { createCoupon, grantPoints } from '../helpers/promotions.ts';

test('the operator grants points and the member sees them with their expiry', async ({ page, browser, baseURL }) => {
  const member = await registerConfirmedMember(page, 'points');

  // Before: nothing to show, and the page is in the settings menu.
  await page.goto('/settings');
  await page.getByRole('navigation', { name: '設定メニュー' }).getByRole('link', { name: 'ポイント' }).click();
  await expect(page).toHaveURL(/\/settings\/points$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ポイント' })).toBeVisible();
  await expect(page.getByText('現在お持ちのポイントはありません。')).toBeVisible();
  await expect(page.getByText('まだポイントの履歴はありません。')).toBeVisible();

  // The operator, in a browser of their own.
  const operator = await newPersonPage(browser, baseURL);
  await grantPoints(operator.page, { email: member.email, amount: 1500, note: 'キャンペーン参加のお礼' });
  // An unknown address is refused with a message.
  await operator.page.getByLabel('会員のメールアドレス').fill('nobody-here@example.jp');
  await operator.page.getByLabel('付与するポイント').fill('100');
  await operator.page.getByLabel('メモ').fill('テスト');
  await operator.page.getByRole('button', { name: 'ポイントを付与する' }).click();
  await expect(operator.page.getByRole('alert')).toContainText('このメールアドレスの会員は見つかりません。');
  await operator.context.close();

  const mail = await waitForMail(page.request, member.email, '1,500ポイントが付与されました');
  expect(mail.body_text).toContain('キャンペーン参加のお礼');
  expect(mail.body_text).toContain('/settings/points');

  await page.goto('/settings/points');
  const balance = page.getByRole('region', { name: '保有ポイント' });
  await expect(balance).toContainText('1,500ポイント');
  // Granted just now: valid for one year (365 days), shown as a date in Japan time.
  const until = new Date(Date.now() + 365 * 86_400_000 + 9 * 3_600_000);
  const untilText = `${until.getUTCFullYear()}年${until.getUTCMonth() + 1}月${until.getUTCDate()}日`;
  await expect(balance).toContainText(`有効期限: ${untilText}`);
  await expect(balance).toContainText('最後にポイントを獲得した日から1年間です');
  const history = page.getByRole('table', { name: 'ポイント履歴（新しい順）' });
  const row = history.getByRole('row').filter({ hasText: 'キャンペーン参加のお礼' });
  await expect(row).toContainText('付与');
  await expect(row).toContainText('+1,500');
});

test('the operator creates a coupon, sees it listed and stops it; members cannot', async ({ page, browser, baseURL }) => {
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await createCoupon(page, { code, title: 'E2Eテスト用クーポン', discount: 500, minOrder: 3000, validDays: 14 });

  const list = page.getByRole('table', { name: 'クーポン一覧' });
  const row = list.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('E2Eテスト用クーポン');
  await expect(row).toContainText('500円');
  await expect(row).toContainText('3,000円');
  await expect(row).toContainText('0回');
  await expect(row).toContainText('有効');

  // The same code again is refused, and the form keeps what was typed.
  await page.getByLabel('クーポンコード').fill(code.toLowerCase());
  await page.getByLabel('タイトル').fill('二枚目');
  await page.getByLabel('割引額（円）').fill('300');
  await page.getByLabel('最低注文金額（円）').fill('0');
  await page.getByRole('button', { name: 'クーポンを作成する' }).click();
  await expect(page.getByRole('alert')).toContainText('このクーポンコードはすでに使われています。');
  await expect(page.getByLabel('クーポンコード')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('タイトル')).toHaveValue('二枚目');

  await row.getByRole('button', { name: `クーポン ${code} を停止する` }).click();
  await expect(flash(page, 'クーポンを停止しました。')).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: code })).toContainText('停止中');
  await expect(list.getByRole('button', { name: `クーポン ${code} を停止する` })).toHaveCount(0);

  // The operator console links to both pages.
  await page.goto('/operator');
  await expect(page.getByRole('link', { name: 'クーポンを管理する' })).toHaveAttribute('href', '/operator/coupons');
  await expect(page.getByRole('link', { name: 'ポイントを付与する' })).toHaveAttribute('href', '/operator/points');

  // A member gets the forbidden page.
  const other = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(other.page, 'not-operator');
  const response = await other.page.goto('/operator/coupons');
  expect(response?.status()).toBe(403);
  await expect(other.page.getByText(code)).toHaveCount(0);
  await other.context.close();
});
