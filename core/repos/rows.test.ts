import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CLIENT, FIXTURE_INCIDENTS, FIXTURE_READS, OTHER_CLIENT } from '../../shared/mutations/readsFixture';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { getRowBy, insertRow, loadRead, upsertRow } from './rows';

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
  });

  it('store integers and booleans (as 0/1) and read them back as numbers and booleans (settings, engineers)', () => {
    ({ engine } = testEngine());
    const { db } = engine;
    for (const idleDetection of [true, false]) {
      const row = { id: 'team' as const, idleThresholdMinutes: idleDetection ? 240 : 1, idleDetection, fieldVersions: {} };
      upsertRow(db, 'settings', row);
      expect(getRowBy(db, 'settings', 'id', 'team')).toStrictEqual(row);
      expect(db.prepare('SELECT idle_detection FROM settings').pluck().get()).toBe(idleDetection ? 1 : 0);
    }
    const engineer = { id: 'e-off', name: 'Oud', email: 'oud@example.nl', role: 'engineer' as const, active: false };
    upsertRow(db, 'engineers', engineer);
    expect(getRowBy(db, 'engineers', 'id', 'e-off')).toStrictEqual(engineer);
  });

  it('refuse a read by a field that is not a lookup, at compile time and at run time', () => {
    const { db } = seeded();
    // @ts-expect-error -- title is not one of incidents' lookups
    expect(() => getRowBy(db, 'incidents', 'title', 'a')).toThrow(/by title: not one of its lookups/);
    // @ts-expect-error -- a list read's conditions are lookups too
    expect(() => loadRead(db, { table: 'incidents', where: { status: 'new' }, limit: 5 })).toThrow(/by status: not one of its lookups/);
  });

  it('refuse a list read without a bound or above 500 rows', () => {
    const { db } = seeded();
    for (const limit of [0, 501, 1.5, Number.NaN]) {
      expect(() => loadRead(db, { table: 'incidents', where: { clientId: FIXTURE_CLIENT.id }, limit })).toThrow(/limit from 1 to 500/);
    }
    expect(() => loadRead(db, { table: 'incidents', where: {}, limit: 5 })).toThrow(/at least one condition/);
    expect(() => loadRead(db, { table: 'incidents', where: { clientId: null as never }, limit: 5 })).toThrow(/needs a value/);
  });
});
