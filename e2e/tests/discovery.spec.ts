// Finding services (探す): Japanese-friendly folding of what a visitor types, category pages,
// sorting, share links and pagination that keeps the filters. Every test searches for a marker
// word of its own, so the results do not depend on what other tests created.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newPersonPage, registerConfirmedMember } from '../helpers/flows.ts';
import {
  apiCreatePublished,
  categoryValue,
  createPublished,
  fullWidthUpper,
  headerSearch,
  makeApiToken,
  meishiService,
  resultLink,
  results,
  resultTitles,
  uniqueMarker,
} from '../helpers/listings.ts';

test('search folds half-width katakana, hiragana, full-width letters and case', async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'fold');
  // Written the way old systems and some phones type it: half-width katakana.
  const title = `ﾃﾞｻﾞｲﾝ名刺 ﾛｺﾞ入り ${marker}`;
  await createPublished(page, meishiService(title, { price: '2000' }));

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    await visitor.goto('/');
    for (const q of [
      `デザイン ${marker}`, // full-width katakana
      `でざいん ${marker}`, // hiragana
      `ﾃﾞｻﾞｲﾝ ${marker}`, // as written
      `ロゴ ${fullWidthUpper(marker)}`, // full-width upper-case letters
      `デザイン名刺　${marker.toUpperCase()}`, // ideographic space, upper case
      `刺 ${marker}`, // a one-character term
    ]) {
      await headerSearch(visitor, q);
      await expect(resultLink(visitor, title), `query ${q}`).toBeVisible();
      await expect(results(visitor).getByRole('article'), `query ${q}`).toHaveCount(1);
    }
    // A term the service does not contain finds nothing (every term must match).
    await headerSearch(visitor, `翻訳 ${marker}`);
    await expect(results(visitor).getByRole('article')).toHaveCount(0);
    await expect(results(visitor)).toContainText('条件に合うサービスが見つかりませんでした。');
  } finally {
    await context.close();
  }
});

