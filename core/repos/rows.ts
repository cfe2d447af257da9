import { fromRecord, type RowOf, type SyncedTable, TABLE_SPECS, toRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { strictAssert } from './assert';

/** The statements of a table, built once (a bootstrap inserts 100k rows through them). */
const SQL = new Map<SyncedTable, { insert: string; insertIfAbsent: string; update: string; upsert: string }>();
function sqlFor(table: SyncedTable) {
  let entry = SQL.get(table);
  if (!entry) {
    const columns = TABLE_SPECS[table].columns.map((c) => c.column);
    const name = TABLE_SPECS[table].sqlTable;
    const insert = `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    const update = `UPDATE ${name} SET ${columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`;
    const replace = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    entry = {
      insert,
      insertIfAbsent: `${insert} ON CONFLICT (id) DO NOTHING`,
      update,
      upsert: `${insert} ON CONFLICT (id) DO UPDATE SET ${replace.join(', ')}`,
    };
    SQL.set(table, entry);
  }
  return entry;
}

/** Generic row access for the synced tables, driven by the table registry (shared/schema/tables.ts). */
export function getRowBy<T extends SyncedTable>(db: Db, table: T, by: 'id' | 'code', value: string): RowOf<T> | undefined {
  strictAssert(TABLE_SPECS[table].lookups.includes(by), `getRowBy: ${table} has no lookup by ${by}`);
  const record = stmt(db, `SELECT * FROM ${TABLE_SPECS[table].sqlTable} WHERE ${by} = ?`).get(value) as Record<string, unknown> | undefined;
  return record ? fromRecord(table, record) : undefined;
}

export function insertRow<T extends SyncedTable>(db: Db, table: T, row: RowOf<T>): void {
  const result = stmt(db, sqlFor(table).insert).run(toRecord(table, row));
  strictAssert(result.changes === 1, `insertRow(${table}): expected one row`);
}

export function updateRow<T extends SyncedTable>(db: Db, table: T, row: RowOf<T>): void {
  const result = stmt(db, sqlFor(table).update).run(toRecord(table, row));
  strictAssert(result.changes === 1, `updateRow(${table}): expected one row`);
}

/** Inserts a row unless one with its id exists; true when it was inserted. */
export function insertRowIfAbsent<T extends SyncedTable>(db: Db, table: T, row: RowOf<T>): boolean {
  return stmt(db, sqlFor(table).insertIfAbsent).run(toRecord(table, row)).changes === 1;
}

/** Writes the row, replacing the stored copy with its id if there is one (server-owned rows). */
export function upsertRow<T extends SyncedTable>(db: Db, table: T, row: RowOf<T>): void {
  stmt(db, sqlFor(table).upsert).run(toRecord(table, row));
}
