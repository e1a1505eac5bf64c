// Cross-site request forgery protection and sign-in gates, as a browser meets them.
import { expect, test } from '@playwright/test';
import { header, newMember, signUp } from '../helpers/flows.ts';

const CSRF_MESSAGE = 'フォームの有効期限が切れたか、不正な送信です。';

test('a form POST without the CSRF token is refused with 403', async ({ page }) => {
  const m = newMember('csrf');
  await signUp(page, m);

  // The browser's own cookies (session and CSRF cookie) travel with page.request; only the
  // token in the form is missing.
  const missing = await page.request.post('/settings/profile', {
    form: { display_name: '乗っ取り', introduction: '書き換えられました' },
  });
  expect(missing.status()).toBe(403);
  expect(await missing.text()).toContain(CSRF_MESSAGE);

  const wrong = await page.request.post('/logout', { form: { _csrf: 'x'.repeat(43) } });
  expect(wrong.status()).toBe(403);

  // A cross-site Origin is refused even with the right token.
  const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
  expect(token).toBeTruthy();
  const crossSite = await page.request.post('/logout', {
    form: { _csrf: token! },
    headers: { Origin: 'https://evil.example' },
  });
  expect(crossSite.status()).toBe(403);

  // Nothing happened: still signed in, profile unchanged.
  await page.goto('/settings/profile');
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.getByLabel(/表示名/)).toHaveValue(m.displayName);

  // A form sent from the page itself (with the token) works.
  await header(page).getByRole('button', { name: 'ログアウト' }).click();
  await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
});

test('signed-out access to /settings/profile redirects to /login and back after signing in', async ({ page }) => {
  const m = newMember('gate');
  await signUp(page, m);
  await header(page).getByRole('button', { name: 'ログアウト' }).click();
  await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();

  await page.goto('/settings/profile');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fprofile$/);
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();

  await page.getByLabel('メールアドレス').fill(m.email);
  await page.getByLabel('パスワード', { exact: true }).fill(m.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
});

test('the login page does not redirect to another site after signing in', async ({ page, baseURL }) => {
  const m = newMember('next');
  await signUp(page, m);
  await header(page).getByRole('button', { name: 'ログアウト' }).click();
  await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();

  await page.goto('/login?next=//evil.example/phish');
  await page.getByLabel('メールアドレス').fill(m.email);
  await page.getByLabel('パスワード', { exact: true }).fill(m.password);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('captured mail needs the mailbox key printed at start, and /metrics is not public', async ({ browser, baseURL }) => {
  // A stranger's browser: no key, no operator session.
  const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
  try {
    const page = await context.newPage();
    for (const path of ['/mailbox', '/mailbox.json', '/mailbox?key=wrong-key-0123456789']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
    await expect(page.getByText('サーバー起動時に表示された受信箱のリンク')).toBeVisible();
    expect((await context.request.get('/metrics')).status()).toBe(404);
  } finally {
    await context.close();
  }
});
