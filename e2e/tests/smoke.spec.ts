import { expect, test } from '@playwright/test';

test('health check answers 200', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
});

test('top page renders in Japanese', async ({ page }) => {
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const html = await res!.text();
  expect(html).toMatch(/<html[^>]*\slang="ja"/);
});
