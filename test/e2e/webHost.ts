import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess, waitForAddress } from './processes';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /^Vangnet web host: (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

export interface WebHost {
  url: string;
  dataDir: string;
  /** Everything the host wrote to stderr so far (its pino log); attached to failing tests. */
  log(): string;
  /** Stops the host process, keeping its data folder. */
  kill(): Promise<void>;
  /** Starts a new host process (so a new secret) on the same port and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/vangnet-web.mjs` on an OS-chosen port (PORT=0) with its own data folder, and
 * resolves with the address it prints as its first stdout line; `prepare` lays out the data folder
 * first. Never builds: the renderer in dist/renderer comes from `npm run test:e2e`.
 */
export async function startWebHost(options: { prepare?(dataDir: string): Promise<void> | void } = {}): Promise<WebHost> {
  if (!existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run test:e2e`, which builds the renderer before Playwright');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-e2e-'));
  // A test may lay out the data folder first (a damaged store with backups, say).
  await options.prepare?.(dataDir);
  let stderr = '';
  let child: ChildProcess | undefined;
  let url = '';
  async function launch(port: string): Promise<string> {
    const started = spawn(process.execPath, [path.join(ROOT, 'bin/vangnet-web.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: port, VANGNET_HOME: dataDir, VANGNET_TEST_HOOKS: '1', VANGNET_LOG_LEVEL: process.env.VANGNET_LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stderr.setEncoding('utf8');
    started.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    return waitForAddress(started, READY, 'web host', () => stderr, START_TIMEOUT_MS);
  }
  async function kill(): Promise<void> {
    if (child) await stopProcess(child);
  }

  try {
    url = await launch('0');
    return {
      url,
      dataDir,
      log: () => stderr,
      kill,
      async restart() {
        await kill();
        await launch(new URL(url).port);
      },
      async stop() {
        await kill();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await kill();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
