// Follows (フォロー) and friend invitations (友達招待) in separate browsers: a buyer follows a
// seller from the profile page and is told of the seller's next new service; the seller sees
// who follows them. An invited member signs up through the invite link, buys, and when the
// purchase completes both see the invitation reward on their points page.
import { expect, test, type Page } from '@playwright/test';
import { flash, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase } from '../helpers/orders.ts';

/** Opens the notification centre until `text` is there (the fan-out runs as a job). */
async function waitForNotice(page: Page, text: string | RegExp): Promise<void> {
  await expect(async () => {
    await page.goto('/notifications');
    await expect(page.getByRole('link', { name: text })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test('a buyer follows a seller and is told of the new service', async ({ page, browser, baseURL }) => {
  const seller = await newPersonPage(browser, baseURL);
  const s = await registerConfirmedMember(seller.page, 'follow-seller');
  await createPublished(seller.page, meishiService(`名刺デザインを作成します ${uniqueMarker()}`));

  const buyer = await registerConfirmedMember(page, 'follow-buyer');
  await page.goto(`/users/${s.id}`);
  await expect(page.getByText('フォロワー 0人')).toBeVisible();
  await page.getByRole('button', { name: 'フォローする' }).click();
  await expect(flash(page, 'フォローしました。')).toBeVisible();
  await expect(page.getByText('フォロワー 1人')).toBeVisible();
  await expect(page.getByRole('button', { name: 'フォローを解除する' })).toBeVisible();

  // The seller's next new service reaches the follower's notifications.
  const title = `ロゴを作成します ${uniqueMarker()}`;
  const serviceId = await createPublished(seller.page, meishiService(title));
  await waitForNotice(page, /フォロー中の出品者が新しいサービスを出品しました/);
  await page.getByRole('link', { name: /フォロー中の出品者が新しいサービスを出品しました/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/services/${serviceId}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The seller card offers unfollowing too.
  await expect(page.getByRole('button', { name: 'フォローを解除する' })).toBeVisible();

  // The seller sees the count on the sales page and who followed on the list.
  await seller.page.goto('/sales');
  await expect(seller.page.locator('#sales-fans-link')).toContainText('フォロワー: 1人');
  await seller.page.locator('#sales-fans-link').click();
  await expect(seller.page.locator('#followers')).toContainText(buyer.displayName);

  // A follower who hides their name is counted but not named.
  await page.goto('/settings/privacy');
  await page.getByLabel('フォローやお気に入り登録をしたとき、出品者に自分の名前を表示する').uncheck();
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(flash(page, 'プライバシー設定を保存しました。')).toBeVisible();
  await seller.page.reload();
  await expect(seller.page.locator('#followers')).not.toContainText(buyer.displayName);
  await expect(seller.page.locator('#followers')).toContainText('非公開の会員');
  await expect(seller.page.locator('#follower-count')).toContainText('1人');

  // The buyer unfollows from the list of followed sellers.
  await page.goto('/settings/following');
  await expect(page.getByRole('link', { name: s.displayName })).toBeVisible();
  await page.getByRole('button', { name: 'フォローを解除する' }).click();
  await expect(flash(page, 'フォローを解除しました。')).toBeVisible();
  await expect(page.getByText('フォローしている出品者はまだいません。')).toBeVisible();

  // At 390 px the profile with its button fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/users/${s.id}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await seller.context.close();
});

test('an invited member buys and both receive the invitation points', async ({ page, browser, baseURL }) => {
  // The invited member buys from another seller: a purchase of the inviter's own service
  // would earn nothing.
  const seller = await newPersonPage(browser, baseURL);
  await registerConfirmedMember(seller.page, 'invite-seller');
  const serviceId = await createPublished(seller.page, meishiService(`名刺デザインを作成します ${uniqueMarker()}`));
  await registerConfirmedMember(page, 'inviter');
  await page.goto('/settings/invite');
  const url = await page.locator('#invite-url').inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{12}$/);
  await expect(page.locator('#invite-share')).toHaveValue(new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // The inviter's own link is refused for them.
  await page.goto(new URL(url).pathname);
  await expect(page.locator('#invite-refusal')).toContainText('ご自身の招待リンクは使えません');

  const friend = await newPersonPage(browser, baseURL);
  await friend.page.goto(new URL(url).pathname);
  await expect(friend.page.locator('#invite-body')).toContainText('ポイントを差し上げます');
  await registerConfirmedMember(friend.page, 'invited');
  await registerCard(friend.page);
  await startPurchase(friend.page, serviceId);
  const orderId = await placeOrder(friend.page, 'よろしくお願いします。');
  await openOrder(seller.page, orderId);
  await deliver(seller.page, '納品いたします。');
  await openOrder(friend.page, orderId);
  await approve(friend.page);

  for (const p of [friend.page, page]) {
    await p.goto('/settings/points');
    const row = p.getByRole('row', { name: /友達招待特典/ }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText('+500');
    await expect(p.locator('.points-balance')).toContainText('500');
  }
  await page.goto('/settings/invite');
  await expect(page.locator('#invite-counts')).toContainText('招待した人数: 1人 ／ 特典が付与された人数: 1人');
  await friend.context.close();
  await seller.context.close();
});
