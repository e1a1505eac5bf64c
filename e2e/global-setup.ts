// Starts one `yorozu serve` for the whole e2e run.
//
// 1. a fresh temporary data dir (SQLite database, uploads, captured mail);
// 2. `yorozu admin create-operator` so tests can log in as the operator
//    (operator@example.jp / operator-pass-123, exported as OPERATOR from helpers/accounts.ts);
// 3. `yorozu serve --bind 127.0.0.1:PORT --data-dir DIR` on a free port, with
//    YOROZU_JOB_POLL_MS=100 so background jobs (mail, ...) run promptly, and a fresh
//    YOROZU_MAILBOX_KEY (published as YOROZU_E2E_MAILBOX_KEY and e2e/.run/mailbox-key) so the
//    tests can read the captured mail;
// 4. waits for GET /healthz == 200 (60 s), then publishes the address as
//    process.env.YOROZU_E2E_BASE_URL and e2e/.run/base-url.
// State for global-teardown.ts (pid, data dir) goes to e2e/.run/server.json.
//
// Env: YOROZU_E2E_BIN overrides the binary (default ../target/debug/yorozu);
//      YOROZU_E2E_KEEP_DATA=1 keeps the data dir after the run (its path is printed).
import type { FullConfig } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATOR } from './helpers/accounts.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const RUN_DIR = join(here, '.run');
export const STATE_FILE = join(RUN_DIR, 'server.json');
export const BASE_URL_FILE = join(RUN_DIR, 'base-url');
export const SERVER_LOG = join(RUN_DIR, 'server.log');
export const MAILBOX_KEY_FILE = join(RUN_DIR, 'mailbox-key');

const HEALTH_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not determine a free port'));
        return;
      }
      const port = addr.port;
      srv.close(() => resolvePort(port));
    });
  });
}

function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default async function globalSetup(_config: FullConfig): Promise<void> {
  const bin = resolve(here, process.env.YOROZU_E2E_BIN ?? '../target/debug/yorozu');
  if (!existsSync(bin)) {
    throw new Error(`yorozu binary not found at ${bin}; build it with \`cargo build -p yorozu-server\` (scripts/test.sh does).`);
  }

  mkdirSync(RUN_DIR, { recursive: true });
  rmSync(BASE_URL_FILE, { force: true });
  rmSync(MAILBOX_KEY_FILE, { force: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'yorozu-e2e-'));

  // The e2e server is hermetic: its own SQLite data dir, the captured mailbox, mailed links to
  // its own address. Settings from the developer's environment (DATABASE_URL, SMTP_URL,
  // YOROZU_BASE_URL, YOROZU_SECRET_KEY, ...) are dropped; only the log settings are kept.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key === 'SMTP_URL') delete env[key];
    else if (key.startsWith('YOROZU_') && key !== 'YOROZU_LOG' && key !== 'YOROZU_LOG_FORMAT') delete env[key];
  }
  env.YOROZU_JOB_POLL_MS = '100';
  // Analytics counts are written every 200 ms (5 s in production), so a seller sees visits soon.
  env.YOROZU_ANALYTICS_FLUSH_MS = '200';
  // The captured mail opens only with the mailbox key (or for operators). A console user reads
  // it from the start line; the tests are given it as a setting, as a deployment would be.
  const mailboxKey = `e2e-${randomBytes(18).toString('hex')}`;
  env.YOROZU_MAILBOX_KEY = mailboxKey;
  // Every test signs up from 127.0.0.1: the per-client sign-up limit would stop the suite.
  env.YOROZU_CLIENT_REQUEST_LIMIT = '100000';
  // The payout tests register a bank account and request a payout at once (the 72-hour hold
  // is tested in Rust), and operators sign in without two-step sign-in (two_step.spec.ts
  // turns it on for a member; the operator gate is tested in Rust).
  env.YOROZU_BANK_CHANGE_HOLD_HOURS = '0';
  env.YOROZU_OPERATOR_TWO_STEP = 'false';
  env.NO_COLOR = '1'; // plain text in .run/server.log

  const create = spawnSync(
    bin,
    [
      'admin', 'create-operator',
      '--email', OPERATOR.email,
      '--password', OPERATOR.password,
      '--display-name', OPERATOR.displayName,
      '--data-dir', dataDir,
    ],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (create.error || create.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(
      `\`yorozu admin create-operator\` failed (${create.error?.message ?? `exit ${create.status}, signal ${create.signal}`}):\n` +
        `${create.stderr ?? ''}${create.stdout ? `\nstdout:\n${create.stdout}` : ''}`,
    );
  }

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = openSync(SERVER_LOG, 'w');
  const server = spawn(bin, ['serve', '--bind', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    env,
    stdio: ['ignore', log, log],
    detached: false,
  });
  closeSync(log);
  let exited: string | null = null;
  server.on('exit', (code, signal) => {
    exited = `exit ${code}, signal ${signal}`;
  });
  server.on('error', (err) => {
    exited = `spawn error: ${err.message}`;
  });
  // Teardown runs in this same process, but also record the pid on disk so scripts/test.sh can
  // clean up if Playwright itself is killed.
  writeFileSync(STATE_FILE, JSON.stringify({ pid: server.pid, dataDir, port, baseURL }, null, 2));

  const fail = (why: string): never => {
    try {
      server.kill('SIGKILL');
    } catch {
      /* already gone */
    }
    if (!process.env.YOROZU_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    rmSync(STATE_FILE, { force: true });
    throw new Error(`${why}\n--- server log (${SERVER_LOG}) ---\n${tail(SERVER_LOG)}`);
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no response yet';
  for (;;) {
    if (exited) fail(`yorozu serve exited before becoming healthy (${exited})`);
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) fail(`yorozu serve did not answer 200 on ${baseURL}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
    await sleep(200);
  }

  process.env.YOROZU_E2E_BASE_URL = baseURL;
  process.env.YOROZU_E2E_MAILBOX_KEY = mailboxKey;
  writeFileSync(MAILBOX_KEY_FILE, `${mailboxKey}\n`);
  process.env.YOROZU_E2E_DATA_DIR = dataDir;
  writeFileSync(BASE_URL_FILE, `${baseURL}\n`);
  console.log(`[e2e] yorozu serve ready at ${baseURL} (data dir ${dataDir}, log ${SERVER_LOG})`);
}
