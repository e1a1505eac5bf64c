// Share kit (シェア): a seller opens the share page of their service from the service page,
// copies the text for X with the 「コピー」 button and finds the tagged URL in the clipboard;
// the page loads nothing from other sites; a visitor's service page names the drawn Open
// Graph image, which loads (1200×630 PNG); the page fits 390 px.
import { expect, test } from '@playwright/test';
import { newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';

test('a seller copies a share text with its tagged URL, and the service page has its og:image', async ({ page, context, browser, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const seller = page;
  await registerConfirmedMember(seller, 'share-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller, meishiService(title));

  // Every request the share page makes stays on this site.
  const outside: string[] = [];
  seller.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) outside.push(r.url());
  });

  await seller.goto(`/services/${serviceId}`);
  await seller.getByRole('link', { name: 'このサービスをSNSやメルマガでシェアする' }).click();
  await expect(seller).toHaveURL(new RegExp(`/listings/${serviceId}/share$`));
  await expect(seller.getByRole('heading', { level: 1, name: `「${title}」をシェア` })).toBeVisible();

  const tagged = `${baseURL}/services/${serviceId}?src=x`;
  const xText = seller.getByLabel('X（旧Twitter）に投稿する文章');
  await expect(xText).toHaveJSProperty('readOnly', true);
  await expect(xText).toHaveValue(new RegExp(tagged.replace(/[.?]/g, '\\$&')));
  await seller.getByRole('button', { name: 'X（旧Twitter）の文章をコピー' }).click();
  await expect(seller.locator('#share-x .copy-status')).toHaveText('コピーしました。');
  const copied = await seller.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(tagged);
  expect(copied).toContain(title);
  expect(copied).toContain('¥3,500');

  // Each network's text has its own tag; LINE's share link carries its tagged URL.
  for (const key of ['facebook', 'line', 'instagram', 'newsletter']) {
    await expect(seller.locator(`#share-text-${key}`)).toHaveValue(new RegExp(`\\?src=${key}`));
  }
  await expect(seller.getByRole('link', { name: /LINEで送る/ })).toHaveAttribute(
    'href',
    `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(`${baseURL}/services/${serviceId}?src=line`)}`,
  );
  await expect(seller.locator('#share-instagram')).toContainText('画像をダウンロード');

  // The QR code and the share image are drawn by the server and load.
  const qr = seller.getByRole('img', { name: `「${title}」のページを開くQRコード` });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const og = seller.getByRole('img', { name: `「${title}」のシェア用画像` });
  await expect(og).toBeVisible();
  await expect.poll(() => og.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
  expect(outside).toEqual([]);

  // At 390 px the page fits the phone.
  await seller.setViewportSize({ width: 390, height: 844 });
  await seller.reload();
  expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A visitor's service page names the drawn image, and the image loads.
  const visitor = await newPersonPage(browser, baseURL);
  await visitor.page.goto(`/services/${serviceId}`);
  const ogImage = visitor.page.locator('meta[property="og:image"]');
  await expect(ogImage).toHaveAttribute('content', `${baseURL}/listings/${serviceId}/og.png`);
  await expect(visitor.page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(visitor.page.locator('meta[property="og:url"]')).toHaveAttribute('content', `${baseURL}/services/${serviceId}`);
  const image = await visitor.page.request.get(`/listings/${serviceId}/og.png`);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  const bytes = await image.body();
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // IHDR: width and height, big-endian, at bytes 16..24.
  expect(bytes.readUInt32BE(16)).toBe(1200);
  expect(bytes.readUInt32BE(20)).toBe(630);
  // The visitor has no share page.
  const refused = await visitor.page.goto(`/listings/${serviceId}/share`);
  expect(refused?.url()).toContain('/login');
  await visitor.context.close();
});
