import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { VangnetError } from '../../shared/errors';
import { foldText } from '../../shared/textFold';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { checkConnection } from './integrityCheck';
import { damagedError, isCorruptionError, markDamaged, readDamage } from './storeDamage';
import { guardWrites, writeTransaction } from './transaction';

export type Db = Database.Database;

export interface OpenOptions {
  /** Migrate only up to this version (tests of individual migrations). */
  targetVersion?: number;
  readonly?: boolean;
  /** The clock for a damage mark made at open. */
  now?: () => number;
}

/** Pragmas every connection gets. WAL's default `synchronous=NORMAL` can lose commits on power loss. */
export function applyPragmas(db: Db): void {
  db.pragma('busy_timeout = 5000');
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache (the default is 2 MiB): list queries over a large store stay in memory.
  db.pragma('cache_size = -65536');
}

/**
 * The store's own SQL functions, which its triggers call (migration 0005): every connection that
 * writes the store needs them.
 */
export function registerFunctions(db: Db): void {
  db.function('vangnet_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : text));
}

/**
 * Opens the store, in this order: refuse a newer version before anything that writes; check every
 * page (`quick_check`); migrate. A store that fails the check is marked damaged (a sidecar file,
 * `storeDamage.ts`) and refused. A store already marked damaged is opened read-only — reads that
 * still work keep working, nothing is written, not even a WAL checkpoint — and every write
 * transaction is refused with `store_damaged`, as is every write on a connection whose store gets
 * marked later (by the background check, or by the CLI beside the app).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const memory = file === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(file), { recursive: true });
  const now = options.now ?? Date.now;
  const damage = readDamage(file);
  const readonly = (options.readonly ?? false) || (damage !== null && fs.existsSync(file));
  let db: Db;
  try {
    db = new Database(file, { readonly });
  } catch (err) {
    throw refuseDamaged(file, err, now);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Before any pragma that writes (journal_mode = WAL rewrites the header and leaves a -wal file):
    // a store from a newer Vangnet stays byte for byte as it was.
    refuseNewer(db);
    applyPragmas(db);
    registerFunctions(db);
    checkIntegrity(db, file, now);
    if (!damage) migrate(db, options.targetVersion ?? LATEST_VERSION);
    if (!memory) {
      guardWrites(db, () => {
        const found = readDamage(file);
        if (!found) return;
        // Also bars the writes that run outside a transaction (a single meta row), on this connection.
        if (!db.inTransaction) db.pragma('query_only = ON');
        throw damagedError(file, found);
      });
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof VangnetError) throw err;
    // "file is not a database" and friends surface only at the first statement.
    throw refuseDamaged(file, err, now);
  }
}

/** A store SQLite calls corrupt is marked so (the app then offers its backups); any other failure is only reported. */
function refuseDamaged(file: string, err: unknown, now: () => number): VangnetError {
  const message = (err as Error).message;
  if (file !== ':memory:' && isCorruptionError(err)) {
    markDamaged(file, { at: new Date(now()).toISOString(), source: 'open', detail: message });
  }
  return new VangnetError('store_corrupt', 'store.cannotOpen', { file, detail: message });
}

/**
 * `quick_check` at every start: it verifies every page and record (catching a torn or corrupted
 * file) but not that each index matches its table — about half the time of `integrity_check`,
 * which on a store of 100k incidents with their history would add seconds to every start. The full
 * check runs after start, off the engine's thread (`core/engine/storeCare.ts`).
 */
function checkIntegrity(db: Db, file: string, now: () => number): void {
  const problems = checkConnection(db, 'quick_check');
  if (problems.length > 0) {
    if (file !== ':memory:') markDamaged(file, { at: new Date(now()).toISOString(), source: 'open', detail: problems.slice(0, 3).join('; ') });
    throw new VangnetError('store_corrupt', 'store.integrity', { file, detail: problems.slice(0, 3).join('; ') });
  }
}

function refuseNewer(db: Db): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new VangnetError('store_too_new', 'store.tooNew', { current, latest: LATEST_VERSION });
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations, each in its own transaction together with its `user_version`. */
export function migrate(db: Db, target: number = LATEST_VERSION): void {
  refuseNewer(db);
  const current = schemaVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    writeTransaction(db, () => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}
