// The data export (データのダウンロード) in a real browser.
//
// 1. A seller whose published service (with an image) was bought, delivered with a file,
//    approved and reviewed by the buyer opens 退会, follows the page's advice to download their
//    data first, and asks for the archive on /settings/export. The page refreshes itself while
//    the archive is built (a progress bar and a <meta> refresh) and then offers the ZIP with its
//    name, size and last day. The download is extracted with Python's zipfile; its index.html,
//    opened from disk in the browser, shows the seller's name, the sale with the service and
//    the buyer's display name (never the buyer's e-mail address) and the review received; the
//    CSV files start with a UTF-8 BOM, the JSON parses, and the signed reviews check out with
//    the published key. The ready mail arrives and links back to the page, which offers no
//    second request until the next day.
// 2. The platform's public key for the signed reviews is served at /.well-known.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  EXPORT_READY_SUBJECT,
  READY_TEXT,
  definition,
  downloadArchive,
  exportSection,
  isoDateInJapan,
  japaneseDate,
  requestArchive,
  saveAndExtract,
  waitUntilReady,
  zipEntries,
} from '../helpers/export.ts';
import { newPersonPage, openMailInMailbox, registerConfirmedMember } from '../helpers/flows.ts';
import { createPublished, meishiService, uniqueMarker } from '../helpers/listings.ts';
import { extractLink } from '../helpers/mail.ts';
import { approve, deliver, openOrder, placeOrder, registerCard, startPurchase, textFile, writeReview } from '../helpers/orders.ts';

const here = dirname(fileURLToPath(import.meta.url));
const KEY_PATH = '/.well-known/yorozu-reviews-key.json';
const DAY_MS = 86_400_000;

/** Every section of the archive: data/{name}.json and csv/{name}.csv (crates/store/src/export/tables.rs). */
const SECTIONS = [
  'profile',
  'services',
  'service_options',
  'service_faqs',
  'service_images',
  'orders',
  'messages',
  'attachments',
  'disputes',
  'dispute_statements',
  'reviews_received',
  'reviews_given',
  'sales',
  'ledger',
  'payouts',
  'points',
  'coupons',
  'reports_filed',
  'notifications',
  'order_additions',
  'order_extensions',
  'consultation_messages',
  'consultation_attachments',
  'offers',
  'order_tips',
  'requests_posted',
  'proposals_sent',
  'service_analytics',
  'following',
  'followers',
  'invite_code',
  'invitations_sent',
  'invite_rewards',
  'withdrawal_hints_seen',
];

