// The data export (データのダウンロード, /settings/export) the way a member uses it, with the
// Japanese labels of crates/i18n/locales/ja/export_page.ftl: ask for the archive, let the page
// refresh itself until it is ready, download it, and open it up with Python's zipfile.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flash } from './flows.ts';

export const EXPORT_READY_SUBJECT = '【よろず】データのダウンロードの準備ができました';
export const READY_TEXT = 'アーカイブの準備ができました。';

/**
 * How long the page may take to show the archive ready. A small account's archive is built in
 * well under a second, but the job worker shares two cores with whatever else is running.
 */
export const READY_TIMEOUT_MS = 90_000;

/** A section of the export page, by its heading. */
export function exportSection(page: Page, name: 'アーカイブの状態' | 'アーカイブに含まれるもの' | '署名付きの評価データ' | 'お申し込み'): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The <dd> that follows the <dt> `term` in `within` (the ready archive's ファイル名, サイズ, …). */
export function definition(within: Locator, term: string): Locator {
  return within.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** Presses 「データのダウンロードを申し込む」 on /settings/export and waits for the notice. */
export async function requestArchive(page: Page): Promise<void> {
  await exportSection(page, 'お申し込み').getByRole('button', { name: 'データのダウンロードを申し込む' }).click();
  await expect(page).toHaveURL(/\/settings\/export$/);
  await expect(flash(page, 'お申し込みを受け付けました。アーカイブの準備ができましたら、メールでお知らせします。')).toBeVisible();
}

/**
 * Waits, without reloading (the page refreshes itself every few seconds while the archive is
 * built), until the status card says the archive is ready and offers the download link.
 */
export async function waitUntilReady(page: Page): Promise<Locator> {
  const status = exportSection(page, 'アーカイブの状態');
  await expect(status.getByText(READY_TEXT, { exact: true })).toBeVisible({ timeout: READY_TIMEOUT_MS });
  const link = status.getByRole('link', { name: 'ダウンロードする' });
  await expect(link).toBeVisible();
  return link;
}

/** Clicks the ready archive's download link and returns the download. */
export async function downloadArchive(page: Page): Promise<Download> {
  const link = exportSection(page, 'アーカイブの状態').getByRole('link', { name: 'ダウンロードする' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(await download.failure()).toBeNull();
  return download;
}

/** Saves a downloaded ZIP in a fresh temporary directory and extracts it there; returns the paths. */
export async function saveAndExtract(download: Download): Promise<{ zip: string; dir: string }> {
  const root = mkdtempSync(join(tmpdir(), 'yorozu-export-'));
  const zip = join(root, download.suggestedFilename());
  await download.saveAs(zip);
  const dir = join(root, 'extracted');
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { zip, dir };
}

/** The entries of a ZIP file, as Python's zipfile lists them. */
export function zipEntries(zip: string): string[] {
  const out = execFileSync('python3', ['-c', 'import zipfile,sys; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((l) => l.length > 0);
}

/** A date as 「YYYY-MM-DD」 in Japan (the archive's file name). */
export function isoDateInJapan(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** A date as the pages write it in Japanese: 「2026年5月8日」 (Japan time). */
export function japaneseDate(ms: number): string {
  const [y, m, d] = isoDateInJapan(ms).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