test('category pages list a new service under its category and its parent, not under others', async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'category');
  const title = `飲食店のメニュー表と名刺をまとめて作成 ${marker}`;
  const id = await createPublished(page, meishiService(title, { category: 'メニュー表', price: '6000' }));

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    // From the service page's breadcrumb to the category.
    await visitor.goto(`/services/${id}`);
    const crumbs = visitor.getByRole('navigation', { name: '現在の位置' });
    await expect(crumbs.getByRole('link')).toHaveText(['ホーム', '名刺・チラシ・印刷物', 'メニュー表']);
    await crumbs.getByRole('link', { name: 'メニュー表' }).click();
    await expect(visitor).toHaveURL(/\/categories\/\d+$/);
    const leafUrl = visitor.url();
    await expect(visitor.getByRole('heading', { name: 'メニュー表のサービス', level: 1 })).toBeVisible();
    // Newest first, so the new one is on the first page whatever else exists.
    await results(visitor).getByRole('navigation', { name: '並び替え' }).getByRole('link', { name: '新着順' }).click();
    await expect(visitor).toHaveURL(/\/categories\/\d+\?sort=new$/);
    await expect(resultLink(visitor, title)).toBeVisible();
    // The category is the page, not a filter: no category select, and no category= in links.
    await expect(visitor.getByRole('region', { name: '絞り込み' }).getByLabel('カテゴリ')).toHaveCount(0);
    for (const href of await results(visitor).getByRole('navigation', { name: '並び替え' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).not.toContain('category=');
      expect(href).toMatch(new RegExp(`^${new URL(leafUrl).pathname}`));
    }

    // The parent category lists it too, with its subcategories as links.
    await visitor.getByRole('navigation', { name: '現在の位置' }).getByRole('link', { name: '名刺・チラシ・印刷物' }).click();
    await expect(visitor.getByRole('heading', { name: '名刺・チラシ・印刷物のサービス', level: 1 })).toBeVisible();
    await expect(visitor.getByRole('navigation', { name: '名刺・チラシ・印刷物の中のカテゴリ' }).getByRole('link', { name: '名刺作成' })).toBeVisible();
    const filters = visitor.getByRole('region', { name: '絞り込み' });
    await filters.getByLabel('キーワード').fill(marker);
    await filters.getByRole('button', { name: 'この条件で検索' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/categories/\\d+\\?q=${marker}`));
    await expect(resultLink(visitor, title)).toBeVisible();

    // Another category does not.
    await visitor.getByRole('navigation', { name: '名刺・チラシ・印刷物の中のカテゴリ' }).getByRole('link', { name: '名刺作成' }).click();
    await expect(visitor.getByRole('heading', { name: '名刺作成のサービス', level: 1 })).toBeVisible();
    await visitor.goto(`${new URL(visitor.url()).pathname}?q=${marker}`);
    await expect(results(visitor).getByRole('article')).toHaveCount(0);
    // Neither does search with a different category filter; with its own it does.
    const menuId = new URL(leafUrl).pathname.split('/').pop();
    await visitor.goto(`/search?q=${marker}&category=${menuId}`);
    await expect(visitor.getByRole('region', { name: '絞り込み' }).getByLabel('カテゴリ')).toHaveValue(menuId!);
    await expect(resultLink(visitor, title)).toBeVisible();
  } finally {
    await context.close();
  }
});

test('sorting by price puts the cheaper service first (and last for 価格の高い順); sort links keep the filters', async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'sort');
  // The cheaper one is older, so 新着順 and 価格の安い順 disagree.
  const cheap = `名刺デザイン おてごろ ${marker}`;
  const dear = `名刺デザイン こだわり ${marker}`;
  await createPublished(page, meishiService(cheap, { price: '1500' }));
  await createPublished(page, meishiService(dear, { price: '12,000' }));

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    await visitor.goto('/');
    await headerSearch(visitor, marker);
    await expect(results(visitor).getByRole('article')).toHaveCount(2);
    const sortNav = results(visitor).getByRole('navigation', { name: '並び替え' });
    await expect(sortNav.getByRole('link')).toHaveText(['おすすめ順', '新着順', '価格の安い順', '価格の高い順', '評価の高い順', '販売実績順']);
    await expect(sortNav.getByRole('link', { name: 'おすすめ順' })).toHaveAttribute('aria-current', 'true');

    await sortNav.getByRole('link', { name: '新着順' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/search\\?q=${marker}&sort=new$`));
    expect(await resultTitles(visitor)).toEqual([dear, cheap]);

    await sortNav.getByRole('link', { name: '価格の安い順' }).click();
    await expect(visitor).toHaveURL(new RegExp(`/search\\?q=${marker}&sort=price-low$`));
    await expect(sortNav.getByRole('link', { name: '価格の安い順' })).toHaveAttribute('aria-current', 'true');
    expect(await resultTitles(visitor)).toEqual([cheap, dear]);
    const cards = results(visitor).getByRole('article');
    await expect(cards.nth(0)).toContainText('1,500円');
    await expect(cards.nth(1)).toContainText('12,000円');

    await sortNav.getByRole('link', { name: '価格の高い順' }).click();
    expect(await resultTitles(visitor)).toEqual([dear, cheap]);

    // Filters sent from the panel keep the sort; sort links keep every filter.
    const filters = visitor.getByRole('region', { name: '絞り込み' });
    await filters.getByLabel('下限').fill('１０００'); // full-width digits are accepted
    await filters.getByLabel('上限').fill('20000');
    await filters.getByLabel('お届け日数').selectOption({ label: '7日以内' });
    await filters.getByRole('button', { name: 'この条件で検索' }).click();
    const url = new URL(visitor.url());
    expect(url.searchParams.get('q')).toBe(marker);
    expect(url.searchParams.get('min_price')).toBe('１０００');
    expect(url.searchParams.get('max_price')).toBe('20000');
    expect(url.searchParams.get('days')).toBe('7');
    expect(url.searchParams.get('sort')).toBe('price-high');
    expect(await resultTitles(visitor)).toEqual([dear, cheap]);
    for (const href of await sortNav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const p = new URL(href, baseURL).searchParams;
      expect(p.get('q'), href).toBe(marker);
      expect(p.get('min_price'), href).toBe('１０００');
      expect(p.get('max_price'), href).toBe('20000');
      expect(p.get('days'), href).toBe('7');
    }
    await sortNav.getByRole('link', { name: '価格の安い順' }).click();
    expect(await resultTitles(visitor)).toEqual([cheap, dear]);
    expect(new URL(visitor.url()).searchParams.get('days')).toBe('7');

    // A maximum below the dearer one's price leaves only the cheaper one.
    await visitor.getByRole('region', { name: '絞り込み' }).getByLabel('上限').fill('2000');
    await visitor.getByRole('region', { name: '絞り込み' }).getByRole('button', { name: 'この条件で検索' }).click();
    expect(await resultTitles(visitor)).toEqual([cheap]);
    await expect(results(visitor).getByRole('heading', { level: 2 })).toContainText('1件');
  } finally {
    await context.close();
  }
});

