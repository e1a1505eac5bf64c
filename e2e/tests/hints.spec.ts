// Improvement hints (改善のヒント): a seller opens a service's hints from the list of their
// services and follows a fix link to the field it names; on the withdrawal page the seller's
// numbers and hints appear only while 「売れない」 is ticked — beside the reasons, with the same
// form controls and the same button — and the withdrawal still completes with the same steps
// as for a member without services (who sees nothing extra); at 390 px too, and without
// JavaScript, where the stylesheet both shows the panel and tells the server it was seen.
import { expect, test, type Page } from '@playwright/test';
import { newPersonPage, registerConfirmedMember, signIn } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';

const WITHDRAWAL = '/settings/withdrawal';

/** The confirm section's form, and what it would send (names, types, values; no tokens). */
function confirmForm(page: Page) {
  return page.locator('form[action="/settings/withdrawal"]');
}

async function controls(page: Page): Promise<string[]> {
  return confirmForm(page).evaluate((form: HTMLFormElement) =>
    Array.from(form.elements)
      .map((e) => {
        const el = e as HTMLInputElement;
        return `${el.tagName}:${el.type}:${el.name}:${el.name === '_csrf' ? '' : el.value}`;
      }),
  );
}

/** Ticks 売れない, types the password and presses 退会する: the whole withdrawal. */
async function withdraw(page: Page, password: string): Promise<void> {
  await page.getByRole('checkbox', { name: '売れない', exact: true }).check();
  await confirmForm(page).getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('radio', { name: 'すぐに削除する' }).check();
  await confirmForm(page).getByRole('button', { name: '退会する', exact: true }).click();
  await expect(page).toHaveURL(/\/withdrawal\/done\?r=/);
  await expect(page.getByRole('heading', { level: 1, name: '退会の手続きが完了しました' })).toBeVisible();
}

test('a seller opens a service\'s hints and follows a fix link', async ({ page }) => {
  await registerConfirmedMember(page, 'hints-seller');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  const id = await createPublished(page, meishiService(title));

  await page.goto('/settings/listings');
  await page.getByRole('link', { name: `「${title}」の改善のヒント` }).click();
  await expect(page).toHaveURL(new RegExp(`/sales/hints/services/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `「${title}」の改善のヒント` })).toBeVisible();
  const hints = page.locator('#hints');
  await expect(hints.locator('#hints-images')).toContainText('画像が登録されていません。');
  await expect(hints.locator('#hints-faq')).toContainText('よくある質問（FAQ）が登録されていません。');

  // The fix link opens the edit page at the FAQ fields.
  await hints.getByRole('link', { name: 'よくある質問を追加する' }).click();
  await expect(page).toHaveURL(new RegExp(`/listings/${id}/edit#faq$`));
  await expect(page.locator('#faq')).toBeInViewport();

  // The category's page: too small to show numbers with one seller.
  await page.goto(`/sales/hints/services/${id}`);
  await page.locator('#hints-category-link').click();
  await expect(page).toHaveURL(/\/sales\/categories\/print\/business-card$/);
  await expect(page.locator('#category-too-small')).toBeVisible();

  // At 390 px the hints page fits the phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/sales/hints/services/${id}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on the withdrawal page the hints appear when 売れない is ticked and the withdrawal completes in the same steps', async ({
  page,
  browser,
  baseURL,
}) => {
  const seller = page;
  const me = await registerConfirmedMember(seller, 'hints-leaver');
  const title = `名刺デザインを作成します ${uniqueMarker()}`;
  await createPublished(seller, meishiService(title));

  await seller.setViewportSize({ width: 390, height: 844 });
  await seller.goto(WITHDRAWAL);
  const panel = seller.locator('#withdrawal-hints');
  // Not shown until 売れない is ticked.
  await expect(panel).toBeHidden();
  const before = await controls(seller);
  const seen = seller.waitForRequest((r) => r.url().endsWith('/settings/withdrawal/hints-seen'));
  await seller.getByRole('checkbox', { name: '売れない', exact: true }).check();
  await expect(panel).toBeVisible();
  await seen;
  await expect(panel).toContainText('退会の前に：あなたのサービスの数字と改善のヒント');
  await expect(panel).toContainText('検索表示0回・閲覧0回・お気に入り0件・購入0件');
  await expect(panel.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', /\/sales\/hints\/services\/\d+$/);
  await expect(panel).toContainText('画像が登録されていません。');
  await expect(panel.getByRole('link', { name: `「${title}」のアクセス解析` })).toBeVisible();
  expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Another reason does not show it; unticking hides it again.
  await seller.getByRole('checkbox', { name: '売れない', exact: true }).uncheck();
  await expect(panel).toBeHidden();
  // Nothing in what the form sends changed, the button included.
  await seller.getByRole('checkbox', { name: '売れない', exact: true }).check();
  expect(await controls(seller)).toEqual(before);
  await expect(confirmForm(seller).getByRole('button')).toHaveCount(1);
  await withdraw(seller, me.password);

  // A member without services: nothing extra, and exactly the same steps.
  const other = await newPersonPage(browser, baseURL);
  const plain = await registerConfirmedMember(other.page, 'hints-plain');
  await other.page.goto(WITHDRAWAL);
  const plainControls = await controls(other.page);
  await other.page.getByRole('checkbox', { name: '売れない', exact: true }).check();
  await expect(other.page.locator('#withdrawal-hints')).toHaveCount(0);
  await other.page.getByRole('checkbox', { name: '売れない', exact: true }).uncheck();
  expect(plainControls).toEqual(before);
  await withdraw(other.page, plain.password);
  await other.context.close();
});

test('without JavaScript the hints still appear with 売れない', async ({ page, browser, baseURL }) => {
  const me = await registerConfirmedMember(page, 'hints-nojs');
  await createPublished(page, meishiService(`名刺デザインを作成します ${uniqueMarker()}`));
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', javaScriptEnabled: false });
  const nojs = await context.newPage();
  await signIn(nojs, me.email, me.password);
  await nojs.goto(WITHDRAWAL);
  const panel = nojs.locator('#withdrawal-hints');
  await expect(panel).toBeHidden();
  await nojs.getByRole('checkbox', { name: '売れない', exact: true }).check();
  await expect(panel).toBeVisible();
  await context.close();
});
