import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import type { Settings } from '../domain/settings';
import { APPLY_ORDER, applyOrder, fromRecord, parentsOf, SYNCED_TABLES, TABLE_NAMES, TABLE_SPECS, toRecord } from './tables';
import { fromColumn, recordToRow, rowToRecord, toColumn } from './tableSpec';

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
      mergedInto: null,
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
});

describe('the table registry', () => {
  it('derives an apply order that puts every parent before the tables that refer to it', () => {
    expect(new Set(APPLY_ORDER)).toEqual(new Set(SYNCED_TABLES));
    for (const table of SYNCED_TABLES) {
      for (const parent of parentsOf(table))
        expect(APPLY_ORDER.indexOf(parent.table), `${parent.table} before ${table}`).toBeLessThan(APPLY_ORDER.indexOf(table));
    }
    expect(applyOrder({ child: { parents: [{ table: 'parent', field: 'p' }] }, parent: { parents: [] } })).toEqual(['parent', 'child']);
    expect(
      applyOrder({
        c: { parents: [{ table: 'b', field: 'b' }] },
        b: { parents: [{ table: 'a', field: 'a' }] },
        a: { parents: [] },
        d: { parents: [] },
      }),
    ).toEqual(['a', 'd', 'b', 'c']);
  });

  it('refuses parents that loop or that are not registered', () => {
    expect(() => applyOrder({ a: { parents: [{ table: 'b', field: 'b' }] }, b: { parents: [{ table: 'a', field: 'a' }] } })).toThrow(
      /cycle/,
    );
    expect(() => applyOrder({ a: { parents: [{ table: 'nope', field: 'n' }] } })).toThrow(/unknown parent table nope/);
  });

  it('names a parent field and a lookup that are columns of the table', () => {
    for (const table of SYNCED_TABLES) {
      const fields = TABLE_SPECS[table].columns.map((c) => c.field);
      for (const parent of parentsOf(table)) expect(fields).toContain(parent.field);
      for (const lookup of TABLE_SPECS[table].lookups) expect(fields).toContain(lookup);
    }
  });

  it('stores integers and booleans as numbers, and reads them back as their kind from either dialect', () => {
    const settings: Settings = { id: 'team', idleThresholdMinutes: 30, idleDetection: false, fieldVersions: {} };
    const record = toRecord('settings', settings);
    expect(record).toEqual({ id: 'team', idle_threshold_minutes: 30, idle_detection: 0, field_versions: '{}' });
    expect(fromRecord('settings', record)).toEqual(settings);
    // PostgreSQL: a bigint as text, a boolean as a boolean.
    expect(fromRecord('settings', { ...record, idle_threshold_minutes: '30', idle_detection: true })).toEqual({
      ...settings,
      idleDetection: true,
    });
  });

  it('keeps the JSON columns that may be empty empty', () => {
    const record = toRecord('audit', { id: 3, before: null, after: { a: 1 } } as never);
    expect(record).toMatchObject({ id: 3, before: null, after: '{"a":1}' });
    expect(fromRecord('audit', record)).toMatchObject({ id: 3, before: null, after: { a: 1 } });
  });
});

describe('the mutation tables', () => {
  it('name table and columns in snake_case of their fields, as server/db/schema.ts derives its Kysely types', () => {
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const table of TABLE_NAMES) {
      const spec = TABLE_SPECS[table];
      expect(spec.sqlTable, table).toBe(snake(table));
      const fields = Object.keys((spec.schema as unknown as { shape: object }).shape).sort();
      expect(spec.columns.map((c) => c.field).sort(), table).toEqual(fields);
      for (const c of spec.columns) expect(c.column).toBe(snake(c.field));
    }
  });
});

describe('typed columns', () => {
  const spec = {
    columns: [
      { field: 'minutes', column: 'minutes', kind: 'integer' },
      { field: 'idle', column: 'idle', kind: 'boolean' },
      { field: 'note', column: 'note', kind: 'text' },
    ],
  } as const;

  it('bind integers as numbers and booleans as 0/1, and read them back as numbers and booleans', () => {
    const record = rowToRecord(spec, { minutes: 10, idle: true, note: null });
    expect(record).toEqual({ minutes: 10, idle: 1, note: null });
    expect(rowToRecord(spec, { minutes: 0, idle: false, note: 'x' })).toEqual({ minutes: 0, idle: 0, note: 'x' });
    expect(recordToRow(spec, record)).toEqual({ minutes: 10, idle: true, note: null });
  });

  it('read what every dialect hands back: SQLite 0/1, PostgreSQL booleans, bigints as text', () => {
    expect(fromColumn('boolean', 0)).toBe(false);
    expect(fromColumn('boolean', 1)).toBe(true);
    expect(fromColumn('boolean', '1')).toBe(true);
    expect(fromColumn('boolean', true)).toBe(true);
    expect(fromColumn('boolean', false)).toBe(false);
    expect(fromColumn('integer', '9007199254740991')).toBe(9007199254740991);
    expect(fromColumn('integer', '0')).toBe(0);
    expect(fromColumn('integer', null)).toBeNull();
    expect(fromColumn('json', '{"a":[1]}')).toEqual({ a: [1] });
    expect(toColumn('boolean', null)).toBeNull();
    expect(toColumn('boolean', false)).toBe(0);
    expect(toColumn('integer', '12')).toBe(12);
    expect(toColumn('json', undefined)).toBe('{}');
  });
});
