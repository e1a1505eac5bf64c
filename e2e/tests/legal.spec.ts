// The legal pages a Japanese shop must show: reached from the footer of the home page, with
// the operator's details (the server runs with the demo defaults of YOROZU_BUSINESS_*).
import { expect, test, type Page } from '@playwright/test';

function footer(page: Page) {
  return page.getByRole('navigation', { name: 'フッターメニュー' });
}

test('the footer leads to the terms of service', async ({ page }) => {
  await page.goto('/');
  await footer(page).getByRole('link', { name: '利用規約' }).click();
  await expect(page).toHaveURL(/\/legal\/terms$/);
  await expect(page.getByRole('heading', { level: 1, name: '利用規約' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '第1条（適用）' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '第11条（準拠法・管轄）' })).toBeVisible();
  await expect(page.getByText('制定日：2026年11月24日')).toBeVisible();

  // The table of contents jumps to an article.
  await page.getByRole('navigation', { name: '目次' }).getByRole('link', { name: '第9条（退会）' }).click();
  await expect(page).toHaveURL(/#article-9$/);
  await expect(page.getByRole('region', { name: '第9条（退会）' })).toContainText('いつでも退会');
});

test('the footer leads to the 特定商取引法 disclosures with the operator first', async ({ page }) => {
  await page.goto('/');
  await footer(page).getByRole('link', { name: '特定商取引法に基づく表記' }).click();
  await expect(page).toHaveURL(/\/legal\/tokushoho$/);
  await expect(page.getByRole('heading', { level: 1, name: '特定商取引法に基づく表記' })).toBeVisible();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.first().getByRole('rowheader')).toHaveText('販売事業者');
  await expect(rows.first().getByRole('cell')).toHaveText('よろず株式会社（デモ）');
  await expect(page.getByRole('row', { name: /^メールアドレス/ }).getByRole('link')).toHaveAttribute(
    'href',
    'mailto:support@yorozu.localhost',
  );
  await expect(page.getByRole('row', { name: /^商品代金以外の必要料金/ })).toContainText('5.5%');

  // In English too, from the footer's language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosures under the Act on Specified Commercial Transactions' })).toBeVisible();
  await expect(rows.first().getByRole('rowheader')).toHaveText('Seller (business operator)');
  await expect(rows.first().getByRole('cell')).toHaveText('よろず株式会社（デモ）');
});
