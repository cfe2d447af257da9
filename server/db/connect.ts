import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { VangnetError } from '../../shared/errors';
import { migrateServer } from './migrate';
import { loadPg } from './pgDriver';
import type { Dialect, ServerDatabase } from './schema';

export interface ServerDb {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  /** Only for PostgreSQL: the pool, and how to open a connection of its own for LISTEN. */
  pool?: pg.Pool;
  pgConfig?: pg.ClientConfig;
  /** Only for PostgreSQL: the schema it lives in, when not the default (tests use one each). */
  schema?: string;
  close(): Promise<void>;
}

const STATEMENT_CACHE_MAX = 1000;

/**
 * Kysely's SQLite driver prepares every statement on every call; preparing was a fifth of a push's
 * time. The same SQL text gets the same prepared statement (Kysely runs one query at a time per
 * connection, so a statement is never in use twice).
 */
function cachingStatements(sqlite: Database.Database): { close(): void; prepare(sql: string): Database.Statement } {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        // Kysely opens transactions with a deferred `begin`. A deferred transaction that has read
        // and then writes fails at once with SQLITE_BUSY when another process (the admin command
        // beside the server) is writing; an immediate one waits its turn under busy_timeout.
        statement = sqlite.prepare(sql === 'begin' ? 'begin immediate' : sql);
        if (cache.size < STATEMENT_CACHE_MAX) cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface ConnectOptions {
  /** SQLite file in this folder when no database URL is given. */
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests isolate themselves in a schema of their own). */
  schema?: string;
}

/** Opens the server's store on SQLite (default) or PostgreSQL and brings its schema up to date. */
export async function connectServerDb(options: ConnectOptions): Promise<ServerDb> {
  let result: ServerDb;
  if (options.databaseUrl) {
    const pgConfig: pg.ClientConfig = {
      connectionString: options.databaseUrl,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    };
    const { Pool } = await loadPg();
    const pool = new Pool({ ...pgConfig, max: 10 });
    const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
    result = { db, dialect: 'postgres', pool, pgConfig, ...(options.schema ? { schema: options.schema } : {}), close: () => db.destroy() };
  } else {
    if (!options.dataDir) throw new VangnetError('invalid_args', 'server.needData');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, 'vangnet-server.sqlite3');
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    result = { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  try {
    await migrateServer(result.db, result.dialect);
  } catch (err) {
    await result.close();
    throw err;
  }
  return result;
}
