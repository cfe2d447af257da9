import type { Db } from './database';

/**
 * Checks run before every write transaction (the store's damage mark, see `storeDamage.ts`).
 * Registered per connection, so a connection opened for a test of one migration has none.
 */
const writeGuards = new WeakMap<Db, () => void>();

export function guardWrites(db: Db, guard: () => void): void {
  writeGuards.set(db, guard);
}

/**
 * The one way core writes in a transaction: `BEGIN IMMEDIATE`. A deferred transaction that reads
 * before it writes takes the write lock only at its first write; if another process (the CLI beside
 * the app) committed in between, SQLite answers SQLITE_BUSY at once, because waiting could not help
 * a snapshot that is already stale — busy_timeout never applies. Taking the write lock at BEGIN
 * makes the second writer wait its turn under busy_timeout instead. Inside another transaction it
 * becomes a savepoint, as better-sqlite3's transactions always do. ESLint forbids `db.transaction`
 * anywhere else in core.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  writeGuards.get(db)?.();
  return db.transaction(fn).immediate();
}
