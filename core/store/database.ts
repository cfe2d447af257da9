import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { VangnetError } from '../../shared/errors';
import { foldText } from '../../shared/textFold';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { writeTransaction } from './transaction';

export type Db = Database.Database;

export interface OpenOptions {
  /** Migrate only up to this version (tests of individual migrations). */
  targetVersion?: number;
  readonly?: boolean;
}

/** Pragmas every connection gets. WAL's default `synchronous=NORMAL` can lose commits on power loss. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
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

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
  } catch (err) {
    throw new VangnetError('store_corrupt', `Cannot open the store at ${file}: ${(err as Error).message}`);
  }
  try {
    applyPragmas(db);
    registerFunctions(db);
    checkIntegrity(db, file);
    migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof VangnetError) throw err;
    // "file is not a database" and friends surface only at the first statement.
    throw new VangnetError('store_corrupt', `Cannot open the store at ${file}: ${(err as Error).message}`);
  }
}

/**
 * `quick_check` at every start: it verifies every page and record (catching a torn or corrupted
 * file) but not that each index matches its table — about half the time of `integrity_check`,
 * which on a store of 100k incidents with their history would add seconds to every start.
 */
function checkIntegrity(db: Db, file: string): void {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new VangnetError('store_corrupt', `The store at ${file} failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations, each in its own transaction together with its `user_version`. */
export function migrate(db: Db, target: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new VangnetError(
      'store_too_new',
      `This data folder was written by a newer Vangnet (schema ${current}; this version knows up to ${LATEST_VERSION}). ` +
        'Update Vangnet, or choose another data folder with VANGNET_HOME.',
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    writeTransaction(db, () => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}
