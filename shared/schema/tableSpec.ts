import type { z } from 'zod';

/**
 * The shape of one synced table's entry in the registry (shared/schema/tables.ts). Everything the
 * sync code does per table is decided by these fields, never by the table's name.
 */

/**
 * - `mutable`: written by mutations, every field stamped; copies merge field by field (newest wins).
 * - `appendOnly`: written once by a mutation and never changed (timeline entries); a differing
 *   local copy is replaced by the server's.
 * - `serverOwned`: written only by the office server (engineers, its audit trail); laptops take
 *   the server's copy as it is and never push it.
 */
export type TableKind = 'mutable' | 'appendOnly' | 'serverOwned';

/**
 * How a field is stored. `integer` and `boolean` come back as numbers and booleans from SQLite and
 * PostgreSQL alike (booleans are stored 0/1, in integer columns, on both); `json` columns hold text.
 */
export type ColumnKind = 'text' | 'integer' | 'boolean' | 'json';

export interface ColumnSpec {
  field: string;
  column: string;
  kind: ColumnKind;
}

/** A row of another table this table's rows refer to, and the field holding its id. */
export interface ParentRef<T extends string = string> {
  table: T;
  field: string;
}

/**
 * How a table's rows feed the SLA cache: `incident` names the incident whose clocks a row moves
 * (`field` holds its id), `client` a client whose incidents all move (a contract).
 */
export interface SlaFeed {
  via: 'incident' | 'client';
  field: string;
}

export interface TableSpec<
  K extends TableKind = TableKind,
  S extends z.ZodType = z.ZodType,
  P extends string = string,
  C extends boolean = boolean,
  L extends string = string,
> {
  kind: K;
  /** The schema every row must satisfy: before a laptop stores a pulled row, and in tests. */
  schema: S;
  /** The laptop's SQL table (snake_case); the server's too for the tables mutations write. */
  sqlTable: string;
  /** Singular name used in the audit trail and the REST API. */
  entity: string;
  columns: readonly ColumnSpec[];
  /**
   * Fields a mutation may read rows by (ReadSpec.by in shared/mutations/define.ts): each one leads
   * an index on the laptop and on the server (a test checks both), so a read never scans a table.
   */
  lookups: readonly L[];
  /** The rows this table's rows refer to (foreign keys on the laptop): applied before them. */
  parents: readonly ParentRef<P>[];
  /** False for a table whose laptop copy is legitimately partial (the audit trail): no checksum, no repair. */
  checksummed: C;
  sla?: SlaFeed;
  /** Rows never change once made (the audit trail, guarded by a trigger): a laptop keeps the first copy it gets. */
  immutable?: true;
  /** A check of a pulled row beyond its schema; a message when the row must be refused. */
  rowProblem?: (row: z.output<S>) => string | null;
}

/** A column whose SQL name is the field's in snake_case. */
export function col(field: string, kind: ColumnKind = 'text'): ColumnSpec {
  return { field, column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), kind };
}

export type SqlValue = string | number | null;

/** One value -> its column form (shared by inserts, updates and the values reads compare with). */
export function toColumn(kind: ColumnKind, value: unknown): SqlValue {
  if (value === null || (value === undefined && kind !== 'json')) return null;
  if (kind === 'json') return JSON.stringify(value ?? {});
  if (kind === 'boolean') return value ? 1 : 0;
  if (kind === 'integer') return Number(value);
  return String(value as string);
}

/** A column as read from either dialect -> its domain value. */
export function fromColumn(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (kind === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  // PostgreSQL hands back bigints as text, booleans as booleans; SQLite both as numbers.
  if (kind === 'integer') return Number(value);
  if (kind === 'boolean') return value === true || Number(value) === 1;
  return value;
}

/** Domain row -> column record ready for binding, on either dialect. */
export function rowToRecord(spec: Pick<TableSpec, 'columns'>, row: object): Record<string, SqlValue> {
  const record: Record<string, SqlValue> = {};
  for (const c of spec.columns) record[c.column] = toColumn(c.kind, (row as Record<string, unknown>)[c.field]);
  return record;
}

/** Column record (as read from SQLite or PostgreSQL) -> domain row. */
export function recordToRow(spec: Pick<TableSpec, 'columns'>, record: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of spec.columns) row[c.field] = fromColumn(c.kind, record[c.column]);
  return row;
}
