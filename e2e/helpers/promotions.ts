// Operator steps for points and coupons, done through the operator console's forms with the
// Japanese labels the browser shows. Each helper signs in as the operator in the given page
// (signing out a member who is signed in there first), so pass a page of its own context when
// the test's member must stay signed in elsewhere.
import { expect, type Page } from '@playwright/test';
import { OPERATOR } from './accounts.ts';
import { flash, header, signOut } from './flows.ts';

export interface CouponSpec {
  /** The code members enter (letters, digits, hyphens; stored upper-case). */
  code: string;
  /** The name shown with the discount; defaults to a title made from the code. */
  title?: string;
  /** Yen off the order. */
  discount: number;
  /** The smallest order (yen) the coupon applies to. */
  minOrder: number;
  /** Days the coupon is valid from now; 30 unless given. */
  validDays?: number;
}

export interface PointsGrant {
  /** The member's email address. */
  email: string;
  /** Points to grant (1 point = ¥1). */
  amount: number;
  /** The note the member sees in the points history. */
  note: string;
}

/** Opens an operator page, signing in as the operator first where needed. */
async function openAsOperator(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  const title = page.getByRole('heading', { level: 1, name: heading });
  if (await title.isVisible()) return;
  // Signed in as someone else (403): sign out first.
  if (await header(page).getByRole('button', { name: 'ログアウト' }).isVisible()) {
    await signOut(page);
    await page.goto(path);
  }
  // Not signed in: the page sends us to /login?next=…, which leads back after signing in.
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('メールアドレス', { exact: true }).fill(OPERATOR.email);
  await page.getByLabel('パスワード', { exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  if (!(await title.isVisible())) await page.goto(path);
  await expect(title).toBeVisible();
}

/** Creates a coupon at /operator/coupons and waits until the list shows it. */
export async function createCoupon(page: Page, c: CouponSpec): Promise<void> {
  await openAsOperator(page, '/operator/coupons', 'クーポン');
  const form = page.getByRole('form', { name: 'クーポンを作成' });
  await form.getByLabel('クーポンコード').fill(c.code);
  await form.getByLabel('タイトル').fill(c.title ?? `テストクーポン ${c.code}`);
  await form.getByLabel('割引額（円）').fill(String(c.discount));
  await form.getByLabel('最低注文金額（円）').fill(String(c.minOrder));
  await form.getByLabel('有効日数').fill(String(c.validDays ?? 30));
  await form.getByRole('button', { name: 'クーポンを作成する' }).click();
  await expect(flash(page, 'クーポンを作成しました')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'クーポン一覧' }).getByRole('row').filter({ hasText: c.code.toUpperCase() }),
  ).toBeVisible();
}

/** Grants points to a member at /operator/points and waits for the success notice. */
export async function grantPoints(page: Page, g: PointsGrant): Promise<void> {
  await openAsOperator(page, '/operator/points', 'ポイント付与');
  const form = page.getByRole('form', { name: 'ポイントを付与' });
  await form.getByLabel('会員のメールアドレス').fill(g.email);
  await form.getByLabel('付与するポイント').fill(String(g.amount));
  await form.getByLabel('メモ').fill(g.note);
  await form.getByRole('button', { name: 'ポイントを付与する' }).click();
  await expect(flash(page, 'ポイントを付与しました')).toBeVisible();
}
