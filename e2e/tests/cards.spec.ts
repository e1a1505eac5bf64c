// Payment cards (お支払い方法): adding a sandbox card, a declined card, deleting a card.
import { expect, test } from '@playwright/test';
import { flash, registerConfirmedMember } from '../helpers/flows.ts';

const expiry = `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

test('a member adds a card, a declined card is refused, and the card can be deleted', async ({ page }) => {
  await registerConfirmedMember(page, 'cards');

  await page.goto('/settings/cards');
  await expect(page.getByRole('heading', { level: 1, name: 'お支払い方法' })).toBeVisible();
  await expect(page.getByText('よろずはカード番号を保存しません。')).toBeVisible();
  const sandbox = page.getByRole('region', { name: 'テスト環境のお知らせ' });
  await expect(sandbox).toContainText('4242 4242 4242 4242');
  await expect(sandbox).toContainText('4000 0000 0000 0002');
  await expect(page.getByText('登録されているカードはありません。')).toBeVisible();

  const number = page.getByLabel('カード番号', { exact: true });
  await expect(number).toHaveAttribute('autocomplete', 'cc-number');
  await expect(number).toHaveAttribute('inputmode', 'numeric');

  // A declined card: the message is shown, the number is not echoed back, the expiry is kept.
  await number.fill('4000 0000 0000 0002');
  await page.getByLabel('有効期限（月/年）').fill(expiry);
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByRole('button', { name: 'カードを登録する' }).click();
  await expect(page.getByRole('alert')).toContainText('このカードはご利用になれませんでした。');
  await expect(page.getByLabel('カード番号', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('カード番号', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('有効期限（月/年）')).toHaveValue(expiry);
  await expect(page.getByLabel('セキュリティコード')).toHaveValue('');
  await expect(page.getByText('登録されているカードはありません。')).toBeVisible();

  // A card that succeeds.
  await page.getByLabel('カード番号', { exact: true }).fill('4242 4242 4242 4242');
  await page.getByLabel('セキュリティコード').fill('123');
  await page.getByRole('button', { name: 'カードを登録する' }).click();
  await expect(flash(page, 'カードを登録しました。')).toBeVisible();
  const list = page.getByRole('region', { name: '登録済みのカード' });
  await expect(list.getByRole('heading', { name: 'Visa •••• 4242' })).toBeVisible();
  await expect(list).toContainText(expiry);
  await expect(list).not.toContainText('0002');

  // Deleting it.
  await list.getByRole('button', { name: 'Visa（末尾 4242）のカードを削除する' }).click();
  await expect(flash(page, 'カードを削除しました。')).toBeVisible();
  await expect(page.getByText('登録されているカードはありません。')).toBeVisible();
});

test('the cards page needs sign-in', async ({ page }) => {
  await page.goto('/settings/cards');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fcards/);
});
