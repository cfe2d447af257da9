import type { FieldOf, ReadSpec, ReadValue, TableName, TableRows } from '../../shared/mutations/define';
import { planRead, type ReadPlan } from '../../shared/mutations/reads';
import { fromRecord, TABLE_SPECS, toRecord } from '../../shared/schema/tables';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';
import { strictAssert } from './assert';

/** The statements of a table, built once (a bootstrap inserts 100k rows through them). */
const SQL = new Map<TableName, { insert: string; insertIfAbsent: string; update: string }>();
function sqlFor(table: TableName) {
  let entry = SQL.get(table);
  if (!entry) {
    const columns = TABLE_SPECS[table].columns.map((c) => c.column);
    const name = TABLE_SPECS[table].sqlTable;
    const insert = `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    const update = `UPDATE ${name} SET ${columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`;
    entry = { insert, insertIfAbsent: `${insert} ON CONFLICT (id) DO NOTHING`, update };
    SQL.set(table, entry);
  }
  return entry;
}

/** A read plan as SQLite SQL with positional parameters (SQLite's text order is by code point already). */
function planSql(plan: ReadPlan): { text: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  const where = plan.where.map((w) => {
    params.push(w.value);
    return `${w.column} = ?`;
  });
  const order = plan.orderBy.map((o) => `${o.column} ${o.desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`);
  const text = `SELECT * FROM ${plan.sqlTable} WHERE ${where.join(' AND ')}${order.length > 0 ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ${plan.limit ?? 1}`;
  return { text, params };
}

/** Loads what a mutation's read names: one row (or undefined), or a list read's ordered rows. */
export function loadRead(db: Db, spec: ReadSpec): unknown {
  const plan = planRead(spec);
  const { text, params } = planSql(plan);
  const records = stmt(db, text).all(...params) as Record<string, unknown>[];
  const rows = records.map((r) => fromRecord(plan.table, r));
  return plan.limit === undefined ? rows[0] : rows;
}

/** Generic row access for the synced domain tables, driven by shared/schema/tables.ts. */
export function getRowBy<T extends TableName>(db: Db, table: T, by: FieldOf<T>, value: ReadValue): TableRows[T] | undefined {
  strictAssert(TABLE_SPECS[table].lookups.includes(by), `getRowBy: ${table} has no lookup by ${by}`);
  return loadRead(db, { table, by, value } as ReadSpec) as TableRows[T] | undefined;
}

export function insertRow<T extends TableName>(db: Db, table: T, row: TableRows[T]): void {
  const result = stmt(db, sqlFor(table).insert).run(toRecord(table, row));
  strictAssert(result.changes === 1, `insertRow(${table}): expected one row`);
}

export function updateRow<T extends TableName>(db: Db, table: T, row: TableRows[T]): void {
  const result = stmt(db, sqlFor(table).update).run(toRecord(table, row));
  strictAssert(result.changes === 1, `updateRow(${table}): expected one row`);
}

/** Inserts a row unless one with its id exists; true when it was inserted. */
export function insertRowIfAbsent<T extends TableName>(db: Db, table: T, row: TableRows[T]): boolean {
  return stmt(db, sqlFor(table).insertIfAbsent).run(toRecord(table, row)).changes === 1;
}
