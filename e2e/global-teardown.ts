// Stops the server started by global-setup.ts and removes its data dir.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { BASE_URL_FILE, STATE_FILE } from './global-setup.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid?: number; dataDir?: string };
  if (state.pid && alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    for (let i = 0; i < 50 && alive(state.pid); i++) await sleep(100);
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  if (state.dataDir) {
    if (process.env.YOROZU_E2E_KEEP_DATA) console.log(`[e2e] kept data dir ${state.dataDir}`);
    else rmSync(state.dataDir, { recursive: true, force: true });
  }
  rmSync(STATE_FILE, { force: true });
  rmSync(BASE_URL_FILE, { force: true });
}
