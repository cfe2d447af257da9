import type { TableName, TableRows } from '../mutations/define';

/**
 * How each synced domain table is stored, declared once: the laptop's SQLite store and the office
 * server (SQLite or PostgreSQL) map rows with the same description, so a column is never spelled
 * twice. JSON columns hold objects as text on every dialect.
 */
export type ColumnKind = 'text' | 'json';

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
  /** Columns a mutation may look a row up by. */
  lookups: readonly ('id' | 'code')[];
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
    lookups: ['id'],
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
    lookups: ['id'],
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
    lookups: ['id'],
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

/** Domain row -> column record ready for binding. */
export function toRecord<T extends TableName>(table: T, row: TableRows[T]): Record<string, string | null> {
  const record: Record<string, string | null> = {};
  for (const c of TABLE_SPECS[table].columns) {
    const value = (row as unknown as Record<string, unknown>)[c.field];
    record[c.column] = c.kind === 'json' ? JSON.stringify(value ?? {}) : value === null || value === undefined ? null : String(value);
  }
  return record;
}

/** Column record (as read from any dialect) -> domain row. */
export function fromRecord<T extends TableName>(table: T, record: Record<string, unknown>): TableRows[T] {
  const row: Record<string, unknown> = {};
  for (const c of TABLE_SPECS[table].columns) {
    const value = record[c.column];
    row[c.field] = c.kind === 'json' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  }
  return row as unknown as TableRows[T];
}
