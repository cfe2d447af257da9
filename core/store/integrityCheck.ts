import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * How the store is checked. `quick_check` verifies every page and record but not that each index
 * matches its table; `integrity_check` does both and takes about twice as long — seconds on a large
 * store, so it never runs on the engine's thread (see `checkFileInBackground`).
 */
export type CheckKind = 'quick_check' | 'integrity_check';

/** SQLite lists at most this many problems; the first few are enough to say the store is damaged. */
const MAX_PROBLEMS = 20;

/** Runs a check on an open connection; returns SQLite's problems, none when the store is sound. */
export function checkConnection(db: Db, kind: CheckKind): string[] {
  const rows = db.prepare(`PRAGMA ${kind}(${MAX_PROBLEMS})`).pluck().all() as string[];
  return rows.filter((row) => row !== 'ok');
}

// Plain JavaScript, so the worker needs no TypeScript loader in any host (tsx, the Electron bundle).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.prepare('PRAGMA ' + workerData.kind + '(' + workerData.max + ')').pluck().all();
  parentPort.postMessage({ problems: rows.filter((row) => row !== 'ok') });
} catch (err) {
  parentPort.postMessage({ error: { code: err && err.code, message: String(err && err.message) } });
} finally {
  if (db) db.close();
}
`;

/** better-sqlite3's entry file, resolved here (the worker's own `require` would start from the cwd). */
function driverPath(): string {
  // The Electron bundle is CommonJS (no import.meta); tsx and vitest run this file as ESM (no require).
  const resolve = typeof require === 'function' ? require.resolve : createRequire(import.meta.url).resolve;
  return resolve('better-sqlite3');
}

export interface CheckOutcome {
  problems: string[];
  /** Set when the check itself could not run; `code` is SQLite's (SQLITE_CORRUPT means damage, SQLITE_BUSY does not). */
  error?: { code?: string; message: string };
}

/**
 * Checks a store file on a worker thread over its own read-only connection, so the engine keeps
 * answering meanwhile. In WAL mode the worker reads a snapshot and never blocks a writer.
 */
export function checkFileInBackground(file: string, kind: CheckKind = 'integrity_check'): { done: Promise<CheckOutcome>; cancel(): void } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, kind, max: MAX_PROBLEMS, driver: driverPath() } });
  const done = new Promise<CheckOutcome>((resolve) => {
    worker.once('message', (message: CheckOutcome) => resolve(message));
    worker.once('error', (err) => resolve({ problems: [], error: { message: err.message } }));
    worker.once('exit', () => resolve({ problems: [], error: { message: 'the check was stopped' } }));
  });
  return {
    done,
    cancel: () => void worker.terminate(),
  };
}
