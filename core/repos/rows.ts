import type { ReadSpec, ReadValue } from '../../shared/mutations/define';
import { planRead, type ReadPlan } from '../../shared/mutations/reads';
import { fromRecord, type LookupField, type RowOf, type SyncedTable, TABLE_SPECS, toRecord } from '../../shared/schema/tables';
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

/**
 * Generic row access for the synced tables, driven by the table registry (shared/schema/tables.ts):
 * the first row whose lookup field `by` equals `value` (by id, should the field not be unique).
 */
export function getRowBy<T extends SyncedTable>(db: Db, table: T, by: LookupField<T> | 'id', value: ReadValue): RowOf<T> | undefined {
  return loadRead(db, { table, by, value } as unknown as ReadSpec) as RowOf<T> | undefined;
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
