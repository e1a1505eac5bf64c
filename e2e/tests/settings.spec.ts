// The member's other settings pages: account (e-mail and password), devices, API tokens.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { uniqueEmail } from '../helpers/accounts.ts';
import { flash, header, newPersonPage, registerConfirmedMember, signIn, signOut } from '../helpers/flows.ts';
import { extractLink, waitForMail } from '../helpers/mail.ts';

test('changing the e-mail address needs the new address confirmed; the old one is told', async ({ page }) => {
  const m = await registerConfirmedMember(page, 'chmail');
  const newEmail = uniqueEmail('chmail-new');

  await page.goto('/settings/account');
  const current = page.getByRole('region', { name: 'メールアドレス', exact: true });
  await expect(current).toContainText(m.email);
  await expect(current).toContainText('確認済み');

  const change = page.getByRole('region', { name: 'メールアドレスの変更' });
  await change.getByLabel('新しいメールアドレス').fill(newEmail);
  await change.getByLabel('現在のパスワード').fill('not-my-password');
  await change.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByRole('alert')).toContainText('現在のパスワードが正しくありません。');
  await expect(page.getByLabel('新しいメールアドレス')).toHaveValue(newEmail);

  await page.getByRole('region', { name: 'メールアドレスの変更' }).getByLabel('現在のパスワード').fill(m.password);
  await page.getByRole('region', { name: 'メールアドレスの変更' }).getByRole('button', { name: '確認メールを送る' }).click();
  await expect(flash(page, '新しいメールアドレスに確認用のリンクをお送りしました。')).toBeVisible();
  // Until the link is opened, the old address stays.
  await expect(page.getByRole('region', { name: 'メールアドレス', exact: true })).toContainText(m.email);

  const notice = await waitForMail(page.request, m.email, '【よろず】メールアドレス変更のお申し込みがありました');
  expect(notice.body_text).toContain(newEmail);
  const confirm = await waitForMail(page.request, newEmail, '【よろず】新しいメールアドレスの確認');
  await page.goto(extractLink(confirm.body_text, '/account/email/confirm?token='));
  await expect(flash(page, 'メールアドレスを変更しました。')).toBeVisible();
  await expect(page.getByRole('region', { name: 'メールアドレス', exact: true })).toContainText(newEmail);

  // Sign-in now uses the new address.
  await signOut(page);
  await signIn(page, newEmail, m.password);
});

test('changing the password keeps this device and signs out the others', async ({ page, browser, baseURL }) => {
  const m = await registerConfirmedMember(page, 'chpw');
  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await signIn(other, m.email, m.password);

    await page.goto('/settings/account');
    const form = page.getByRole('region', { name: 'パスワードの変更' });
    await form.getByLabel('現在のパスワード').fill(m.password);
    await form.getByLabel('新しいパスワード').fill('short');
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(page.getByRole('alert')).toContainText('パスワードは8文字以上にしてください。');

    const newPassword = `${m.password}-2`;
    await page.getByRole('region', { name: 'パスワードの変更' }).getByLabel('現在のパスワード').fill(m.password);
    await page.getByRole('region', { name: 'パスワードの変更' }).getByLabel('新しいパスワード').fill(newPassword);
    await page.getByRole('region', { name: 'パスワードの変更' }).getByRole('button', { name: 'パスワードを変更する' }).click();
    await expect(flash(page, 'パスワードを変更しました。この端末以外からはログアウトしました。')).toBeVisible();
    await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();

    await other.reload();
    await expect(header(other).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
    await waitForMail(page.request, m.email, '【よろず】パスワードが変更されました');
    await signIn(other, m.email, newPassword);
  } finally {
    await context.close();
  }
});

test('the devices page lists sessions and signs out the other ones', async ({ page, browser, baseURL }) => {
  const m = await registerConfirmedMember(page, 'devices');
  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await signIn(other, m.email, m.password);

    await page.goto('/settings/sessions');
    await expect(page.getByRole('heading', { name: 'ログイン中の端末', level: 1 })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.getByRole('article').filter({ hasText: 'この端末' })).toHaveCount(1);
    await page.getByRole('button', { name: '他のすべての端末からログアウト' }).click();
    await expect(flash(page, 'この端末以外のすべての端末からログアウトしました。')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByText('ほかにログインしている端末はありません。')).toBeVisible();

    await other.reload();
    await expect(header(other).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('an API token is shown once, works against /api/v1/me, and stops working when revoked', async ({ page, baseURL }) => {
  const m = await registerConfirmedMember(page, 'tokens');

  await page.goto('/settings/tokens');
  await expect(page.getByText('まだトークンはありません。')).toBeVisible();
  await page.getByLabel('トークンの名前').fill('売上集計スクリプト');
  // Read only is chosen unless the member asks for more; the password is asked every time.
  await expect(page.getByLabel('読み取りのみ（情報の取得だけができます）')).toBeChecked();
  await page.getByLabel('現在のパスワード').fill('not-my-password');
  await page.getByRole('button', { name: 'トークンを作成する' }).click();
  await expect(page.getByText('現在のパスワードが正しくありません。').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'トークンを作成しました' })).toHaveCount(0);
  await page.getByLabel('現在のパスワード').fill(m.password);
  await page.getByRole('button', { name: 'トークンを作成する' }).click();
  await expect(page.getByRole('heading', { name: 'トークンを作成しました' })).toBeVisible();
  const secret = await page.getByLabel('「売上集計スクリプト」のトークン').inputValue();
  expect(secret.length).toBeGreaterThan(20);

  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const me = await api.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ id: m.id, email: m.email, display_name: m.displayName });
    // Read only: a change is refused.
    const change = await api.delete('/api/v1/me/avatar', { headers: { Authorization: `Bearer ${secret}` } });
    expect(change.status()).toBe(403);
    expect((await change.json()).error.code).toBe('token-read-only');

    // The secret is not shown again.
    await page.goto('/settings/tokens');
    await expect(page.getByRole('heading', { name: 'トークンを作成しました' })).toHaveCount(0);
    await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0);
    const card = page.getByRole('article', { name: '売上集計スクリプト' });
    await expect(card).toBeVisible();
    await expect(card.getByText('読み取りのみ', { exact: true })).toBeVisible();
    await expect(card.getByText('有効期限')).toBeVisible();
    await card.getByRole('button', { name: '「売上集計スクリプト」の有効期限を今日から90日後まで延長する' }).click();
    await expect(flash(page, 'トークンの有効期限を延長しました。')).toBeVisible();
    await card.getByRole('button', { name: '「売上集計スクリプト」を無効にする' }).click();
    await expect(flash(page, 'トークンを無効にしました。このトークンではもうAPIを利用できません。')).toBeVisible();
    await expect(page.getByRole('article', { name: '売上集計スクリプト' })).toHaveCount(0);

    const after = await api.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
  } finally {
    await api.dispose();
  }
});
