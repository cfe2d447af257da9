import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CLIENT, FIXTURE_INCIDENTS, FIXTURE_READS, OTHER_CLIENT } from '../../shared/mutations/readsFixture';
import { recordOf, rowOf } from '../../shared/schema/tables';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { getRowBy, insertRow, loadRead } from './rows';

let engine: Engine | undefined;
afterEach(() => engine?.close());

function seeded(): Engine {
  ({ engine } = testEngine());
  insertRow(engine.db, 'clients', FIXTURE_CLIENT);
  insertRow(engine.db, 'clients', OTHER_CLIENT);
  for (const incident of FIXTURE_INCIDENTS) insertRow(engine.db, 'incidents', incident);
  return engine;
}

describe('mutation reads on the laptop', () => {
  it('load a bounded list in code-point order, ties by id, nulls first (the server gives the same)', () => {
    const { db } = seeded();
    for (const { read, ids } of FIXTURE_READS) {
      expect((loadRead(db, read) as { id: string }[]).map((r) => r.id)).toEqual(ids);
    }
  });

  it('load one row by any lookup field: the first by id', () => {
    const { db } = seeded();
    expect(getRowBy(db, 'incidents', 'clientId', FIXTURE_CLIENT.id)?.id).toBe('10000000-0000-7000-8000-000000000001');
    expect(getRowBy(db, 'clients', 'code', 'ANDER')).toEqual(OTHER_CLIENT);
    expect(getRowBy(db, 'incidents', 'clientId', 'nobody')).toBeUndefined();
    expect(() => getRowBy(db, 'incidents', 'title', 'a')).toThrow(/no lookup by title/);
  });

  it('store integers and booleans (as 0/1) and read them back as numbers and booleans', () => {
    ({ engine } = testEngine());
    const { db } = engine;
    db.exec('CREATE TABLE probe (id TEXT PRIMARY KEY, minutes INTEGER, idle INTEGER NOT NULL)');
    const columns = [
      { field: 'id', column: 'id', kind: 'text' },
      { field: 'minutes', column: 'minutes', kind: 'integer' },
      { field: 'idle', column: 'idle', kind: 'boolean' },
    ] as const;
    for (const row of [
      { id: 'a', minutes: 10, idle: true },
      { id: 'b', minutes: null, idle: false },
    ]) {
      db.prepare('INSERT INTO probe (id, minutes, idle) VALUES (@id, @minutes, @idle)').run(recordOf(columns, row));
    }
    const back = (db.prepare('SELECT * FROM probe ORDER BY id').all() as Record<string, unknown>[]).map((r) => rowOf(columns, r));
    expect(back).toEqual([
      { id: 'a', minutes: 10, idle: true },
      { id: 'b', minutes: null, idle: false },
    ]);
    expect(db.prepare('SELECT idle FROM probe ORDER BY id').pluck().all()).toEqual([1, 0]);
  });
});