/** A size as the page writes it (crates/web/src/format.rs `file_size`). */
function fileSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) {
    const tenths = Math.floor((bytes * 10) / MB);
    return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
  }
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The regex source of any of `texts`, escaped. */
function anyOf(texts: string[]): string {
  return [...new Set(texts)].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** What one response of GET /settings/export showed. */
interface Snapshot {
  inProgress: boolean;
  progress: number | null;
  refresh: boolean;
  ready: boolean;
  requestButton: boolean;
}

/** Records every GET /settings/export document the page receives (its own refreshes included). */
function recordSnapshots(page: Page): Snapshot[] {
  const seen: Snapshot[] = [];
  page.on('response', async (res) => {
    const req = res.request();
    if (req.method() !== 'GET' || !req.isNavigationRequest() || new URL(res.url()).pathname !== '/settings/export' || res.status() !== 200) return;
    let html: string;
    try {
      html = await res.text();
    } catch {
      return; // the page moved on before the body was read
    }
    const value = html.match(/<progress[^>]*\bvalue="(\d+)"/);
    seen.push({
      inProgress: html.includes('<progress'),
      progress: value ? Number(value[1]) : null,
      refresh: /<meta http-equiv="refresh" content="3">/.test(html),
      ready: html.includes(READY_TEXT),
      requestButton: html.includes('データのダウンロードを申し込む'),
    });
  });
  return seen;
}

test('a seller follows the withdrawal page to the data download; the archive reads in a browser and the next request waits a day', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);

  // The seller (own browser): a published service with an image, bought by the buyer (this
  // page), delivered with a file, approved and reviewed by the buyer.
  const seller = await newPersonPage(browser, baseURL);
  const s = seller.page;
  const me = await registerConfirmedMember(s, 'exporter');
  const title = `名刺デザイン（データのダウンロード） ${uniqueMarker()}`;
  const serviceId = await createPublished(s, meishiService(title), { image: true });
  const buyer = await registerConfirmedMember(page, 'buyer');
  await registerCard(page);
  await startPurchase(page, serviceId);
  const orderId = await placeOrder(page);
  await openOrder(s, orderId);
  await deliver(s, '納品いたします。ご確認ください。', [textFile('proof.txt', '名刺の校正データです。')]);
  await openOrder(page, orderId);
  await approve(page);
  const review = `丁寧で素早い対応でした ${uniqueMarker('rv')}`;
  await writeReview(page, 5, review);

  await test.step('the withdrawal page recommends downloading the data first and links to it', async () => {
    await s.goto('/settings/withdrawal');
    const advice = s.getByText('退会の前に、データをダウンロードして保存しておくことをおすすめします。');
    await expect(advice).toContainText('退会すると、あなたのデータは削除され、あとから取り出すことはできません。');
    await advice.getByRole('link', { name: 'データのダウンロード', exact: true }).click();
    await expect(s).toHaveURL(/\/settings\/export$/);
    await expect(s.getByRole('heading', { level: 1, name: 'データのダウンロード', exact: true })).toBeVisible();
    const nav = s.getByRole('navigation', { name: '設定メニュー' });
    await expect(nav.getByRole('link', { name: 'データのダウンロード', exact: true })).toHaveAttribute('aria-current', 'page');
    // The menu entry comes just before 退会.
    const entries = (await nav.getByRole('link').allInnerTexts()).map((t) => t.trim());
    expect(entries.indexOf('退会')).toBe(entries.indexOf('データのダウンロード') + 1);
  });

  await test.step('nothing asked for yet: the page explains the archive and offers the button', async () => {
    await expect(exportSection(s, 'アーカイブの状態')).toContainText('まだお申し込みはありません。');
    const contents = exportSection(s, 'アーカイブに含まれるもの');
    await expect(contents).toContainText('購入・販売した取引');
    await expect(contents).toContainText('ほかの会員のメールアドレスなどは含まれません。');
    await expect(exportSection(s, '署名付きの評価データ').getByRole('link', { name: 'よろずの公開鍵（JSON 形式）' })).toHaveAttribute('href', KEY_PATH);
    const how = exportSection(s, 'お申し込み');
    await expect(how).toContainText('ダウンロードできるのは、準備ができてから7日間です。');
    await expect(how).toContainText('お申し込みは24時間に1回までです。');
    await expect(how.getByRole('button', { name: 'データのダウンロードを申し込む' })).toBeVisible();
    await expect(s.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  });

  const snapshots = recordSnapshots(s);
  const requestedFrom = Date.now();
  let requestedUntil = 0;
  const status = exportSection(s, 'アーカイブの状態');

  await test.step('the request is accepted; the page refreshes itself until the archive is ready', async () => {
    await requestArchive(s);
    // Either still being built (progress bar) or, on a quick machine, already done.
    await expect(status.getByRole('progressbar', { name: 'アーカイブの作成の進み具合' }).or(status.getByText(READY_TEXT, { exact: true }))).toBeVisible();
    await expect(status).toContainText(/お申し込み日時: \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await waitUntilReady(s);
    requestedUntil = Date.now();

    // Every state the page showed on the way: while the archive was built, a progress bar
    // (0–100, never going back), a 3-second refresh and no button; once ready, neither.
    expect(snapshots.length).toBeGreaterThan(0);
    const building = snapshots.filter((x) => x.inProgress);
    for (const x of building) {
      expect(x.refresh).toBe(true);
      expect(x.ready).toBe(false);
      expect(x.requestButton).toBe(false);
      expect(x.progress).not.toBeNull();
      expect(x.progress!).toBeGreaterThanOrEqual(0);
      expect(x.progress!).toBeLessThanOrEqual(100);
    }
    const values = building.map((x) => x.progress!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    if (building.length > 0) {
      // The ready page came from the page's own refresh, not from a reload by the test.
      expect(snapshots.length).toBeGreaterThan(building.length);
    } else {
      test.info().annotations.push({ type: 'note', description: 'the archive was ready before the first page load: no progress bar seen' });
    }
    const last = snapshots[snapshots.length - 1];
    expect(last).toMatchObject({ inProgress: false, refresh: false, ready: true, requestButton: false });
    await expect(s.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
    await expect(s.locator('progress')).toHaveCount(0);
  });

  let fileName = '';
  let shownSize = '';
  await test.step('the ready archive: its name, size and last day', async () => {
    const dates = [requestedFrom, requestedUntil];
    fileName = (await definition(status, 'ファイル名').innerText()).trim();
    expect(fileName).toMatch(new RegExp(`^yorozu-data-(${anyOf(dates.map(isoDateInJapan))})\\.zip$`));
    shownSize = (await definition(status, 'サイズ').innerText()).trim();
    expect(shownSize).toMatch(/^(\d+ KB|\d+\.\d MB)$/);
    const until = (await definition(status, 'ダウンロードの期限').innerText()).trim();
    expect(until).toMatch(new RegExp(`^(${anyOf(dates.map((t) => japaneseDate(t + 7 * DAY_MS)))}) \\d{2}:\\d{2}まで$`));
    const link = status.getByRole('link', { name: 'ダウンロードする' });
    await expect(link).toHaveAttribute('href', /^\/settings\/export\/\d+\/download$/);
    await expect(link).toHaveAttribute('download', fileName);
  });

  await test.step('no second request today', async () => {
    const how = exportSection(s, 'お申し込み');
    const tomorrow = [requestedFrom, requestedUntil].map((t) => japaneseDate(t + DAY_MS));
    await expect(how.getByText(/^次のお申し込みは/)).toHaveText(new RegExp(`^次のお申し込みは (${anyOf(tomorrow)}) \\d{2}:\\d{2} からできます。$`));
    await expect(how.getByRole('button', { name: 'データのダウンロードを申し込む' })).toHaveCount(0);
  });

  const download = await downloadArchive(s);
  expect(download.suggestedFilename()).toBe(fileName);
  const { zip, dir } = await saveAndExtract(download);
  const file = (path: string) => join(dir, ...path.split('/'));

  await test.step('the ZIP holds the readable page, JSON, CSV, files, signed reviews and the schema', async () => {
    expect(fileSize(statSync(zip).size)).toBe(shownSize);
    const entries = zipEntries(zip);
    for (const name of ['index.html', 'reviews/reviews.json', 'reviews/reviews.json.sig', 'reviews/README.txt', 'schema/export.schema.json']) {
      expect(entries, name).toContain(name);
    }
    for (const section of SECTIONS) {
      expect(entries, section).toContain(`data/${section}.json`);
      expect(entries, section).toContain(`csv/${section}.csv`);
    }
    // The service's image and the delivered file.
    expect(entries.some((e) => /^files\/services\/\d+-\d+\.jpg$/.test(e))).toBe(true);
    const proof = entries.find((e) => /^files\/messages\/\d+-\d+-proof\.txt$/.test(e));
    expect(proof, entries.join('\n')).toBeDefined();
    expect(readFileSync(file(proof!), 'utf8')).toBe('名刺の校正データです。');
    expect(readdirSync(join(dir, 'files')).length).toBeGreaterThan(0);
  });

  await test.step('CSV has a UTF-8 BOM; JSON parses and names the buyer, not their address', async () => {
    for (const section of SECTIONS) {
      const bytes = readFileSync(file(`csv/${section}.csv`));
      expect([...bytes.subarray(0, 3)], `csv/${section}.csv`).toEqual([0xef, 0xbb, 0xbf]);
    }
    const csv = readFileSync(file('csv/orders.csv'), 'utf8').replace(/^\uFEFF/, '');
    const [headerLine, ...lines] = csv.split('\r\n').filter((l) => l.length > 0);
    expect(headerLine.split(',').slice(0, 6)).toEqual(['ordered_at', 'order_id', 'role', 'service_title', 'state', 'counterparty']);
    expect(lines.some((l) => l.includes(title) && l.includes(buyer.displayName))).toBe(true);

    const orders = JSON.parse(readFileSync(file('data/orders.json'), 'utf8')) as Record<string, unknown>[];
    expect(Array.isArray(orders)).toBe(true);
    expect(orders).toContainEqual(expect.objectContaining({ role: 'seller', service_title: title, counterparty: buyer.displayName }));
    for (const section of SECTIONS) {
      expect(() => JSON.parse(readFileSync(file(`data/${section}.json`), 'utf8')), `data/${section}.json`).not.toThrow();
    }
    const received = JSON.parse(readFileSync(file('data/reviews_received.json'), 'utf8')) as Record<string, unknown>[];
    expect(received).toContainEqual(expect.objectContaining({ rating: 5, comment: review, other_member: buyer.displayName }));
    const profile = JSON.parse(readFileSync(file('data/profile.json'), 'utf8')) as Record<string, unknown>[];
    expect(profile).toContainEqual(expect.objectContaining({ display_name: me.displayName }));
    JSON.parse(readFileSync(file('schema/export.schema.json'), 'utf8'));

    // No file of the archive carries the buyer's e-mail address.
    for (const name of zipEntries(zip).filter((e) => !e.endsWith('/'))) {
      expect(readFileSync(file(name)).includes(Buffer.from(buyer.email, 'utf8')), name).toBe(false);
    }
  });

  await test.step('the signed reviews check out with the published key', async () => {
    const key = (await (await s.request.get(KEY_PATH)).json()) as { public_key: string; key_id: string };
    const bundle = JSON.parse(readFileSync(file('reviews/reviews.json'), 'utf8')) as {
      member: { display_name: string };
      reviews: { rating: number; comment: string; by: string; service_title: string }[];
    };
    expect(bundle.member.display_name).toBe(me.displayName);
    expect(bundle.reviews).toContainEqual(expect.objectContaining({ rating: 5, comment: review, by: buyer.displayName, service_title: title }));
    const sig = JSON.parse(readFileSync(file('reviews/reviews.json.sig'), 'utf8')) as { algorithm: string; key_id: string };
    expect(sig.algorithm).toBe('Ed25519ph');
    expect(sig.key_id).toBe(key.key_id);
    expect(readFileSync(file('reviews/README.txt'), 'utf8')).toContain(key.public_key);
    // `yorozu verify-reviews`, as whoever is shown the folder would run it.
    const bin = resolve(here, '..', process.env.YOROZU_E2E_BIN ?? '../target/debug/yorozu');
    if (existsSync(bin)) {
      const out = execFileSync(bin, ['verify-reviews', file('reviews/reviews.json'), file('reviews/reviews.json.sig'), '--public-key', key.public_key], {
        cwd: dirname(zip),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
      });
      expect(out).toContain(me.displayName);
    }
  });

  await test.step('index.html, opened from disk, shows the data in Japanese', async () => {
    const view = await seller.context.newPage();
    await view.goto(pathToFileURL(file('index.html')).href);
    await expect(view.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText(`${me.displayName}さんのデータ（よろず）`);
    const sectionOf = (name: string) => view.locator('section').filter({ has: view.getByRole('heading', { level: 2, name, exact: true }) });
    for (const name of ['プロフィール', '出品したサービス', '取引（購入・販売）', '受け取った評価', '書いた評価', '売上', 'ポイント']) {
      await expect(sectionOf(name), name).toHaveCount(1);
    }
    const orders = sectionOf('取引（購入・販売）');
    const sale = orders.getByRole('row').filter({ hasText: title });
    await expect(sale).toHaveCount(1);
    await expect(sale).toContainText(buyer.displayName);
    await expect(sale).toContainText('seller');
    const received = sectionOf('受け取った評価').getByRole('row').filter({ hasText: review });
    await expect(received).toContainText(buyer.displayName);
    await expect(sectionOf('出品したサービス')).toContainText(title);
    await expect(sectionOf('プロフィール')).toContainText(me.email);
    await expect(view.locator('body')).not.toContainText(buyer.email);
    // The table of contents leads to the sections and the machine-readable copies.
    const toc = view.getByRole('navigation').getByRole('listitem').filter({ hasText: '取引（購入・販売）' });
    await expect(toc.getByRole('link', { name: '取引（購入・販売）' })).toHaveAttribute('href', '#orders');
    await expect(toc.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', 'csv/orders.csv');
    // The service image's link points at a file that is in the archive.
    const image = sectionOf('サービスの画像').getByRole('link', { name: /^files\/services\// }).first();
    const href = await image.getAttribute('href');
    expect(existsSync(file(href!))).toBe(true);
    await view.close();
  });

  await test.step('the ready mail arrives and links back to the page, which offers no new request', async () => {
    const body = await openMailInMailbox(s, me.email, EXPORT_READY_SUBJECT);
    expect(body).toContain('ダウンロードできるのは 7日間です。');
    await s.goto(extractLink(body, '/settings/export'));
    await expect(s).toHaveURL(/\/settings\/export$/);
    await expect(status.getByText(READY_TEXT, { exact: true })).toBeVisible();
    await expect(definition(status, 'ファイル名')).toHaveText(fileName);
    const how = exportSection(s, 'お申し込み');
    await expect(how.getByText(/^次のお申し込みは .+ からできます。$/)).toBeVisible();
    await expect(how.getByRole('button', { name: 'データのダウンロードを申し込む' })).toHaveCount(0);
  });

  await seller.context.close();
});

test('the public key for signed reviews is served at /.well-known', async ({ request }) => {
  const res = await request.get(KEY_PATH);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  const doc = (await res.json()) as { algorithm: string; public_key: string; format: string; key_id: string };
  expect(doc.algorithm).toBe('Ed25519ph');
  expect(doc.format).toBe('yorozu-reviews/1');
  expect(typeof doc.public_key).toBe('string');
  expect(Buffer.from(doc.public_key, 'base64')).toHaveLength(32);
  expect(doc.key_id.length).toBeGreaterThan(0);
});
