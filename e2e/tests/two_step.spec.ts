// Two-step sign-in (二段階認証) in a real browser: the member sets it up from the QR code page,
// reading the secret shown in text and computing codes as an authenticator app would (RFC 6238
// with node:crypto); signs in with a code after the password; uses a recovery code once (the
// second use is refused); is asked for the password and a code again before changing the bank
// account; and turns it off with the password and a code.
import { expect, test, type Page } from '@playwright/test';
import { flash, header, registerConfirmedMember, signOut } from '../helpers/flows.ts';
import { waitForMail } from '../helpers/mail.ts';
import { freshCode, reauthenticate } from '../helpers/two_step.ts';

/** Signs in with the password; two-step sign-in then asks for the code. */
async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page).toHaveURL(/\/login\/two-step/);
  await expect(page.getByRole('heading', { level: 1, name: '二段階認証' })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
}

async function codeStep(page: Page, code: string): Promise<void> {
  await page.getByLabel('確認コード').fill(code);
  await page.getByRole('button', { name: '確認してログイン' }).click();
}

test('two-step sign-in: set up from the QR page, sign in with codes and a recovery code, re-authenticate, turn off', async ({ page }) => {
  // Codes of three different 30-second steps: up to half a minute of waiting.
  test.setTimeout(120_000);
  const member = await registerConfirmedMember(page, 'totp');
  const used = { step: 0 };

  // Set-up: the QR code drawn on the server and the secret in text.
  await page.goto('/settings/two-step');
  await expect(page.getByRole('heading', { level: 1, name: '二段階認証' })).toBeVisible();
  await expect(page.getByRole('img', { name: '認証アプリに登録するためのQRコード' })).toBeVisible();
  const secret = (await page.locator('#two-step-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // Turning it on needs the password; a wrong code changes nothing.
  await page.getByLabel('現在のパスワード').fill(member.password);
  await page.getByLabel('確認コード').fill('000000');
  await page.getByRole('button', { name: '二段階認証を有効にする' }).click();
  await expect(page.getByRole('alert')).toContainText('コードが正しくないか');
  await page.getByLabel('現在のパスワード').fill(member.password);
  await page.getByLabel('確認コード').fill(await freshCode(secret, used));
  await page.getByRole('button', { name: '二段階認証を有効にする' }).click();
  await expect(flash(page, '二段階認証を有効にしました。')).toBeVisible();
  const recovery = await page.locator('#recovery-codes code').allInnerTexts();
  expect(recovery).toHaveLength(10);
  for (const code of recovery) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await waitForMail(page.request, member.email, '二段階認証が有効になりました');

  // Signing in: the password, then the code.
  await signOut(page);
  await passwordStep(page, member.email, member.password);
  await page.getByLabel('確認コード').fill('123456');
  await page.getByRole('button', { name: '確認してログイン' }).click();
  await expect(page.getByRole('alert')).toContainText('コードが正しくないか');
  await codeStep(page, await freshCode(secret, used));
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();

  // A recovery code works once; its second use is refused.
  await signOut(page);
  await passwordStep(page, member.email, member.password);
  await codeStep(page, recovery[0]);
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await signOut(page);
  await passwordStep(page, member.email, member.password);
  await codeStep(page, recovery[0]);
  await expect(page.getByRole('alert')).toContainText('コードが正しくないか');
  await codeStep(page, recovery[1]);
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await page.goto('/settings/two-step');
  await expect(page.getByText('未使用のリカバリーコード: 8個')).toBeVisible();

  // The bank account: the password and a code again before the form is offered.
  await page.goto('/settings/bank');
  await expect(page.locator('#reauth-needed')).toBeVisible();
  await expect(page.getByRole('button', { name: '口座を登録する' })).toHaveCount(0);
  await page.getByRole('link', { name: '本人確認をして続ける' }).click();
  await page.getByLabel('現在のパスワード').fill(member.password);
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByRole('alert')).toContainText('6桁のコードを入力してください');
  await page.goto('/settings/bank');
  await reauthenticate(page, member.password, await freshCode(secret, used));
  await expect(page).toHaveURL(/\/settings\/bank$/);
  await page.getByLabel('金融機関コード（4桁）').fill('0001');
  await page.getByLabel('支店コード（3桁）').fill('001');
  await page.getByRole('radio', { name: '普通' }).check();
  await page.getByLabel('口座番号（7桁）').fill('2718281');
  await page.getByLabel('口座名義（カナ）').fill('ニダン タロウ');
  await page.getByRole('button', { name: '口座を登録する' }).click();
  await expect(flash(page, '振込先口座を登録しました。')).toBeVisible();
  await waitForMail(page.request, member.email, '振込先口座が変更されました');

  // Turning it off needs the password and a code (here a recovery code, which counts as one).
  await page.goto('/settings/two-step');
  await page.getByLabel('現在のパスワード').fill(member.password);
  await page.getByLabel('確認コード').fill('000000');
  await page.getByRole('button', { name: '二段階認証を無効にする' }).click();
  await expect(page.getByRole('alert')).toContainText('コードが正しくないか');
  await page.getByLabel('現在のパスワード').fill(member.password);
  await page.getByLabel('確認コード').fill(recovery[2]);
  await page.getByRole('button', { name: '二段階認証を無効にする' }).click();
  await expect(flash(page, '二段階認証を無効にしました。')).toBeVisible();
  await expect(page.getByRole('img', { name: '認証アプリに登録するためのQRコード' })).toBeVisible();

  // Signing in is one step again.
  await signOut(page);
  await page.goto('/login');
  await page.getByLabel('メールアドレス', { exact: true }).fill(member.email);
  await page.getByLabel('パスワード', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
});
