import { afterEach, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { verifyAuditChain } from '../repos/audit';
import { listOutbox } from '../repos/outbox';
import { testEngine } from '../testSupport';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

function count(table: string): number {
  return (engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('mutations on the local store', () => {
  it('commit the row, an outbox entry and an audit entry together', () => {
    ({ engine } = testEngine());
    const id = uuidv4();
    engine.mutate('client.create', { id, name: 'Bakkerij de Vries', code: 'BAKK' });
    expect(count('clients')).toBe(1);
    const [entry] = listOutbox(engine.db);
    expect(entry).toMatchObject({
      mutationId: 1,
      name: 'client.create',
      args: { id, name: 'Bakkerij de Vries', code: 'BAKK' },
      state: 'pending',
    });
    const audit = engine.db.prepare('SELECT * FROM audit').all() as {
      entity: string;
      entity_id: string;
      actor_name: string;
      before: string | null;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'client', entity_id: id, actor_name: 'Test Engineer', before: null });
  });

  it('number outbox entries 1, 2, 3 and stamp them with increasing HLCs', () => {
    ({ engine } = testEngine());
    const clientId = uuidv4();
    engine.mutate('client.create', { id: clientId, name: 'A', code: 'AA' });
    engine.mutate('incident.create', { id: uuidv4(), clientId, title: 'Down', priority: 'P1' });
    engine.mutate('incident.create', { id: uuidv4(), clientId, title: 'Slow', priority: 'P3' });
    const entries = listOutbox(engine.db);
    expect(entries.map((e) => e.mutationId)).toEqual([1, 2, 3]);
    expect([...entries.map((e) => e.hlc)].sort()).toEqual(entries.map((e) => e.hlc));
  });

  it('leave nothing behind when a mutation is refused', () => {
    ({ engine } = testEngine());
    expect(() => engine.mutate('incident.create', { id: uuidv4(), clientId: uuidv4(), title: 'x', priority: 'P1' })).toThrow(
      /Unknown client/,
    );
    expect(() => engine.mutate('client.create', { id: uuidv4(), name: '', code: 'X1' })).toThrow(/must not be empty/);
    // A name from outside the program (a plugin, a stale outbox): refused at run time too.
    expect(() => engine.mutate('no.such' as never, {} as never)).toThrow(/Unknown mutation/);
    expect(count('clients') + count('incidents') + count('outbox') + count('audit')).toBe(0);
  });

  it('roll back the row when the outbox write fails mid-transaction', () => {
    ({ engine } = testEngine());
    engine.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => engine.mutate('client.create', { id: uuidv4(), name: 'A', code: 'AA' })).toThrow(/disk full/);
    expect(count('clients') + count('audit')).toBe(0);
  });

  it('refuse a duplicate client code', () => {
    ({ engine } = testEngine());
    engine.mutate('client.create', { id: uuidv4(), name: 'A', code: 'SAME' });
    expect(() => engine.mutate('client.create', { id: uuidv4(), name: 'B', code: 'same' })).toThrow(/already used by A/);
  });

  it('record before and after of an update in the audit trail', () => {
    ({ engine } = testEngine());
    const clientId = uuidv4();
    const id = uuidv4();
    engine.mutate('client.create', { id: clientId, name: 'A', code: 'AA' });
    engine.mutate('incident.create', { id, clientId, title: 'Down', priority: 'P2' });
    engine.mutate('incident.update', { id, priority: 'P1' });
    const rows = engine.db.prepare(`SELECT before, after FROM audit WHERE entity_id = ? ORDER BY seq`).all(id) as {
      before: string | null;
      after: string;
    }[];
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[1]!.before!).priority).toBe('P2');
    expect(JSON.parse(rows[1]!.after).priority).toBe('P1');
  });

  it('keep a hash chain that detects a tampered entry', () => {
    ({ engine } = testEngine());
    const clientId = uuidv4();
    engine.mutate('client.create', { id: clientId, name: 'A', code: 'AA' });
    for (let i = 0; i < 5; i += 1) engine.mutate('incident.create', { id: uuidv4(), clientId, title: `T${i}`, priority: 'P3' });
    expect(verifyAuditChain(engine.db)).toBeNull();
    // Someone with the file and a SQLite shell drops the guard and edits history:
    engine.db.exec('DROP TRIGGER audit_no_update');
    engine.db.prepare(`UPDATE audit SET actor_name = 'Mallory' WHERE seq = 3`).run();
    expect(verifyAuditChain(engine.db)).toEqual({ seq: 3, reason: 'content does not match its hash' });
  });

  it('accept an incident reported earlier but not one opened in the future', () => {
    const start = Date.parse('2026-03-02T09:00:00Z');
    ({ engine } = testEngine(start));
    const clientId = uuidv4();
    engine.mutate('client.create', { id: clientId, name: 'A', code: 'AA' });
    const id = uuidv4();
    engine.mutate('incident.create', { id, clientId, title: 'Phoned in', priority: 'P2', openedAt: '2026-03-02T08:15:00+01:00' });
    expect(engine.handlers.incidents.get({ id })).toMatchObject({ openedAt: '2026-03-02T07:15:00.000Z' });
    expect(() =>
      engine.mutate('incident.create', { id: uuidv4(), clientId, title: 'x', priority: 'P2', openedAt: '2026-03-03T00:00:00Z' }),
    ).toThrow(/future/);
  });

  it('delete a row with its outbox entry and an audit entry whose after is null; a wrong argument object is a type error', () => {
    ({ engine } = testEngine());
    const clientId = uuidv4();
    const id = uuidv4();
    engine.mutate('client.create', { id: clientId, name: 'A', code: 'AA' });
    engine.mutate('platform.create', { id, clientId, name: 'Portaal' });
    const outcome = engine.mutate('platform.delete', { id });
    expect(outcome.writes).toEqual([expect.objectContaining({ op: 'delete', table: 'platforms', before: expect.objectContaining({ id }) })]);
    expect(count('platforms')).toBe(0);
    expect(listOutbox(engine.db).map((e) => e.name)).toEqual(['client.create', 'platform.create', 'platform.delete']);
    const deleted = engine.db.prepare(`SELECT * FROM audit WHERE mutation = 'platform.delete'`).get() as { entity_id: string; before: string; after: string | null };
    expect(deleted).toMatchObject({ entity_id: id, after: null });
    expect(JSON.parse(deleted.before)).toMatchObject({ id, name: 'Portaal' });
    expect(verifyAuditChain(engine.db)).toBeNull();
    // Deleting it again: nothing to delete, nothing written.
    expect(() => engine.mutate('platform.delete', { id })).toThrow(/Unknown platform/);
    expect(count('outbox')).toBe(3);
    // @ts-expect-error platform.delete takes { id }, not a name
    expect(() => engine.mutate('platform.delete', { name: 'Portaal' })).toThrow(/id/);
  });
});
