// Two `yorozu serve` processes on one PostgreSQL database and one file folder, as the README's
// "Several processes on one PostgreSQL" describes (a reverse proxy would spread requests over
// them). A member signs up on one process and stays signed in on the other; the confirmation
// mail is sent exactly once although both workers poll for jobs; an avatar uploaded through one
// process is served by the other; signing out on one signs out on both.
//
// Needs YOROZU_TEST_POSTGRES_URL (scripts/test.sh sets it): a fresh database is created next to
// it for this test and dropped afterwards.
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIRM_SUBJECT, header, newMember } from '../helpers/flows.ts';
import { extractLink, listMail, mailboxKey } from '../helpers/mail.ts';
import { pngFile } from '../helpers/png.ts';

const BIN = resolve(import.meta.dirname, '..', process.env.YOROZU_E2E_BIN ?? '../target/debug/yorozu');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

function psql(url: string, sql: string): void {
  const r = spawnSync('psql', ['-X', '-q', url, '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}

async function healthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server at ${base} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${base} did not become healthy`);
}

test('two processes on one PostgreSQL share sessions, jobs and uploads', async ({ browser }) => {
  test.setTimeout(120_000);
  const adminUrl = process.env.YOROZU_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('YOROZU_TEST_POSTGRES_URL is not set: run the e2e tests through scripts/test.sh, which starts PostgreSQL');
  const database = `yorozu_e2e_scale_${process.pid}_${Date.now()}`;
  const databaseUrl = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
  psql(adminUrl, `CREATE DATABASE ${database}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'yorozu-e2e-scale-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, YOROZU_JOB_POLL_MS: '50', NO_COLOR: '1' };
  for (const key of ['SMTP_URL', 'YOROZU_BASE_URL', 'YOROZU_SECRET_KEY', 'YOROZU_FILE_KEY', 'YOROZU_FILES_DIR']) delete env[key];
  // The same mailbox key as the main e2e server, so listMail() reads these servers' mail too.
  env.YOROZU_MAILBOX_KEY = mailboxKey();
  const servers: ChildProcess[] = [];
  try {
    // Migrations and the keys (in the shared folder) first, so the two do not race to make them.
    const migrate = spawnSync(BIN, ['migrate', '--data-dir', dataDir], { env, encoding: 'utf8' });
    expect(migrate.status, migrate.stderr).toBe(0);
    const keys = spawnSync(BIN, ['admin', 'create-operator', '--email', 'ops@example.jp', '--password', 'operator-pass-123', '--data-dir', dataDir], { env, encoding: 'utf8' });
    expect(keys.status, keys.stderr).toBe(0);
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const child = spawn(BIN, ['serve', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir], { env, stdio: 'ignore' });
      servers.push(child);
      await healthy(base, child);
      bases.push(base);
    }
    const [first, second] = bases;

    // Cookies belong to the host, not the port: one browser context talks to both processes.
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const m = newMember('scale');
    await page.goto(`${first}/signup`);
    await page.getByLabel('メールアドレス', { exact: true }).fill(m.email);
    await page.getByLabel('表示名（ニックネーム）').fill(m.displayName);
    await page.getByLabel('パスワード', { exact: true }).fill(m.password);
    await page.getByRole('button', { name: '同意して登録する' }).click();
    await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();

    // The session made by the first process is valid on the second.
    await page.goto(`${second}/settings/profile`);
    await expect(header(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();

    // Both workers poll the same job table: the confirmation mail goes out once.
    const mine = async () =>
      (await listMail(page.request, second)).filter((mail) => mail.to.toLowerCase() === m.email.toLowerCase() && mail.subject.includes(CONFIRM_SUBJECT));
    await expect.poll(async () => (await mine()).length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(1_000);
    expect((await mine()).length).toBe(1);
    await page.goto(extractLink((await mine())[0].body_text, '/account/confirm?token=').replace(/^https?:\/\/[^/]+/, second));
    await expect(page.getByRole('status').filter({ hasText: 'メールアドレスの確認が完了しました。' })).toBeVisible();

    // An avatar uploaded through the second process is served by the first.
    await page.goto(`${second}/settings/profile`);
    const avatar = page.getByRole('region', { name: 'アバター画像' });
    await avatar.getByLabel('画像ファイル').setInputFiles(pngFile('avatar.png', 96, 96));
    await avatar.getByRole('button', { name: '画像をアップロードする' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'アバター画像を更新しました。' })).toBeVisible();
    const src = await avatar.getByRole('img', { name: '現在のアバター画像' }).getAttribute('src');
    expect(src).toBeTruthy();
    const served = await page.request.get(`${first}${src}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toMatch(/^image\//);

    // Signing out on the first process ends the session on the second.
    await page.goto(`${first}/`);
    await header(page).getByRole('button', { name: 'ログアウト' }).click();
    await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
    await page.goto(`${second}/`);
    await expect(header(page).getByRole('link', { name: 'ログイン', exact: true })).toBeVisible();
    await context.close();
  } finally {
    for (const child of servers) child.kill('SIGTERM');
    await Promise.all(servers.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))));
    rmSync(dataDir, { recursive: true, force: true });
    psql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
});
