import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * The peer for the initial-sync benchmark: PouchDB replicating from a CouchDB-compatible server
 * (express-pouchdb on express 4; its `_changes` route breaks under express 5). These packages ship
 * no type declarations, so the few calls used are declared here.
 */

interface ReplicationResult {
  ok: boolean;
  docs_written: number;
  docs_read: number;
}
interface PouchDatabase {
  name: string;
  adapter: string;
  bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string }[]>;
  info(): Promise<{ doc_count: number; adapter: string }>;
  replicate: { from(source: string | PouchDatabase, options?: object): Promise<ReplicationResult> };
  close(): Promise<void>;
  destroy(): Promise<void>;
}
interface PouchStatic {
  new (name: string, options?: object): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  defaults(options: object): PouchStatic;
}
type ExpressApp = ((...args: unknown[]) => void) & {
  use(mount: string, handler: unknown): void;
  listen(port: number, host: string): Server;
};

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb') as PouchStatic;
const memoryAdapter = require('pouchdb-adapter-memory') as unknown;
const express = require('express') as () => ExpressApp;
const expressPouchdb = require('express-pouchdb') as (pouch: PouchStatic, options: object) => unknown;

/** `leveldb`: on disk, PouchDB's own default in Node. `memory`: memdown, nothing on disk. */
export type PouchStorage = 'leveldb' | 'memory';

function pouchFor(storage: PouchStorage, dir: string): PouchStatic {
  return storage === 'memory'
    ? PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })
    : PouchDB.defaults({ prefix: `${dir}${path.sep}` });
}

export interface PouchServer {
  /** URL of the database holding the documents. */
  dbUrl: string;
  close(): Promise<void>;
}

/**
 * Starts express-pouchdb on loopback and fills one database with `docs` through its HTTP API
 * (bulk writes of 1000; not timed by the callers).
 */
export async function startPouchServer(storage: PouchStorage, docs: readonly object[]): Promise<PouchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-pouch-server-'));
  const app = express();
  app.use(
    '/',
    expressPouchdb(pouchFor(storage, dir), { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: path.join(dir, 'log.txt') }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const dbUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`;
  const remote = new PouchDB(dbUrl);
  if (remote.adapter !== 'http') throw new Error(`seeding through ${remote.adapter}, not http`);
  for (let i = 0; i < docs.length; i += 1000) {
    const results = await remote.bulkDocs(docs.slice(i, i + 1000) as object[]);
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`seeding PouchDB failed: ${failed.error}`);
  }
  const { doc_count } = await remote.info();
  await remote.close();
  if (doc_count !== docs.length) throw new Error(`PouchDB server holds ${doc_count} of ${docs.length} docs`);
  return {
    dbUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Replicates the server's database into a fresh local PouchDB (defaults: batches of 100). */
export async function pouchReplicate(
  storage: PouchStorage,
  dbUrl: string,
): Promise<{ wallMs: number; docsWritten: number; adapter: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vangnet-pouch-local-'));
  const local = new (pouchFor(storage, dir))('laptop');
  // The source is an HTTP database of the plain constructor: a URL string would be opened with the
  // local constructor's defaults, and under `adapter: 'memory'` that is a local database of that name.
  const source = new PouchDB(dbUrl);
  try {
    if (source.adapter !== 'http') throw new Error(`replication source uses ${source.adapter}, not http`);
    const t0 = performance.now();
    const result = await local.replicate.from(source);
    const wallMs = performance.now() - t0;
    if (!result.ok) throw new Error('PouchDB replication did not finish ok');
    const info = await local.info();
    return { wallMs, docsWritten: info.doc_count, adapter: info.adapter };
  } finally {
    await source.close();
    await local.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
