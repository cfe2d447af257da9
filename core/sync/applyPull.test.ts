import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import { auditHash } from '../../shared/auditChain';
import { countParked } from '../repos/parked';
import { testEngine } from '../testSupport';
import { applyChanges, undoRejected } from './applyPull';

const stamp = '001772442000000:000000:dev';
const client = {
  id: '0c000000-0000-7000-8000-000000000001',
  name: 'Acme',
  code: 'ACME',
  createdAt: '2026-03-02T09:00:00.000Z',
  createdBy: 'e1',
  fieldVersions: { name: stamp, code: stamp },
};
const incident = {
  id: '01000000-0000-7000-8000-000000000001',
  clientId: client.id,
  title: 'Webshop traag',
  description: '',
  priority: 'P2',
  status: 'acknowledged',
  openedAt: '2026-03-02T09:00:00.000Z',
  createdAt: '2026-03-02T09:00:00.000Z',
  createdBy: 'e1',
  updatedAt: '2026-03-02T09:05:00.000Z',
  assigneeId: null,
  category: null,
  fieldVersions: { title: stamp, status: stamp },
};
const event = {
  id: '0e000000-0000-7000-8000-000000000001',
  incidentId: incident.id,
  at: '2026-03-02T09:05:00.000Z',
  data: { kind: 'status', from: 'new', to: 'acknowledged' },
  actorId: 'e1',
  actorName: 'Sanne',
  createdAt: '2026-03-02T09:05:00.000Z',
  hlc: stamp,
  fieldVersions: {},
};
const change = (seq: number, table: string, row: { id: string } & Record<string, unknown>): Change => ({ seq, table, id: row.id, row });

