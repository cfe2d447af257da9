import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Actor, Role } from '../shared/domain/common';
import { addEngineer } from './auth/devices';
import { connectServerDb, type ServerDb } from './db/connect';
import { buildServer, type ServerOptions, type VangnetServer } from './http/app';
import { type ActingAs, createMutationService } from './services/mutations';
import { createNotifier } from './sync/notifier';

/** Test helpers for the server's own and cross-room tests (never imported by production code). */
export const PG_URL = process.env.VANGNET_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/** A fresh, empty store: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function freshServerDb(
  dialect: TestDialect,
): Promise<{ store: ServerDb; drop(): Promise<void>; options: Parameters<typeof connectServerDb>[0] }> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-server-'));
    const options = { dataDir };
    return { store: await connectServerDb(options), options, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const options = { databaseUrl: PG_URL, schema };
  return {
    store: await connectServerDb(options),
    options,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/**
 * An empty store of the dialect for a server in a process of its own, and the `vangnet-server`
 * arguments that open it: a temp SQLite folder, or a PostgreSQL database of its own (the process
 * takes a URL, not a schema). `connect` opens it from this process too.
 */
export async function processStore(dialect: TestDialect): Promise<{ args: string[]; connect(): Promise<ServerDb>; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-server-'));
    return {
      args: ['--data', dataDir],
      connect: () => connectServerDb({ dataDir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `vt_proc_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    args: ['--database-url', url.toString()],
    connect: () => connectServerDb({ databaseUrl: url.toString() }),
    drop: async () => {
      // pg's pool.end() resolves before its connections have closed: forcing them closed then
      // makes a pool emit an error nobody listens to. Wait for them to go first (a bounded wait).
      for (let i = 0; i < 100; i += 1) {
        const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface TestServer {
  url: string;
  store: ServerDb;
  server: VangnetServer;
  /** Adds an engineer (role `engineer` unless told) and returns a fresh pairing code for them. */
  engineer(name: string, email?: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * Pairs a device as a new engineer and answers a fetch for the sync routes with its token: GET,
 * or POST with a JSON body.
 */
export async function pairedFetch(s: Pick<TestServer, 'url' | 'engineer'>, clientId = 'laptopA', role: Role = 'engineer') {
  const code = await s.engineer('Sanne', undefined, role);
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId, deviceName: 'test' }),
  });
  const { token } = (await res.json()) as { token: string };
  return (path: string, body?: unknown) =>
    fetch(`${s.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Server options a test may set besides the store and the clock (load limits, recheck intervals). */
export type TestServerOptions = Omit<ServerOptions, 'store' | 'now'>;

export async function startTestServer(dialect: TestDialect, now?: () => number, options: TestServerOptions = {}): Promise<TestServer> {
  const { store, drop } = await freshServerDb(dialect);
  return serveStore(store, drop, now, options);
}

/** A server on loopback over a store that already exists (benchmarks seed theirs first). */
export async function serveStore(
  store: ServerDb,
  drop: () => Promise<void>,
  now?: () => number,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const server = await buildServer({ store, ...options, ...(now ? { now } : {}) });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    server,
    async engineer(name, email, role = 'engineer') {
      const created = await addEngineer(store, {
        name,
        email: email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@agency.test`,
        role,
      });
      return created.pairingCode;
    },
    async close() {
      await server.close();
      await store.close();
      await drop();
    },
  };
}

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bin/vangnet-server.mjs');

/**
 * `vangnet-server … serve --port 0` in a process of its own, as deployed (`args` go before
 * `serve`: `--data DIR` or `--database-url URL`; `serveArgs` after it). Resolves once it listens;
 * stop() kills it. `node` adds options for Node itself (`--import` a preload), `env` variables.
 */
export function startServerProcess(
  args: string[],
  serveArgs: string[] = [],
  extra: { node?: string[]; env?: Record<string, string> } = {},
): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const child = spawn(process.execPath, [...(extra.node ?? []), BIN, ...args, 'serve', '--port', '0', ...serveArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VANGNET_LOG_LEVEL: 'warn', ...extra.env },
  });
  const stop = () => child.kill('SIGKILL');
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, stop });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${err}`));
    });
  });
}

/**
 * A fresh store of `dialect` with its notifier (every seq it hears kept in `heard`) and the
 * server's mutation service over both; `cleanups` gets what closes and drops them, in order.
 */
export async function serviceOnFreshStore(dialect: TestDialect, cleanups: (() => Promise<void>)[]) {
  const { store, drop } = await freshServerDb(dialect);
  const notifier = await createNotifier(store);
  cleanups.push(
    drop,
    () => store.close(),
    () => notifier.close(),
  );
  const heard: number[] = [];
  notifier.subscribe((seq) => heard.push(seq));
  return { store, notifier, heard, mutations: createMutationService({ store, notifier, now: Date.now }) };
}

/** An engineer of `role`, acting through the mutation service as the server would for their device. */
export const actingEngineer = (id: string, role: Role): ActingAs => ({
  kind: 'server',
  actor: { id, name: id, kind: 'engineer', role } satisfies Actor,
  source: 'test',
});
