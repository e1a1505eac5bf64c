// Playwright configuration for Yorozu's end-to-end tests.
//
// Run through `bash scripts/test.sh` (or `--only-e2e`), which builds target/debug/yorozu first.
// global-setup.ts starts `yorozu serve` on a free loopback port with a fresh data dir and
// publishes its address as YOROZU_E2E_BASE_URL (also written to e2e/.run/base-url). Worker
// processes are started after global setup and re-read this file, so `use.baseURL` below picks
// it up: tests call `page.goto('/')` / `request.get('/healthz')` with relative paths.
//
// No browser is downloaded: Debian's Chromium (/usr/bin/chromium) is used.
import { defineConfig, devices } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function baseURL(): string | undefined {
  if (process.env.YOROZU_E2E_BASE_URL) return process.env.YOROZU_E2E_BASE_URL;
  try {
    return readFileSync(join(here, '.run', 'base-url'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export const CHROMIUM_PATH = process.env.YOROZU_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: baseURL(),
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // The locale above must survive the device preset (which sets none, but be explicit).
        locale: 'ja-JP',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