test('share links point to X, Facebook and LINE with the encoded service URL; the copy button copies it', async ({ page, browser, baseURL }) => {
  const marker = uniqueMarker();
  await registerConfirmedMember(page, 'share');
  const title = `名刺＆ショップカード デザイン ${marker}`;
  const id = await createPublished(page, meishiService(title), { image: true });
  const serviceUrl = `${baseURL}/services/${id}`;

  const { context, page: visitor } = await newPersonPage(browser, baseURL);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await visitor.goto(`/services/${id}`);
    const share = visitor.getByRole('region', { name: 'このサービスをシェア' });

    const x = share.getByRole('link', { name: /^X（旧Twitter）でシェア/ });
    const fb = share.getByRole('link', { name: /^Facebookでシェア/ });
    const line = share.getByRole('link', { name: /^LINEで送る/ });
    for (const link of [x, fb, line]) {
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', /noopener/);
      // The URL travels percent-encoded.
      await expect(link).toHaveAttribute('href', new RegExp(encodeURIComponent(serviceUrl).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    const xUrl = new URL((await x.getAttribute('href'))!);
    expect(['twitter.com', 'x.com', 'www.x.com']).toContain(xUrl.hostname);
    expect(xUrl.protocol).toBe('https:');
    // Each link carries its network's source tag, which the seller's analytics count.
    expect(xUrl.searchParams.get('url')).toBe(`${serviceUrl}?src=x`);
    expect(xUrl.searchParams.get('text')).toBe(title);
    const fbUrl = new URL((await fb.getAttribute('href'))!);
    expect(fbUrl.protocol).toBe('https:');
    expect(fbUrl.hostname).toBe('www.facebook.com');
    expect(fbUrl.searchParams.get('u')).toBe(`${serviceUrl}?src=facebook`);
    const lineUrl = new URL((await line.getAttribute('href'))!);
    expect(lineUrl.protocol).toBe('https:');
    expect(lineUrl.hostname).toMatch(/(^|\.)line\.me$/);
    expect(lineUrl.searchParams.get('url')).toBe(`${serviceUrl}?src=line`);

    // The page's own URL, to copy by hand or with the button (shown when JavaScript runs).
    await expect(share.getByLabel('このページのURL')).toHaveValue(serviceUrl);
    await expect(visitor.locator('link[rel="canonical"]')).toHaveAttribute('href', serviceUrl);
    await share.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect(share.getByRole('status')).toHaveText('リンクをコピーしました。');
    expect(await visitor.evaluate(() => navigator.clipboard.readText())).toBe(serviceUrl);
  } finally {
    await context.close();
  }
});

test('pagination keeps the keyword, filters and sort in every page link', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const marker = uniqueMarker();
  const m = await registerConfirmedMember(page, 'pages');
  const category = await categoryValue(page, 'チラシ・フライヤー');
  const token = await makeApiToken(page, m.password);

  // 30 services (a page holds 24) with prices 1,000 … 3,900 円 in steps of 100, made through the
  // API to keep the test short; the browser does the searching.
  const api = await playwrightRequest.newContext({ baseURL });
  const count = 30;
  try {
    for (let i = 0; i < count; i++) {
      await apiCreatePublished(api, token, {
        title: `チラシ作成 ${String(i + 1).padStart(2, '0')}番 ${marker}`,
        category,
        description: 'お店のチラシをデザインします。',
        price: 1000 + i * 100,
        delivery_days: 3,
        revisions: 1,
      });
    }
  } finally {
    await api.dispose();
  }

  await page.goto(`/search?q=${marker}`);
  await expect(results(page).getByRole('heading', { level: 2 })).toContainText(`${count}件`);
  await expect(results(page).getByRole('article')).toHaveCount(24);

  // Narrow to 1,200円 and up (28 services) sorted by price, then page on.
  const filters = page.getByRole('region', { name: '絞り込み' });
  await filters.getByLabel('下限').fill('1200');
  await filters.getByRole('button', { name: 'この条件で検索' }).click();
  await results(page).getByRole('navigation', { name: '並び替え' }).getByRole('link', { name: '価格の安い順' }).click();
  await expect(results(page).getByRole('heading', { level: 2 })).toContainText('28件');
  const first = await resultTitles(page);
  expect(first).toHaveLength(24);
  expect(first[0]).toContain('03番');
  expect(first[23]).toContain('26番');

  const pager = page.getByRole('navigation', { name: 'ページ送り' });
  await expect(pager.getByRole('link', { name: '1ページ目' })).toHaveAttribute('aria-current', 'page');
  for (const href of await pager.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    const p = new URL(href, baseURL).searchParams;
    expect(p.get('q'), href).toBe(marker);
    expect(p.get('min_price'), href).toBe('1200');
    expect(p.get('sort'), href).toBe('price-low');
  }
  await expect(pager.getByRole('link', { name: '前のページ' })).toHaveCount(0);
  await pager.getByRole('link', { name: '次のページ' }).click();

  const url = new URL(page.url());
  expect(url.pathname).toBe('/search');
  expect(url.searchParams.get('q')).toBe(marker);
  expect(url.searchParams.get('min_price')).toBe('1200');
  expect(url.searchParams.get('sort')).toBe('price-low');
  expect(url.searchParams.get('page')).toBe('2');
  await expect(page.getByRole('region', { name: '絞り込み' }).getByLabel('下限')).toHaveValue('1200');
  await expect(page.getByRole('navigation', { name: 'ページ送り' }).getByRole('link', { name: '2ページ目' })).toHaveAttribute('aria-current', 'page');
  const second = await resultTitles(page);
  expect(second.map((t) => t.match(/(\d\d)番/)![1])).toEqual(['27', '28', '29', '30']);
  await expect(page.getByRole('navigation', { name: 'ページ送り' }).getByRole('link', { name: '次のページ' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'ページ送り' }).getByRole('link', { name: '前のページ' }).click();
  expect(await resultTitles(page)).toEqual(first);
});
