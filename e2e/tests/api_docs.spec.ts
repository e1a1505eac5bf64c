// The API reference (/api/v1/docs): reached from the help page, it renders the served OpenAPI
// document with Redoc, loaded from our own origin, under the site's Content-Security-Policy
// (with inline styles and a blob: worker allowed on this page only), and nothing is fetched
// from elsewhere.
import { expect, test } from '@playwright/test';

test('the help page leads to the API reference, which renders every tag and its operations', async ({ page, baseURL }) => {
  const violations: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (message) => {
    // Redoc 2.5.4 always tries its sidebar logo from its CDN; the policy blocks it (so it is
    // never fetched) and Redoc hides the image when it fails. Any other violation fails.
    const redocLogo = message.text().includes('https://cdn.redoc.ly/redoc/logo-mini.svg');
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && !redocLogo) {
      violations.push(message.text());
    }
  });
  // What was actually loaded (a request the policy blocks gets no response).
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(baseURL ?? '') && !url.startsWith('blob:') && !url.startsWith('data:')) {
      elsewhere.push(url);
    }
  });

  await page.goto('/help');
  await page.getByRole('link', { name: 'APIリファレンスを見る' }).click();
  await expect(page).toHaveURL(/\/api\/v1\/docs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'APIリファレンス' })).toBeVisible();

  // Redoc read the document: its title, then operations from several tags, by their summary.
  await expect(page.getByRole('heading', { name: /Yorozu API/ })).toBeVisible();
  for (const summary of ['Register a member', 'Search published services', 'Place an order']) {
    await expect(page.getByRole('heading', { level: 2, name: summary }).first()).toBeAttached();
  }
  // An operation shows its method and path.
  await expect(page.getByText('/users/{id}/profile').first()).toBeAttached();

  expect(violations).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test('the reference speaks English too, and links back to the token settings', async ({ page }) => {
  await page.goto('/api/v1/docs');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Manage API tokens' })).toHaveAttribute('href', '/settings/tokens');
  await expect(page.getByRole('link', { name: 'Download the OpenAPI document (JSON)' })).toHaveAttribute(
    'href',
    '/api/v1/openapi.json',
  );
});
