import type { TableName, TableRows } from '../../shared/mutations/define';
import { fromRecord, TABLE_SPECS, toRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { strictAssert } from './assert';

/** Generic row access for the synced domain tables, driven by shared/schema/tables.ts. */
export function getRowBy<T extends TableName>(db: Db, table: T, by: 'id' | 'code', value: string): TableRows[T] | undefined {
  strictAssert(TABLE_SPECS[table].lookups.includes(by), `getRowBy: ${table} has no lookup by ${by}`);
  const record = stmt(db, `SELECT * FROM ${TABLE_SPECS[table].sqlTable} WHERE ${by} = ?`).get(value) as Record<string, unknown> | undefined;
  return record ? fromRecord(table, record) : undefined;
}

export function insertRow<T extends TableName>(db: Db, table: T, row: TableRows[T]): void {
  const columns = TABLE_SPECS[table].columns.map((c) => c.column);
  const sql = `INSERT INTO ${TABLE_SPECS[table].sqlTable} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  const result = stmt(db, sql).run(toRecord(table, row));
  strictAssert(result.changes === 1, `insertRow(${table}): expected one row`);
}

export function updateRow<T extends TableName>(db: Db, table: T, row: TableRows[T]): void {
  const columns = TABLE_SPECS[table].columns.map((c) => c.column).filter((c) => c !== 'id');
  const sql = `UPDATE ${TABLE_SPECS[table].sqlTable} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
  const result = stmt(db, sql).run(toRecord(table, row));
  strictAssert(result.changes === 1, `updateRow(${table}): expected one row`);
}

/** Inserts a row unless one with its id exists; true when it was inserted. */
export function insertRowIfAbsent<T extends TableName>(db: Db, table: T, row: TableRows[T]): boolean {
  const columns = TABLE_SPECS[table].columns.map((c) => c.column);
  const sql = `INSERT INTO ${TABLE_SPECS[table].sqlTable} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT (id) DO NOTHING`;
  return stmt(db, sql).run(toRecord(table, row)).changes === 1;
}
