import { TABLE_SPECS } from '../schema/tables';
import { type ColumnKind, type ColumnSpec, toColumn } from '../schema/tableSpec';
import { type ListRead, LIST_READ_MAX, type ReadSpec, type TableName } from './define';

/**
 * A mutation's read, checked and put in column terms, for a host to turn into SQL. Both hosts
 * render the same plan, so a list read returns the same rows in the same order on each: equality
 * on lookups only, then the requested order with id last as the tie-breaker.
 */
export interface ReadPlan {
  table: TableName;
  sqlTable: string;
  /** Equality conditions. */
  where: { column: string; value: string | number }[];
  /** Ends with id. Text columns compare by code point on every dialect; nulls come first ascending. */
  orderBy: { column: string; desc: boolean; kind: ColumnKind }[];
  /** Undefined for a single-row read (which takes the first match). */
  limit?: number;
}

function column(table: TableName, field: string, why: string) {
  const spec = TABLE_SPECS[table];
  const c = spec.columns.find((col) => col.field === field);
  if (!c) throw new Error(`${why}: ${table} has no field ${field}`);
  return c;
}

function lookup(table: TableName, field: string) {
  if (!(TABLE_SPECS[table].lookups as readonly string[]).includes(field)) throw new Error(`A read of ${table} by ${field}: not one of its lookups`);
  return column(table, field, 'A read');
}

/** A value a read compares with, in column form; NULL never equals anything, so it is refused. */
function comparable(table: TableName, c: ColumnSpec, value: unknown): string | number {
  const v = toColumn(c.kind, value);
  if (v === null) throw new Error(`A read of ${table} by ${c.field} needs a value`);
  return v;
}

/**
 * Checks a read against the table's spec. What it throws is a defect of the mutation that asked,
 * never of the data: on the server it turns into that mutation's refusal (applyMutation's `pure`).
 */
export function planRead(spec: ReadSpec): ReadPlan {
  const { table } = spec;
  const sqlTable = TABLE_SPECS[table].sqlTable;
  if (!('where' in spec)) {
    const c = lookup(table, spec.by);
    // The first match by id, should the field not be unique: the same row on both hosts.
    const orderBy = c.column === 'id' ? [] : [{ column: 'id', desc: false, kind: 'text' as const }];
    return { table, sqlTable, where: [{ column: c.column, value: comparable(table, c, spec.value) }], orderBy };
  }
  const list = spec as ListRead;
  if (!Number.isInteger(list.limit) || list.limit < 1 || list.limit > LIST_READ_MAX) {
    throw new Error(`A list read of ${table} needs a limit from 1 to ${LIST_READ_MAX} (got ${String(list.limit)})`);
  }
  const where = Object.entries(list.where).map(([field, value]) => {
    const c = lookup(table, field);
    return { column: c.column, value: comparable(table, c, value) };
  });
  if (where.length === 0) throw new Error(`A list read of ${table} needs at least one condition`);
  const orderBy = (list.orderBy ?? []).map((o) => {
    const c = column(table, o.field, 'An order');
    return { column: c.column, desc: o.desc === true, kind: c.kind };
  });
  // Ids are unique: with id among the terms the order is total already.
  if (!orderBy.some((o) => o.column === 'id')) orderBy.push({ column: 'id', desc: false, kind: 'text' });
  return { table, sqlTable, where, orderBy, limit: list.limit };
}
