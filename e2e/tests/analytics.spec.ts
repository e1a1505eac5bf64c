// Seller analytics (アクセス解析): visitors in other browsers find a service through search,
// a share link with a source tag and another website; the seller opens /sales/analytics from
// the sales page, then the service's own page, and sees the views, the impressions, the
// search word and where the visitors came from — also at 390 px, without JavaScript needs.
// The server writes counts every 200 ms in the e2e run (global-setup.ts).
import { expect, test } from '@playwright/test';
import { newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, results, uniqueMarker } from '../helpers/listings.ts';

test('a seller sees the visits of other browsers in analytics', async ({ page, browser, baseURL }) => {
  const seller = page;
  await registerConfirmedMember(seller, 'analytics-seller');
  const marker = uniqueMarker();
  const title = `名刺デザインを作成します ${marker}`;
  const serviceId = await createPublished(seller, meishiService(title));

  // Visitor 1 searches for the word and opens the service from the results.
  const one = await newPersonPage(browser, baseURL);
  await one.page.goto(`/search?q=${marker}`);
  await results(one.page).getByRole('link', { name: title }).click();
  await expect(one.page).toHaveURL(new RegExp(`/services/${serviceId}\\?from=search$`));
  await expect(one.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The tag is not part of the page's own address.
  await expect(one.page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/services/${serviceId}$`));

  // Visitor 2 follows a shared link with a source tag; visitor 3 comes from another website.
  const two = await newPersonPage(browser, baseURL);
  await two.page.goto(`/services/${serviceId}?src=x`);
  await expect(two.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const three = await newPersonPage(browser, baseURL);
  await three.page.goto(`/services/${serviceId}`, { referer: 'https://blog.example.com/2026/post?me=someone' });
  await expect(three.page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The seller's own visit does not count.
  await seller.goto(`/services/${serviceId}`);

  // The seller opens analytics from the sales page; the counts arrive within moments.
  await seller.goto('/sales');
  await seller.getByRole('link', { name: 'アクセス解析' }).click();
  await expect(seller.getByRole('heading', { level: 1, name: 'アクセス解析' })).toBeVisible();
  await expect(async () => {
    await seller.reload();
    await expect(seller.locator('#analytics-total-views')).toHaveText('3', { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(seller.locator('#analytics-total-impressions')).toHaveText('1');
  const services = seller.locator('#analytics-services');
  await expect(services).toContainText(title);
  // The chart and its data table (for screen readers) are on the page.
  await expect(seller.getByRole('img', { name: /閲覧数（日別、過去30日間）/ })).toBeVisible();
  await expect(seller.locator('#analytics-days tbody tr')).toHaveCount(30);

  // The service's own page: the search word and the sources.
  await services.getByRole('link', { name: `「${title}」のアクセス解析` }).click();
  await expect(seller.getByRole('heading', { level: 1, name: `「${title}」のアクセス解析` })).toBeVisible();
  await expect(seller.locator('#analytics-words')).toContainText(marker);
  const sources = seller.locator('#analytics-sources');
  await expect(sources.getByRole('row', { name: /検索結果/ })).toContainText('1');
  await expect(sources.getByRole('row', { name: /共有用リンク/ })).toContainText('1');
  await expect(sources.getByRole('row', { name: /外部サイト/ })).toContainText('1');
  await expect(seller.locator('#analytics-hosts')).toContainText('blog.example.com');
  await expect(seller.locator('#analytics-hosts')).not.toContainText('post');
  await expect(seller.locator('#analytics-tags')).toContainText('x');

  // Seven days, then impressions in the chart: links, no script.
  await seller.getByRole('link', { name: '過去7日間' }).click();
  await expect(seller.locator('#analytics-days tbody tr')).toHaveCount(7);
  await seller.getByRole('link', { name: '検索表示回数' }).click();
  await expect(seller.getByRole('img', { name: /検索表示回数（日別、過去7日間）/ })).toBeVisible();

  // At 390 px the page fits the phone.
  await seller.setViewportSize({ width: 390, height: 844 });
  await seller.reload();
  expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // From the seller's list of services too.
  await seller.goto('/settings/listings');
  await seller.getByRole('link', { name: `「${title}」のアクセス解析` }).click();
  await expect(seller.getByRole('heading', { level: 1, name: `「${title}」のアクセス解析` })).toBeVisible();

  for (const p of [one, two, three]) await p.context.close();
});