describe('applying pulled pages', () => {
  it('applies parents first within a page, and parks a row whose parent comes in a later page', () => {
    const { engine } = testEngine();
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    // Page 1: the timeline entry (its incident was updated since, so listed later) and the client.
    const first = apply([change(3, 'incidentEvents', event), change(5, 'clients', client)]);
    expect(first.touched).toEqual(new Set(['clients']));
    expect(countParked(engine.db)).toBe(1);
    // Page 2 brings the incident: the entry waiting for it is applied with it and reported.
    const second = apply([change(9, 'incidents', incident)]);
    expect(second.unparked.map((c) => c.id)).toEqual([event.id]);
    expect(countParked(engine.db)).toBe(0);
    expect(engine.db.prepare('SELECT incident_id FROM incident_events').all()).toEqual([{ incident_id: incident.id }]);
    // Within one page the order of the log does not matter.
    const { engine: other } = testEngine();
    other.db.transaction(() =>
      applyChanges(
        other.db,
        [change(3, 'incidentEvents', event), change(9, 'incidents', incident), change(5, 'clients', client)],
        () => undefined,
      ),
    )();
    expect(countParked(other.db)).toBe(0);
    expect(other.db.prepare('SELECT count(*) AS n FROM incident_events').get()).toEqual({ n: 1 });
  });

  it("takes the server's creator and timeline actor for work made before pairing", () => {
    const { engine } = testEngine();
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    // The laptop's copies, written under the profile it had before pairing.
    apply([
      change(1, 'clients', { ...client, createdBy: 'old-profile' }),
      change(2, 'incidents', { ...incident, createdBy: 'old-profile' }),
    ]);
    apply([change(3, 'incidentEvents', { ...event, actorId: 'old-profile', actorName: 'me' })]);
    // The server re-ran the same mutations as the paired engineer: same stamps, another creator.
    apply([change(4, 'clients', client), change(5, 'incidents', incident), change(6, 'incidentEvents', event)]);
    const creators = engine.db.prepare('SELECT created_by FROM clients UNION ALL SELECT created_by FROM incidents').all();
    expect(creators).toEqual([{ created_by: 'e1' }, { created_by: 'e1' }]);
    expect(engine.db.prepare('SELECT actor_id, actor_name FROM incident_events').all()).toEqual([{ actor_id: 'e1', actor_name: 'Sanne' }]);
  });

  it("takes the server's value of a field written under the same stamp: the server re-ran this laptop's mutation on its own state", () => {
    const { engine } = testEngine();
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    apply([change(1, 'clients', client), change(2, 'incidents', incident)]);
    // Here the ticket was still a question; on the server the same mutation met a change request.
    apply([change(3, 'incidents', { ...incident, category: 'cms_help', fieldVersions: { ...incident.fieldVersions, category: stamp } })]);
    apply([change(4, 'incidents', { ...incident, category: 'new_functionality', fieldVersions: { ...incident.fieldVersions, category: stamp } })]);
    expect(engine.db.prepare('SELECT category FROM incidents').get()).toEqual({ category: 'new_functionality' });
    // A newer local write still wins over an older server stamp.
    const newer = '001772442000001:000000:dev';
    apply([change(5, 'incidents', { ...incident, category: 'bugfix', fieldVersions: { ...incident.fieldVersions, category: newer } })]);
    apply([change(6, 'incidents', { ...incident, category: 'security', fieldVersions: { ...incident.fieldVersions, category: stamp } })]);
    expect(engine.db.prepare('SELECT category FROM incidents').get()).toEqual({ category: 'bugfix' });
  });

  it('refuses a page carrying an audit entry whose hash does not cover its content, storing nothing', () => {
    const { engine } = testEngine();
    const content = {
      at: '2026-03-02T09:00:00.000Z',
      hlc: stamp,
      actorId: 'e1',
      actorName: 'Sanne',
      deviceId: 'd1',
      mutation: 'client.create',
      entity: 'clients',
      entityId: client.id,
      before: null,
      after: { name: 'Acme' },
    };
    const prevHash = '0'.repeat(64);
    const entry = { id: 1, ...content, prevHash, hash: auditHash(prevHash, content) };
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    const tampered = { ...entry, id: 2, after: { name: 'Acme (budget raised)' } };
    expect(() => apply([change(1, 'clients', client), change(2, 'audit', tampered as never)])).toThrow(/fails its check/);
    expect(engine.db.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: 0 });
    apply([change(3, 'audit', entry as never)]);
    expect(engine.db.prepare('SELECT count(*) AS n FROM audit_synced').get()).toEqual({ n: 1 });
  });

  it("keeps a settings field set here and not yet pushed when the server's row holds it unstamped", () => {
    const { engine } = testEngine();
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    const later = '001772442000001:000000:b';
    // This laptop turned idle detection off; another made the row first with a threshold only.
    apply([change(1, 'settings', { id: 'team', idleThresholdMinutes: 10, idleDetection: false, fieldVersions: { idleDetection: later } })]);
    apply([
      change(2, 'settings', { id: 'team', idleThresholdMinutes: 20, idleDetection: true, fieldVersions: { idleThresholdMinutes: stamp } }),
    ]);
    expect(engine.db.prepare('SELECT idle_threshold_minutes, idle_detection FROM settings').get()).toEqual({
      idle_threshold_minutes: 20,
      idle_detection: 0,
    });
  });

  it('applies tombstones: children before parents, never an append-only row, a parked row dropped, a row still referred to kept', () => {
    const { engine } = testEngine();
    const apply = (changes: Change[]) => engine.db.transaction(() => applyChanges(engine.db, changes, () => undefined))();
    const tombstone = (seq: number, table: string, id: string): Change => ({ seq, table, id, row: null });
    const count = (table: string) => engine.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    apply([change(1, 'clients', client), change(2, 'incidents', incident), change(3, 'incidentEvents', event)]);
    const other = { ...client, id: '0c000000-0000-7000-8000-000000000002', code: 'OTHER' };
    const waiting = { ...incident, id: '01000000-0000-7000-8000-000000000002', clientId: '0c000000-0000-7000-8000-00000000ffff' };
    const child = { ...incident, id: '01000000-0000-7000-8000-000000000003', clientId: other.id };
    apply([change(4, 'clients', other), change(5, 'incidents', waiting), change(6, 'incidents', child)]);
    expect(countParked(engine.db)).toBe(1);

    // The client is listed before its incident: the incident still goes first. Timeline entries are never deleted.
    const page = apply([
      tombstone(7, 'clients', other.id),
      tombstone(8, 'incidentEvents', event.id),
      tombstone(9, 'incidents', waiting.id),
      tombstone(10, 'incidents', child.id),
    ]);
    expect(page.touched).toEqual(new Set(['clients', 'incidents']));
    // The rows removed, as they were (their SLA feed moves clocks); the parked one was never stored.
    expect(page.removed.map((r) => [r.table, r.id])).toEqual([
      ['incidents', child.id],
      ['clients', other.id],
    ]);
    expect(page.removed[1]!.row).toMatchObject({ code: 'OTHER' });
    expect(count('clients')).toBe(1);
    expect(count('incidents')).toBe(1);
    expect(count('incident_events')).toBe(1);
    expect(countParked(engine.db)).toBe(0);

    // An incident still refers to this client here: the client stays until that is settled.
    expect(apply([tombstone(11, 'clients', client.id)]).touched).toEqual(new Set());
    expect(count('clients')).toBe(1);
    // A tombstone of a row this laptop never had changes nothing.
    expect(apply([tombstone(12, 'platforms', '0b000000-0000-7000-8000-000000000001')]).touched).toEqual(new Set());
  });

  it('brings back a row a refused delete removed here', () => {
    const { engine } = testEngine();
    engine.db.transaction(() => applyChanges(engine.db, [change(1, 'clients', client)], () => undefined))();
    const platform = {
      id: '0b000000-0000-7000-8000-000000000001',
      clientId: client.id,
      name: 'Portaal',
      url: null,
      stack: '',
      environments: ['production'],
      createdAt: client.createdAt,
      createdBy: 'e1',
      fieldVersions: { name: stamp },
    };
    engine.db.transaction(() => applyChanges(engine.db, [change(2, 'platforms', platform)], () => undefined))();
    const outcome = engine.mutate('platform.delete', { id: platform.id });
    expect(engine.db.prepare('SELECT count(*) FROM platforms').pluck().get()).toBe(0);
    const touched = engine.db.transaction(() =>
      undoRejected(
        engine.db,
        [{ mutationId: 1, error: { code: 'forbidden', message: 'no' }, rows: [{ table: 'platforms', id: platform.id, row: platform }] }],
        () => outcome.hlc,
      ),
    )();
    expect(touched).toEqual(new Set(['platforms']));
    expect(engine.db.prepare('SELECT name FROM platforms').pluck().all()).toEqual(['Portaal']);
  });

  it('unstamps a field the refused mutation stamped when the server holds it unstamped: a refused merge leaves the ticket as the server has it', () => {
    const { engine } = testEngine();
    // Stamped before this laptop's clock, so the merge made here writes over them.
    const early = '001772441000000:000000:dev';
    const ticket = { ...incident, updatedAt: '2026-03-02T08:43:20.000Z', fieldVersions: { title: early, status: early } };
    const survivor = { ...ticket, id: '01000000-0000-7000-8000-000000000002', title: 'Webshop traag (2)' };
    engine.db.transaction(() =>
      applyChanges(engine.db, [change(1, 'clients', client), change(2, 'incidents', ticket), change(3, 'incidents', survivor)], () => undefined),
    )();
    const outcome = engine.mutate('incident.merge', { survivorId: survivor.id, mergedIds: [incident.id] });
    const row = (id: string) => {
      const r = engine.db.prepare('SELECT status, merged_into AS mergedInto, updated_at AS updatedAt, field_versions AS v FROM incidents WHERE id = ?').get(id) as Record<string, unknown>;
      return { ...r, v: JSON.parse(r.v as string) as Record<string, string> };
    };
    expect(row(incident.id)).toMatchObject({ status: 'closed', mergedInto: survivor.id, v: { mergedInto: outcome.hlc } });
    // The server refused it (the other laptop merged the survivor away first); it never stamped `mergedInto` on this ticket.
    engine.db.transaction(() =>
      undoRejected(
        engine.db,
        [
          {
            mutationId: 1,
            error: { code: 'conflict', message: 'merged' },
            rows: [
              { table: 'incidents', id: survivor.id, row: survivor },
              { table: 'incidents', id: incident.id, row: ticket },
            ],
          },
        ],
        () => outcome.hlc,
      ),
    )();
    expect(row(incident.id)).toEqual({ status: 'acknowledged', mergedInto: null, updatedAt: ticket.updatedAt, v: ticket.fieldVersions });
  });
});
