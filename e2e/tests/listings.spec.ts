// Services (出品): a seller creates, illustrates and publishes a service; a visitor finds it with
// a two-character query, narrows by price, opens it and keeps it in お気に入り after signing in.
// Then the bad-input cases of the issue: too-low price, over-long title, script in the
// description, a file that is not an image, someone else's service, and pausing (出品停止).
import { expect, test, type Page } from '@playwright/test';
import { flash, header, newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import {
  categoryValue,
  createDraft,
  createPublished,
  fillListingForm,
  headerSearch,
  meishiService,
  publish,
  resultLink,
  results,
  statusCard,
  uniqueMarker,
  uploadImage,
} from '../helpers/listings.ts';
import { makePng } from '../helpers/png.ts';

/** Fills 下限/上限 in the filter panel and sends it. */
async function filterByPrice(page: Page, min: string, max: string): Promise<void> {
  const filters = page.getByRole('region', { name: '絞り込み' });
  await filters.getByLabel('下限').fill(min);
  await filters.getByLabel('上限').fill(max);
  await filters.getByRole('button', { name: 'この条件で検索' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]min_price=${min}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]max_price=${max}(&|$)`));
}

test('a seller publishes a service with an image; a visitor finds it by 名刺, filters by price, and favourites it after signing in', async ({
  page,
  browser,
  baseURL,
}) => {
  const marker = uniqueMarker();
  const title = `会社員向けの名刺を丁寧にデザインします ${marker}`;

  // The buyer-to-be registers in a browser of their own, then leaves.
  const setup = await newPersonPage(browser, baseURL);
  const buyer = await registerConfirmedMember(setup.page, 'buyer');
  await setup.context.close();

  // --- The seller: a private draft first.
  await registerConfirmedMember(page, 'seller');
  await page.goto('/settings/listings');
  await expect(page.getByRole('heading', { name: '出品サービス', level: 1 })).toBeVisible();
  await expect(page.getByText('まだサービスがありません。')).toBeVisible();
  await page.getByRole('link', { name: '新しいサービスを出品する' }).click();
  await expect(page).toHaveURL(/\/listings\/new$/);
  await fillListingForm(
    page,
    meishiService(title, {
      price: '3500',
      buyerNotes: 'ご購入後、名刺に載せる氏名・役職・連絡先をお送りください。',
      options: [{ title: '納期短縮（2日）', price: '1000' }],
      faq: [{ question: '印刷もお願いできますか？', answer: 'データ納品のみです。' }],
    }),
  );
  await page.getByRole('button', { name: '下書きとして保存する' }).click();
  await expect(page).toHaveURL(/\/listings\/\d+\/edit$/);
  await expect(flash(page, '下書きを保存しました。公開するまで、ほかの人には表示されません。')).toBeVisible();
  const id = page.url().match(/\/listings\/(\d+)\/edit$/)![1];
  await expect(statusCard(page)).toContainText('下書き');
  await expect(statusCard(page)).toContainText('下書きは、公開するまであなたにしか表示されません。');
  await expect(statusCard(page).getByRole('button', { name: '公開する' })).toBeVisible();

  // The list shows it as a draft.
  await page.goto('/settings/listings');
  const row = page.getByRole('article', { name: title });
  await expect(row).toContainText('下書き');
  await expect(row).toContainText('3,500円');

  // The preview is the seller's alone.
  await page.goto(`/services/${id}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('このサービスは下書きです。公開するまで、あなたにだけ表示されています。')).toBeVisible();

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    expect((await visitor.goto(`/services/${id}`))?.status()).toBe(404);
    await visitor.goto('/');
    await headerSearch(visitor, marker);
    await expect(resultLink(visitor, title)).toHaveCount(0);

    // --- An image, then publish.
    await page.goto(`/listings/${id}/edit`);
    await expect(page.getByText('画像はまだありません。')).toBeVisible();
    await uploadImage(page, 'meishi.png', 400, 300);
    await expect(page.getByText('登録済み 1 / 10枚。')).toBeVisible();
    await publish(page);
    await expect(statusCard(page)).toContainText('公開中です。検索結果やカテゴリのページに表示され、購入できます。');
    await expect(statusCard(page).getByRole('button', { name: '出品を停止する' })).toBeVisible();

    // --- The visitor (signed out) searches with two characters from the header.
    await visitor.goto('/');
    await expect(header(visitor).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
    await headerSearch(visitor, '名刺');
    await expect(visitor).toHaveURL(/\/search\?q=%E5%90%8D%E5%88%BA$/);
    // Newest first, so the new service is on the first page however many 名刺 services exist.
    await results(visitor).getByRole('navigation', { name: '並び替え' }).getByRole('link', { name: '新着順' }).click();
    await expect(visitor).toHaveURL(/\/search\?q=%E5%90%8D%E5%88%BA&sort=new$/);
    const card = results(visitor).getByRole('article').filter({ has: visitor.getByRole('link', { name: title, exact: true }) });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('3,500円');
    await expect(card).toContainText('お届け 5日');
    // The thumbnail is decorative (alt=""), so it has no img role; it is lazy-loaded.
    const thumb = card.locator('img');
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // A price range that includes 3,500円 keeps it (and the keyword)...
    await filterByPrice(visitor, '3000', '4000');
    await expect(visitor).toHaveURL(/[?&]q=%E5%90%8D%E5%88%BA(&|$)/);
    await expect(visitor.getByRole('search').getByLabel('サービスを検索')).toBeVisible();
    await expect(visitor.getByRole('region', { name: '絞り込み' }).getByLabel('キーワード')).toHaveValue('名刺');
    await expect(resultLink(visitor, title)).toBeVisible();
    // ...one above it does not.
    await filterByPrice(visitor, '4000', '9000');
    await expect(resultLink(visitor, title)).toHaveCount(0);
    // And one below it neither (the upper bound counts).
    await filterByPrice(visitor, '500', '3499');
    await expect(resultLink(visitor, title)).toHaveCount(0);
    await filterByPrice(visitor, '3500', '3500');
    await expect(resultLink(visitor, title)).toBeVisible();

    // --- The service page.
    await resultLink(visitor, title).click();
    // The card's link tells the seller's analytics the visit came from search.
    await expect(visitor).toHaveURL(new RegExp(`/services/${id}\\?from=search$`));
    await expect(visitor.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(visitor.getByRole('region', { name: '価格', exact: true })).toContainText('3,500円');
    await expect(visitor.getByText('お届け日数')).toBeVisible();
    await expect(visitor.getByRole('region', { name: '追加オプション' })).toContainText('納期短縮（2日）');
    await expect(visitor.getByRole('region', { name: '追加オプション' })).toContainText('1,000円');
    await expect(visitor.getByRole('region', { name: 'よくある質問' })).toContainText('印刷もお願いできますか？');
    await expect(visitor.getByRole('region', { name: '購入にあたってのお願い' })).toContainText('氏名・役職・連絡先');
    const image = visitor.getByRole('img', { name: `${title}の画像 1` });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // Open Graph / Twitter card: title, absolute URL and image, price.
    const meta = (sel: string) => visitor.locator(`head meta[${sel}]`);
    await expect(meta('property="og:title"')).toHaveAttribute('content', title);
    await expect(meta('name="twitter:title"')).toHaveAttribute('content', title);
    await expect(meta('property="og:url"')).toHaveAttribute('content', `${baseURL}/services/${id}`);
    await expect(meta('property="product:price:amount"')).toHaveAttribute('content', '3500');
    await expect(meta('name="twitter:card"')).toHaveAttribute('content', 'summary_large_image');
    const ogImage = await meta('property="og:image"').getAttribute('content');
    // The share image drawn by the server (title and price), not the first photo.
    expect(ogImage).toBe(`${baseURL}/listings/${id}/og.png`);
    expect(new URL(ogImage!).origin).toBe(new URL(baseURL!).origin);
    await expect(meta('name="twitter:image"')).toHaveAttribute('content', ogImage!);
    const fetched = await visitor.request.get(ogImage!);
    expect(fetched.status()).toBe(200);
    expect(fetched.headers()['content-type']).toBe('image/png');

    // --- Favourite: signed out, the button leads to sign-in and back.
    await visitor.getByRole('link', { name: 'お気に入りに追加' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/login\\?next=%2Fservices%2F${id}$`));
    await visitor.getByLabel('メールアドレス', { exact: true }).fill(buyer.email);
    await visitor.getByLabel('パスワード', { exact: true }).fill(buyer.password);
    await visitor.getByRole('button', { name: 'ログインする' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/services/${id}$`));
    await expect(header(visitor).getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await visitor.getByRole('button', { name: 'お気に入りに追加' }).click();
    await expect(visitor.getByRole('button', { name: 'お気に入りから外す' })).toBeVisible();
    // It sticks: after a reload the page still says so, and counts the favourite.
    await visitor.reload();
    await expect(visitor.getByRole('button', { name: 'お気に入りから外す' })).toBeVisible();
    await expect(visitor.getByText('1人がお気に入りに追加しています')).toBeVisible();

    await header(visitor).getByRole('link', { name: 'お気に入り' }).click();
    await expect(visitor).toHaveURL(/\/favorites$/);
    await expect(visitor.getByRole('heading', { name: 'お気に入り', level: 1 })).toBeVisible();
    const fav = visitor.getByRole('article').filter({ has: visitor.getByRole('link', { name: title, exact: true }) });
    await expect(fav).toHaveCount(1);
    await expect(fav).toContainText('3,500円');
    await fav.getByRole('link', { name: title, exact: true }).click();
    await expect(visitor).toHaveURL(new RegExp(`/services/${id}$`));
  } finally {
    await context.close();
  }
});

test('bad input on the listing form: clear messages, 4xx, nothing saved; a script in the description is shown as text', async ({ page }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'badinput');
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  const postOf = (path: RegExp) => page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname));

  // Price below the minimum.
  await page.goto('/listings/new');
  await expect(page.getByText('500円以上で設定してください。「1,000」や「１０００」のように入力できます。')).toBeVisible();
  const lowTitle = `名刺デザイン 安すぎ ${marker}`;
  await fillListingForm(page, meishiService(lowTitle, { price: '499' }));
  let response = postOf(/^\/listings\/new$/);
  await page.getByRole('button', { name: '下書きとして保存する' }).click();
  expect((await response).status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('価格は500円以上で設定してください。');
  await expect(page.getByLabel('価格', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#price-error')).toHaveText('価格は500円以上で設定してください。');
  // What was typed is kept.
  await expect(page.getByLabel('価格', { exact: true })).toHaveValue('499');
  await expect(page.getByLabel('タイトル', { exact: true })).toHaveValue(lowTitle);
  await expect(page.getByLabel('カテゴリ', { exact: true })).toHaveValue(/\d+/);

  // Not a number.
  await page.getByLabel('価格', { exact: true }).fill('三千円');
  response = postOf(/^\/listings\/new$/);
  await page.getByRole('button', { name: '下書きとして保存する' }).click();
  expect((await response).status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('金額は半角または全角の数字で入力してください');

  // Over-long title: the browser stops at 60 characters...
  const long = `名刺${'あ'.repeat(59)}`;
  expect([...long].length).toBe(61);
  await page.getByLabel('価格', { exact: true }).fill('3000');
  await page.getByLabel('タイトル', { exact: true }).fill(long);
  await expect(page.getByLabel('タイトル', { exact: true })).toHaveAttribute('maxlength', '60');
  // ...and the server refuses 61 when the browser's limit is bypassed.
  await page.getByLabel('タイトル', { exact: true }).evaluate((el: HTMLInputElement, v: string) => {
    el.removeAttribute('maxlength');
    el.value = v;
  }, long);
  response = postOf(/^\/listings\/new$/);
  await page.getByRole('button', { name: '下書きとして保存する' }).click();
  expect((await response).status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('タイトルは60文字以内で入力してください。');
  await expect(page.getByLabel('タイトル', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Nothing was saved.
  await page.goto('/settings/listings');
  await expect(page.getByText('まだサービスがありません。')).toBeVisible();

  // A valid save with HTML in the description: stored as typed, shown as text.
  const scriptTitle = `<b>名刺</b>を作ります ${marker}`;
  const description = '<script>alert(1)</script>\n<img src=x onerror="alert(2)"> 名刺をお作りします。';
  const id = await createDraft(page, meishiService(scriptTitle, { price: '３，５００', description }));
  await expect(page.getByLabel('サービス内容', { exact: true })).toHaveValue(description);
  await expect(page.getByLabel('価格', { exact: true })).toHaveValue('3500');
  await page.goto(`/services/${id}`);
  await expect(page.getByRole('heading', { name: scriptTitle, level: 1 })).toBeVisible();
  const body = page.getByRole('region', { name: 'サービス内容' });
  await expect(body).toContainText('<script>alert(1)</script>');
  await expect(body).toContainText('<img src=x onerror="alert(2)"> 名刺をお作りします。');
  await expect(body.locator('script, img, b')).toHaveCount(0);
  await expect(page.locator('h1 b')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '価格', exact: true })).toContainText('3,500円');
  expect(dialogs).toEqual([]);

  // A file that is not an image: 422, message by the upload field, no image added.
  await page.goto(`/listings/${id}/edit`);
  const images = page.getByRole('region', { name: '画像', exact: true });
  await images.getByLabel('追加する画像').setInputFiles({ name: 'not-an-image.png', mimeType: 'image/png', buffer: Buffer.from('これは画像ではありません') });
  response = postOf(new RegExp(`^/listings/${id}/images$`));
  await images.getByRole('button', { name: '画像を追加する' }).click();
  expect((await response).status()).toBe(422);
  await expect(page.getByRole('alert').filter({ hasText: '画像ファイル（JPEG・PNG・WebP・GIF）を選んでください。' })).toBeVisible();
  await expect(page.getByText('登録済み 0 / 10枚。')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("someone else's service cannot be edited, re-stated or have images added", async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'owner');
  const title = `名刺と封筒のセットデザイン ${marker}`;
  const publishedId = await createPublished(page, meishiService(title));
  const draftTitle = `名刺の下書き ${marker}`;
  const draftId = await createDraft(page, meishiService(draftTitle));

  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await registerConfirmedMember(other, 'intruder');
    const editPage = await other.goto(`/listings/${publishedId}/edit`);
    expect(editPage?.status()).toBe(403);
    await expect(other.getByText('この操作を行う権限がありません。')).toBeVisible();
    await expect(other.getByLabel('タイトル', { exact: true })).toHaveCount(0);
    // A draft is not even known to exist.
    expect((await other.goto(`/listings/${draftId}/edit`))?.status()).toBe(404);
    expect((await other.goto(`/services/${draftId}`))?.status()).toBe(404);

    // Posts with the intruder's own valid CSRF token and a valid form.
    const leaf = await categoryValue(other, '名刺作成');
    const csrf = (await other.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    const edit = await other.request.post(`/listings/${publishedId}/edit`, {
      form: {
        _csrf: csrf,
        title: `乗っ取り ${marker}`,
        category: leaf,
        description: '書き換えました',
        price: '99999',
        delivery_days: '3',
        revisions: '1',
      },
      maxRedirects: 0,
    });
    expect(edit.status()).toBe(403);
    const pause = await other.request.post(`/listings/${publishedId}/status`, { form: { _csrf: csrf, action: 'pause' }, maxRedirects: 0 });
    expect(pause.status()).toBe(403);
    const del = await other.request.post(`/listings/${publishedId}/status`, { form: { _csrf: csrf, action: 'delete', confirm: 'yes' }, maxRedirects: 0 });
    expect(del.status()).toBe(403);
    const upload = await other.request.post(`/listings/${publishedId}/images?_csrf=${encodeURIComponent(csrf)}`, {
      multipart: { image: { name: 'x.png', mimeType: 'image/png', buffer: makePng(64, 64) } },
      maxRedirects: 0,
    });
    expect(upload.status()).toBe(403);

    // Nothing changed.
    await other.goto(`/services/${publishedId}`);
    await expect(other.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(other.getByRole('region', { name: '価格', exact: true })).toContainText('3,500円');
    await expect(other.getByText('画像はまだありません')).toBeVisible();
    await expect(other.getByText('このサービスは現在購入できません。')).toHaveCount(0);
    await page.goto('/settings/listings');
    await expect(page.getByRole('article', { name: title })).toContainText('公開中');
    await expect(page.getByRole('article', { name: draftTitle })).toContainText('下書き');
  } finally {
    await context.close();
  }
});

test("someone else's draft answers 404 to every request, as if it did not exist", async ({ page, browser, baseURL }) => {
  await registerConfirmedMember(page, 'drafter');
  const draftTitle = `名刺の非公開下書き ${uniqueMarker()}`;
  const draftId = await createDraft(page, meishiService(draftTitle));

  const { context, page: other } = await newPersonPage(browser, baseURL);
  try {
    await registerConfirmedMember(other, 'prober');
    const leaf = await categoryValue(other, '名刺作成');
    const csrf = (await other.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    // Pages: 404, the same as an id that does not exist.
    expect((await other.goto(`/listings/${draftId}/edit`))?.status()).toBe(404);
    expect((await other.goto(`/services/${draftId}`))?.status()).toBe(404);
    expect((await other.goto('/listings/999999999/edit'))?.status()).toBe(404);
    // Posts must not tell a draft apart from nothing either (403 would confirm it exists).
    const asked: Record<string, number> = {};
    asked['POST /edit (valid form)'] = (
      await other.request.post(`/listings/${draftId}/edit`, {
        form: { _csrf: csrf, title: '乗っ取り', category: leaf, description: '書き換え', price: '1000', delivery_days: '3', revisions: '1' },
        maxRedirects: 0,
      })
    ).status();
    asked['POST /status publish'] = (
      await other.request.post(`/listings/${draftId}/status`, { form: { _csrf: csrf, action: 'publish' }, maxRedirects: 0 })
    ).status();
    asked['POST /status delete'] = (
      await other.request.post(`/listings/${draftId}/status`, { form: { _csrf: csrf, action: 'delete', confirm: 'yes' }, maxRedirects: 0 })
    ).status();
    asked['POST /images'] = (
      await other.request.post(`/listings/${draftId}/images?_csrf=${encodeURIComponent(csrf)}`, {
        multipart: { image: { name: 'x.png', mimeType: 'image/png', buffer: makePng(64, 64) } },
        maxRedirects: 0,
      })
    ).status();
    expect(asked).toEqual({ 'POST /edit (valid form)': 404, 'POST /status publish': 404, 'POST /status delete': 404, 'POST /images': 404 });
  } finally {
    await context.close();
  }
  // Whatever was answered, the draft is untouched.
  await page.goto('/settings/listings');
  await expect(page.getByRole('article', { name: draftTitle })).toContainText('下書き');
});

test('pausing (出品停止) hides a service from search and shows 出品停止中 to visitors; resuming brings it back', async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'pause');
  const title = `ショップカード・名刺の作成 ${marker}`;
  const id = await createPublished(page, meishiService(title, { price: '4200' }), { image: true });

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    await visitor.goto('/');
    await headerSearch(visitor, marker);
    await expect(resultLink(visitor, title)).toBeVisible();

    // The seller pauses it from the list.
    await page.goto('/settings/listings');
    await page.getByRole('article', { name: title }).getByRole('button', { name: `出品を停止する：${title}` }).click();
    await expect(flash(page, '出品を停止しました。')).toBeVisible();
    await expect(page.getByRole('article', { name: title })).toContainText('出品停止中');

    await visitor.reload();
    await expect(resultLink(visitor, title)).toHaveCount(0);
    await expect(results(visitor)).toContainText('条件に合うサービスが見つかりませんでした。');
    await headerSearch(visitor, '名刺');
    await expect(resultLink(visitor, title)).toHaveCount(0);

    const shown = await visitor.goto(`/services/${id}`);
    expect(shown?.status()).toBe(200);
    await expect(visitor.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(visitor.getByText('このサービスは現在出品停止中のため、ご購入いただけません。')).toBeVisible();
    await expect(visitor.getByRole('button', { name: '購入手続きへ' })).toHaveCount(0);
    await expect(visitor.locator('meta[property="og:title"]')).toHaveCount(0);
    await expect(visitor.getByRole('link', { name: '同じカテゴリのサービスを探す' })).toHaveAttribute('href', /^\/categories\/\d+$/);

    // The seller still sees the whole page, with a notice.
    await page.goto(`/services/${id}`);
    await expect(page.getByText('このサービスは出品停止中です。')).toBeVisible();
    await expect(page.getByRole('region', { name: '価格', exact: true })).toContainText('4,200円');

    // Resume from the edit page.
    await page.goto(`/listings/${id}/edit`);
    await expect(statusCard(page)).toContainText('出品停止中');
    await statusCard(page).getByRole('button', { name: '再開する' }).click();
    await expect(flash(page, '出品を再開しました。')).toBeVisible();
    await expect(statusCard(page)).toContainText('公開中');

    await headerSearch(visitor, marker);
    await expect(resultLink(visitor, title)).toBeVisible();
    await visitor.goto(`/services/${id}`);
    await expect(visitor.getByText('このサービスは現在出品停止中のため、ご購入いただけません。')).toHaveCount(0);
    await expect(visitor.getByRole('region', { name: '価格', exact: true })).toContainText('4,200円');
  } finally {
    await context.close();
  }
});
