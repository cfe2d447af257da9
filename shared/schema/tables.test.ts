import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { SYNCED_ROW_SCHEMAS } from '../sync/rows';
import { fromColumn, fromRecord, recordOf, rowOf, TABLE_SPECS, toColumn, toRecord } from './tables';

describe('table specs', () => {
  it('map a domain row to columns and back unchanged', () => {
    const incident: Incident = {
      id: '0190a5a8-0000-7000-8000-000000000001',
      clientId: '0190a5a8-0000-7000-8000-000000000002',
      title: 'Website traag',
      description: '',
      priority: 'P2',
      status: 'new',
      openedAt: '2026-03-02T09:00:00.000Z',
      createdAt: '2026-03-02T09:00:00.000Z',
      createdBy: 'e1',
      updatedAt: '2026-03-02T09:00:00.000Z',
      assigneeId: null,
      category: 'bugfix',
      fieldVersions: { title: 'x' },
    };
    const record = toRecord('incidents', incident);
    expect(record).toMatchObject({ client_id: incident.clientId, opened_at: incident.openedAt, field_versions: '{"title":"x"}' });
    expect(fromRecord('incidents', record)).toEqual(incident);
  });

  it('cover every field of the domain schemas exactly once', () => {
    for (const spec of Object.values(TABLE_SPECS)) {
      const columns = spec.columns.map((c) => c.column);
      expect(new Set(columns).size).toBe(columns.length);
      expect(columns).toContain('id');
    }
  });

  it('name every table and column in snake_case of its field, as server/db/schema.ts derives its Kysely types', () => {
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const [table, spec] of Object.entries(TABLE_SPECS)) {
      expect(spec.sqlTable).toBe(snake(table));
      const fields = Object.keys(SYNCED_ROW_SCHEMAS[table as keyof typeof TABLE_SPECS].shape).sort();
      expect(spec.columns.map((c) => c.field).sort()).toEqual(fields);
      for (const c of spec.columns) expect(c.column).toBe(snake(c.field));
    }
  });
});

describe('typed columns', () => {
  const columns = [
    { field: 'minutes', column: 'minutes', kind: 'integer' },
    { field: 'idle', column: 'idle', kind: 'boolean' },
    { field: 'note', column: 'note', kind: 'text' },
  ] as const;

  it('bind integers as numbers and booleans as 0/1, and read them back as numbers and booleans', () => {
    const record = recordOf(columns, { minutes: 10, idle: true, note: null });
    expect(record).toEqual({ minutes: 10, idle: 1, note: null });
    expect(recordOf(columns, { minutes: 0, idle: false, note: 'x' })).toEqual({ minutes: 0, idle: 0, note: 'x' });
    expect(rowOf(columns, record)).toEqual({ minutes: 10, idle: true, note: null });
  });

  it('read what every dialect hands back: SQLite 0/1, PostgreSQL booleans, bigints as text', () => {
    expect(fromColumn('boolean', 0)).toBe(false);
    expect(fromColumn('boolean', 1)).toBe(true);
    expect(fromColumn('boolean', true)).toBe(true);
    expect(fromColumn('boolean', false)).toBe(false);
    expect(fromColumn('integer', '9007199254740991')).toBe(9007199254740991);
    expect(fromColumn('integer', null)).toBeNull();
    expect(toColumn('boolean', null)).toBeNull();
  });
});
