import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stopProcess, waitForAddress } from './processes';
import { ROOT } from './webHost';

const run = promisify(execFile);
// The workspace's `npx vangnet-server`, started with node directly so the process we stop is the server.
const CLI = path.join(ROOT, 'server/bin/vangnet-server.mjs');
const READY = /^vangnet-server listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

export interface AddedEngineer {
  engineer: { id: string; name: string; email: string; role: string; active: boolean };
  pairingCode: string;
  expiresAt: string;
}

export interface OfficeServer {
  url: string;
  dataDir: string;
  /** `vangnet-server admin add-engineer --json`: a new engineer and the one-time code for their laptop. */
  addEngineer(engineer: { name: string; email: string }): Promise<AddedEngineer>;
  /** Any `vangnet-server admin …` command on this server's data folder; resolves with its stdout. */
  admin(args: string[]): Promise<string>;
  /** Freezes the server (SIGSTOP): connections open but nothing answers, so a sync round hangs. */
  pause(): void;
  resume(): void;
  log(): string;
  /** Stops the server (the laptops go offline); the data folder goes when the test ends. */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts `vangnet-server serve` on SQLite in a fresh data folder, on a port the OS picks. */
export async function startOfficeServer(): Promise<OfficeServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vangnet-e2e-server-'));
  const env = { ...process.env, VANGNET_LOG_LEVEL: process.env.VANGNET_LOG_LEVEL ?? 'warn' };
  const child = spawn(process.execPath, [CLI, '--data', dataDir, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  async function admin(args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, [CLI, '--data', dataDir, 'admin', ...args], { cwd: ROOT, env });
    return stdout;
  }
  async function stop(): Promise<void> {
    // A frozen process would sit on SIGTERM until the SIGKILL five seconds later.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGCONT');
    await stopProcess(child);
  }

  try {
    const url = await waitForAddress(child, READY, 'office server', () => stderr, START_TIMEOUT_MS);
    return {
      url,
      dataDir,
      admin,
      async addEngineer({ name, email }) {
        return JSON.parse(await admin(['add-engineer', '--name', name, '--email', email, '--json'])) as AddedEngineer;
      },
      pause: () => child.kill('SIGSTOP'),
      resume: () => child.kill('SIGCONT'),
      log: () => stderr,
      stop,
      async dispose() {
        await stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
