import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../core/engine/engine';
import type { Db } from '../../core/store/database';
import { testEngine } from '../../core/testSupport';
import { DIALECTS, freshServerDb } from '../../server/testSupport';
import type { ServerDb } from '../../server/db/connect';
import { SYNCED_TABLES, TABLE_NAMES, TABLE_SPECS, type SyncedTable } from '../../shared/schema/tables';

/**
 * Every field a mutation may read by (`lookups` in shared/schema/tables.ts) leads an index — or is
 * the primary key — on the laptop and on the office server, so no read scans a table. A lookup added
 * to the registry without its index in both migrations fails here.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function lookupColumns(table: SyncedTable): string[] {
  const spec = TABLE_SPECS[table];
  return (spec.lookups as readonly string[]).map((field) => spec.columns.find((c) => c.field === field)!.column);
}

/** The columns that lead an index or the primary key of a SQLite table. */
function sqliteLeading(db: Pick<Db, 'prepare'>, sqlTable: string): Set<string> {
  const leading = new Set<string>();
  const info = db.prepare(`PRAGMA table_info(${sqlTable})`).all() as { name: string; pk: number }[];
  for (const c of info) if (c.pk === 1) leading.add(c.name);
  for (const index of db.prepare(`PRAGMA index_list(${sqlTable})`).all() as { name: string }[]) {
    const first = (db.prepare(`PRAGMA index_info(${JSON.stringify(index.name)})`).all() as { seqno: number; name: string }[]).find(
      (c) => c.seqno === 0,
    );
    if (first) leading.add(first.name);
  }
  return leading;
}

async function serverLeading(store: ServerDb, dialect: (typeof DIALECTS)[number], sqlTable: string): Promise<Set<string>> {
  if (dialect === 'sqlite') {
    const leading = new Set<string>();
    const info = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${sqlTable})`.execute(store.db);
    for (const c of info.rows) if (Number(c.pk) === 1) leading.add(c.name);
    const firsts = await sql<{ name: string }>`
      SELECT ii.name FROM pragma_index_list(${sqlTable}) AS il, pragma_index_info(il.name) AS ii WHERE ii.seqno = 0`.execute(store.db);
    for (const r of firsts.rows) leading.add(r.name);
    return leading;
  }
  // Primary keys and unique constraints are indexes in PostgreSQL's catalog too.
  const rows = await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
     WHERE t.relname = ${sqlTable} AND t.relnamespace = to_regnamespace(current_schema())`.execute(store.db);
  return new Set(rows.rows.map((r) => r.name));
}

describe('lookup fields are indexed', () => {
  it('on the laptop, for every synced table', () => {
    const { engine } = testEngine();
    cleanups.push(() => (engine as Engine).close());
    for (const table of SYNCED_TABLES) {
      const leading = sqliteLeading(engine.db, TABLE_SPECS[table].sqlTable);
      for (const column of lookupColumns(table)) expect(leading.has(column), `laptop ${table}.${column}`).toBe(true);
    }
  });

  it('notices a lookup without an index', () => {
    const { engine } = testEngine();
    cleanups.push(() => (engine as Engine).close());
    expect(sqliteLeading(engine.db, 'incidents').has('title')).toBe(false);
    engine.db.exec('DROP INDEX incidents_by_client');
    expect(sqliteLeading(engine.db, 'incidents').has('client_id')).toBe(false);
  });

  it.each(DIALECTS)('on a %s office server, for every table mutations read', async (dialect) => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    for (const table of TABLE_NAMES) {
      const leading = await serverLeading(store, dialect, TABLE_SPECS[table].sqlTable);
      for (const column of lookupColumns(table)) expect(leading.has(column), `${dialect} ${table}.${column}`).toBe(true);
    }
    expect((await serverLeading(store, dialect, 'incidents')).has('title')).toBe(false);
  });
});
