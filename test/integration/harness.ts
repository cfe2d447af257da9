import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../core/engine/dispatch';
import type { Engine } from '../../core/engine/engine';

/** Helpers for the reliability harnesses: seeded counts, the built CLI as a child process, calls. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A soak run (`VANGNET_SOAK=1`) uses the larger count; `npm test` the small one. */
export function soakOr(ci: number, soak: number): number {
  return process.env.VANGNET_SOAK === '1' ? soak : ci;
}

/** The seed of a run: `VANGNET_SEED` to replay one, else a fixed one so CI runs are repeatable. */
export function harnessSeed(fallback: number): number {
  return process.env.VANGNET_SEED ? Number(process.env.VANGNET_SEED) : fallback;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/vangnet.mjs` (the CLI as installed) on a data folder. `kill` may SIGKILL it at a moment
 * of the caller's choosing (it gets a function that does it); a kill after the exit does nothing.
 */
export function runCli(home: string, args: string[], kill?: (killNow: () => void) => void): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/vangnet.mjs'), '--home', home, ...args], {
    cwd: ROOT,
    env: { ...process.env, VANGNET_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  kill?.(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A contract call that must succeed. */
export async function call<T>(engine: Engine, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * A TCP proxy in front of an office server that may be killed and restarted on another port: the
 * laptop keeps one address, and the harness hears when a push request goes through.
 */
export interface ServerProxy {
  url: string;
  /** Where connections go from now on. */
  target(port: number): void;
  /** Called once for each push request sent through. */
  onPush(listener: (() => void) | undefined): void;
  close(): Promise<void>;
}

export async function startProxy(): Promise<ServerProxy> {
  let port = 0;
  let listener: (() => void) | undefined;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    open.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes('POST /sync/v1/push ')) listener?.();
    });
    client.pipe(upstream);
    upstream.pipe(client);
    for (const s of [client, upstream]) s.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    target: (p) => (port = p),
    onPush: (l) => (listener = l),
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
