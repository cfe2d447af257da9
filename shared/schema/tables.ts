import type { TableName, TableRows } from '../mutations/define';

/**
 * How each synced domain table is stored, declared once: the laptop's SQLite store and the office
 * server (SQLite or PostgreSQL) map rows with the same description, so a column is never spelled
 * twice. JSON columns hold objects as text on every dialect. Integer columns come back as numbers
 * and boolean columns as booleans on every dialect: a boolean is stored as the integer 0 or 1
 * (SQLite has no boolean type; the server's migrations declare boolean columns `integer` on
 * PostgreSQL too, so one value binds alike everywhere — a native `boolean` column reads back right
 * as well).
 */
export type ColumnKind = 'text' | 'json' | 'integer' | 'boolean';

export interface ColumnSpec {
  field: string;
  column: string;
  kind: ColumnKind;
}

export interface TableSpec {
  /** The SQL table (snake_case on every dialect). */
  sqlTable: string;
  /** Singular name used in the audit trail and the REST API. */
  entity: string;
  /** Append-only rows are inserted once and never updated (timeline entries). */
  appendOnly?: boolean;
  columns: readonly ColumnSpec[];
  /**
   * Fields a mutation may read rows by (shared/mutations/define.ts, ReadSpec): each one indexed on
   * the laptop and on the server, so a read never scans a table.
   */
  lookups: readonly string[];
}

function col(field: string, kind: ColumnKind = 'text'): ColumnSpec {
  return { field, column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), kind };
}

export const TABLE_SPECS: { [T in TableName]: TableSpec } = {
  clients: {
    sqlTable: 'clients',
    entity: 'client',
    columns: [col('id'), col('name'), col('code'), col('createdAt'), col('createdBy'), col('fieldVersions', 'json')],
    lookups: ['id', 'code'],
  },
  incidents: {
    sqlTable: 'incidents',
    entity: 'incident',
    columns: [
      col('id'),
      col('clientId'),
      col('title'),
      col('description'),
      col('priority'),
      col('status'),
      col('openedAt'),
      col('createdAt'),
      col('createdBy'),
      col('updatedAt'),
      col('assigneeId'),
      col('category'),
      col('fieldVersions', 'json'),
    ],
    lookups: ['id', 'clientId'],
  },
  incidentEvents: {
    sqlTable: 'incident_events',
    entity: 'incident_event',
    appendOnly: true,
    columns: [
      col('id'),
      col('incidentId'),
      col('at'),
      col('data', 'json'),
      col('actorId'),
      col('actorName'),
      col('createdAt'),
      col('hlc'),
      col('fieldVersions', 'json'),
    ],
    lookups: ['id', 'incidentId'],
  },
  contracts: {
    sqlTable: 'contracts',
    entity: 'contract',
    columns: [
      col('id'),
      col('clientId'),
      col('effectiveFrom'),
      col('terms', 'json'),
      col('createdAt'),
      col('createdBy'),
      col('fieldVersions', 'json'),
    ],
    lookups: ['id', 'clientId'],
  },
  platforms: {
    sqlTable: 'platforms',
    entity: 'platform',
    columns: [
      col('id'),
      col('clientId'),
      col('name'),
      col('url'),
      col('stack'),
      col('environments', 'json'),
      col('createdAt'),
      col('createdBy'),
      col('fieldVersions', 'json'),
    ],
    lookups: ['id'],
  },
};

export const TABLE_NAMES = Object.keys(TABLE_SPECS) as TableName[];

/** A column value as bound to a statement: text, a number (integers, booleans as 0/1) or null. */
export type ColumnValue = string | number | null;

/** One value -> its column form (shared by inserts, updates and the values reads compare with). */
export function toColumn(kind: ColumnKind, value: unknown): ColumnValue {
  if (kind === 'json') return JSON.stringify(value ?? {});
  if (value === null || value === undefined) return null;
  if (kind === 'boolean') return value === true ? 1 : 0;
  if (kind === 'integer') return Number(value);
  return String(value);
}

/** A column as read from any dialect -> its domain value (PostgreSQL's bigint arrives as text). */
export function fromColumn(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (kind === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (kind === 'boolean') return typeof value === 'boolean' ? value : Number(value) !== 0;
  if (kind === 'integer') return Number(value);
  return value;
}

/** Domain row -> column record ready for binding, by a spec's columns. */
export function recordOf(columns: readonly ColumnSpec[], row: object): Record<string, ColumnValue> {
  const record: Record<string, ColumnValue> = {};
  for (const c of columns) record[c.column] = toColumn(c.kind, (row as Record<string, unknown>)[c.field]);
  return record;
}

/** Column record -> domain row, by a spec's columns. */
export function rowOf(columns: readonly ColumnSpec[], record: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of columns) row[c.field] = fromColumn(c.kind, record[c.column]);
  return row;
}

/** Domain row -> column record ready for binding. */
export function toRecord<T extends TableName>(table: T, row: TableRows[T]): Record<string, ColumnValue> {
  return recordOf(TABLE_SPECS[table].columns, row);
}

/** Column record (as read from any dialect) -> domain row. */
export function fromRecord<T extends TableName>(table: T, record: Record<string, unknown>): TableRows[T] {
  return rowOf(TABLE_SPECS[table].columns, record) as unknown as TableRows[T];
}
