// Languages: Japanese by default (the browser asks for ja-JP), English from the footer switch
// (a small form that POSTs, styled as a link), remembered across pages, and back again.
import { expect, test } from '@playwright/test';
import { header, newMember, newPersonPage, signUp } from '../helpers/flows.ts';
import { waitForMail } from '../helpers/mail.ts';

test('switching to English and back changes the pages and the form errors', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();

  // The footer switch keeps the visitor on the same page.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'The language is changed.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Forgot your password?' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Join free' })).toBeVisible();

  // The choice sticks: another page, and a form error, in English.
  await page.goto('/signup');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('E-mail address').fill('hanako@');
  await page.getByLabel('Display name').fill('Hanako');
  await page.getByLabel('Password', { exact: true }).fill('abc');
  await page.getByRole('button', { name: 'Agree and join' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Please check what you entered.');
  await expect(summary).toContainText('This is not a valid e-mail address (for example taro@example.jp).');
  await expect(summary).toContainText('The password must be at least 8 characters.');
  await expect(page.getByLabel('E-mail address')).toHaveValue('hanako@');

  // And back to Japanese.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('status').filter({ hasText: '表示言語を切り替えました。' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '会員登録' })).toBeVisible();
  await page.goto('/login');
  await expect(page.getByLabel('メールアドレス')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログインする' })).toBeVisible();
});

test('an unsupported language gives a 4xx page with a message', async ({ page }) => {
  const res = await page.goto('/lang/fr?next=/login');
  expect(res?.status()).toBeGreaterThanOrEqual(400);
  expect(res?.status()).toBeLessThan(500);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByText('指定された言語には対応していません（日本語・英語に対応しています）。')).toBeVisible();
  await expect(page.getByRole('link', { name: 'トップページへ戻る' })).toBeVisible();
});

test('the language switch only redirects within the site', async ({ page, baseURL }) => {
  await page.goto('/lang/en?next=https://evil.example/phish');
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A tab that the browser would drop (`/\t/evil.example` reads as `//evil.example`): a
  // control character in the address is refused at the edge, on the site, with a message.
  const res = await page.goto('/lang/ja?next=/%09/evil.example');
  expect(res?.status()).toBe(400);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByRole('main')).toContainText(/制御文字|control character/);
  // A protocol-relative address goes home.
  await page.goto('/lang/ja?next=%2F%2Fevil.example');
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe('/');
});

test("an old language link changes the page's language but not the member's setting", async ({ page, browser, baseURL }) => {
  const m = newMember('langget');
  await signUp(page, m);
  await page.goto('/lang/en?next=/settings/profile');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Another browser: the member's pages are still Japanese, the GET saved nothing.
  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await other.goto('/login');
    await other.getByLabel('メールアドレス').fill(m.email);
    await other.getByLabel('パスワード', { exact: true }).fill(m.password);
    await other.getByRole('button', { name: 'ログインする' }).click();
    await expect(header(other).getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'ja');
  } finally {
    await context.close();
  }
});

test('a browser that asks for English gets English without switching', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a member's language choice follows them to another browser and into their mail", async ({ page, browser, baseURL }) => {
  const m = newMember('lang');
  await signUp(page, m);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A fresh Japanese browser: the sign-in page is Japanese, the member's pages are English.
  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await other.goto('/login');
    await expect(other.locator('html')).toHaveAttribute('lang', 'ja');
    await other.getByLabel('メールアドレス').fill(m.email);
    await other.getByLabel('パスワード', { exact: true }).fill(m.password);
    await other.getByRole('button', { name: 'ログインする' }).click();
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await expect(other.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
  } finally {
    await context.close();
  }

  // Mail to the member is in English too.
  await page.goto('/account/forgot');
  await page.getByLabel('E-mail address').fill(m.email);
  await page.getByRole('button', { name: 'Send the reset mail' }).click();
  await expect(page.getByText('If the address is registered, we have sent a reset mail.')).toBeVisible();
  const mail = await waitForMail(page.request, m.email, '[Yorozu]');
  expect(mail.body_text).toContain('/account/reset?token=');
});
