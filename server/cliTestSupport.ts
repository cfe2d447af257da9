import fs from 'node:fs';
import { afterEach, vi } from 'vitest';
import { main } from './cli';

/** Runs `vangnet-server --data DIR …` in this process; answers its exit code and what it printed. */
export async function runServerCli(dataDir: string, ...args: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const code = await main(['node', 'vangnet-server', '--data', dataDir, ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

/**
 * For a test file of admin commands: the runner, and a list of data folders it fills, removed
 * (with every spy restored) after each test.
 */
export function serverCliHarness() {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return { run: runServerCli, dirs };
}
