import type { SyncStatus } from '../../shared/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { countParked } from '../../core/repos/parked';
import { isSearchIndexDeferred } from '../../core/repos/search';
import { tempDataDir } from '../../core/testSupport';
import { loadGenerated } from '../fixtures/dataGenerator';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';

/**
 * Real office server on loopback, real laptops (engines) with their own SQLite files, talking
 * HTTP. The laptops' clocks are controlled so "who wrote last" is known in advance.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function laptop(name: string): Engine & { at(ms: number): void } {
  let now = Date.now() - 3600_000;
  const engine = openEngine({ dataDir: tempDataDir(), now: () => now });
  engine.ensureProfile(name);
  cleanups.push(() => engine.close());
  return Object.assign(engine, { at: (ms: number) => (now = ms) });
}

async function call<T>(engine: Engine, name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

function snapshot(engine: Engine) {
  return {
    clients: engine.db.prepare('SELECT id, name, code, field_versions FROM clients ORDER BY id').all(),
    incidents: engine.db
      .prepare('SELECT id, client_id, title, description, priority, status, field_versions FROM incidents ORDER BY id')
      .all(),
  };
}

async function server(dialect: (typeof DIALECTS)[number]): Promise<TestServer> {
  const s = await startTestServer(dialect);
  cleanups.push(() => s.close());
  return s;
}

describe.each(DIALECTS)('laptops syncing through a %s office server', (dialect) => {
  it('pushes work made before pairing, bootstraps a second laptop, and converges on concurrent edits', async () => {
    const s = await server(dialect);
    const t0 = Date.now() - 60_000;
    const a = laptop('sanne (local)');
    const b = laptop('joris (local)');

    // Sanne worked offline before the laptop was ever paired.
    a.at(t0);
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
    const incident = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Website traag', priority: 'P3' });
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne de Boer') });
    expect(a.profile()).toMatchObject({ name: 'Sanne de Boer' });
    const first = await call<{ pushed: number }>(a, 'sync.now', {});
    expect(first.pushed).toBe(2);

    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris Bakker') });
    await call(b, 'sync.now', {});
    expect(snapshot(b)).toEqual(snapshot(a));
    const engineersOnB = await call<{ name: string }[]>(b, 'engineers.list', {});
    expect(engineersOnB.map((e) => e.name)).toEqual(['Joris Bakker', 'Sanne de Boer']);

    // Both edit the same incident offline; Joris's title is the later write.
    a.at(t0 + 10_000);
    await call(a, 'incidents.update', { id: incident.id, title: 'Website traag sinds deploy', description: 'Na de release van 9:00' });
    b.at(t0 + 20_000);
    await call(b, 'incidents.update', { id: incident.id, title: 'Website plat', priority: 'P1' });

    // Sync in the "wrong" order: the later writer first.
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(snapshot(a)).toEqual(snapshot(b));
    const final = await call<{ title: string; priority: string; description: string }>(a, 'incidents.get', { id: incident.id });
    expect(final).toMatchObject({ title: 'Website plat', priority: 'P1', description: 'Na de release van 9:00' });

    // Both edits stay in the trail, with who made them.
    const trail = await call<{ actorName: string; mutation: string; synced: boolean }[]>(a, 'audit.forEntity', { entityId: incident.id });
    expect(
      trail
        .filter((e) => e.mutation === 'incident.update')
        .map((e) => e.actorName)
        .sort(),
    ).toEqual(['Joris Bakker', 'Sanne de Boer']);
    expect(trail.every((e) => e.synced)).toBe(true);
  });

  it('bootstraps a laptop in bulk, with the search index rebuilt once at the end', async () => {
    const s = await server(dialect);
    const a = laptop('sanne (local)');
    const now = Date.now() + 60_000;
    a.at(now);
    loadGenerated(a, { seed: 5, clients: 2, incidents: 1100 });
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne de Boer', undefined, 'lead') });
    await call(a, 'sync.now', {});
    const b = laptop('joris (local)');
    b.at(now);
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris Bakker') });
    const round = await call<{ pulled: number }>(b, 'sync.now', {});
    expect(round.pulled).toBeGreaterThan(1100); // more than one page: the bulk path
    expect(isSearchIndexDeferred(b.db)).toBe(false);
    const count = (e: Engine) => (e.db.prepare('SELECT count(*) AS n FROM incident_search').get() as { n: number }).n;
    expect(count(b)).toBe(1100);
    const search = async (e: Engine) =>
      (await call<{ total: number; rows: { id: string }[] }>(e, 'incidents.list', { search: 'traag', limit: 500 })).rows
        .map((r) => r.id)
        .sort();
    const found = await search(b);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(await search(a));
    // Timeline entries listed before their incident (updated since) waited for it: none is left waiting.
    expect(countParked(b.db)).toBe(0);
    const timeline = (e: Engine) => e.db.prepare('SELECT id FROM incident_events ORDER BY id').all();
    expect(timeline(b)).toEqual(timeline(a));
    // The SLA cache settled in bulk equals the one kept row by row.
    const cache = (e: Engine) =>
      e.db
        .prepare(
          'SELECT incident_id, client_id, open, due_at, at_risk_at, breached_at, paused, contract_id FROM incident_sla ORDER BY incident_id',
        )
        .all();
    expect(cache(b)).toEqual(cache(a));
    expect(cache(b).filter((r) => (r as { contract_id: string | null }).contract_id !== null).length).toBeGreaterThan(0);
  }, 60_000);

  it('replicates contracts and timelines, so both laptops show the same clocks offline', async () => {
    const s = await server(dialect);
    const a = laptop('a');
    const b = laptop('b');
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne', undefined, 'lead') });
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris') });
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const terms = await call(a, 'contracts.template', { costModel: 'all_in' });
    await call(a, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms });
    const incident = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Plat', priority: 'P1' });
    await call(a, 'incidents.setStatus', { id: incident.id, to: 'waiting_on_client' });
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    type Clock = { state: string; dueAt: string | null; stoppedAt: string | null; targetMinutes: number | null };
    type Detail = { sla: { contractId: string; response: Clock; resolution: Clock } };
    const pick = (d: Detail) => ({
      contractId: d.sla.contractId,
      response: { state: d.sla.response.state, stoppedAt: d.sla.response.stoppedAt, target: d.sla.response.targetMinutes },
      resolution: { state: d.sla.resolution.state, target: d.sla.resolution.targetMinutes },
    });
    const onA = await call<Detail>(a, 'incidents.get', { id: incident.id });
    const onB = await call<Detail>(b, 'incidents.get', { id: incident.id });
    expect(onB.sla.resolution.state).toBe('paused');
    expect(pick(onB)).toEqual(pick(onA));
    await call(b, 'incidents.setStatus', { id: incident.id, to: 'in_progress' });
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    expect((await call<{ data: { to?: string } }[]>(a, 'incidents.timeline', { id: incident.id })).map((e) => e.data.to)).toEqual([
      'waiting_on_client',
      'in_progress',
    ]);
  });

  it('the same engineer on two laptops sees work from the other without reload', async () => {
    const s = await server(dialect);
    const one = laptop('x');
    const two = laptop('x');
    await call(one, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne de Boer', 'sanne@agency.test') });
    const second = await s.store.db.selectFrom('engineers').select('id').executeTakeFirstOrThrow();
    const { issuePairingCode } = await import('../../server/auth/devices');
    const code = (await issuePairingCode(s.store.db, second.id)).pairingCode;
    await call(two, 'sync.login', { serverUrl: s.url, code });
    one.sync.start();
    two.sync.start();
    const changed = new Promise<void>((resolve) =>
      two.subscribe(
        (name, payload) => name === 'data.changed' && (payload as { tables: string[] }).tables.includes('clients') && resolve(),
      ),
    );
    await call(one, 'clients.create', { name: 'Museum aan de Maas' });
    await changed;
    expect((await call<{ name: string }[]>(two, 'clients.list', {})).map((c) => c.name)).toEqual(['Museum aan de Maas']);
  });

  it('undoes a refused mutation locally and shows it with its reason', async () => {
    const s = await server(dialect);
    const a = laptop('a');
    const b = laptop('b');
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris') });
    await call(a, 'clients.create', { name: 'Bakkerij A', code: 'BAKK' });
    await call(b, 'clients.create', { name: 'Bakkerij B', code: 'BAKK' });
    await call(a, 'sync.now', {});
    const round = await call<{ rejected: number }>(b, 'sync.now', {});
    expect(round.rejected).toBe(1);
    const status = await call<{ rejected: { error: string }[]; pending: number }>(b, 'sync.status', {});
    expect(status.pending).toBe(0);
    expect(status.rejected[0]!.error).toMatch(/BAKK is already used/);
    // Its key and params came along, so the UI words it in Dutch too.
    expect(status.rejected[0]).toMatchObject({ code: 'conflict', key: 'client.codeTaken', params: { code: 'BAKK', by: 'Bakkerij A' } });
    expect((await call<{ name: string }[]>(b, 'clients.list', {})).map((c) => c.name)).toEqual(['Bakkerij A']);
  });

  it('refuses a revoked device and keeps its local work', async () => {
    const s = await server(dialect);
    const a = laptop('a');
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    const device = await s.store.db.selectFrom('devices').select('id').executeTakeFirstOrThrow();
    const { revokeDevice } = await import('../../server/auth/devices');
    await revokeDevice(s.store, device.id);
    await call(a, 'clients.create', { name: 'Kept locally' });
    const result = await dispatch(a, 'sync.now', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const status = await call<SyncStatus>(a, 'sync.status', {});
    expect(status.pending).toBe(1);
    // The round's failure as data for the UI, beside the English for the CLI.
    expect(status).toMatchObject({ state: 'error', lastErrorCode: 'unauthorized', lastErrorKey: 'server.badToken', lastErrorParams: null });
    expect(status.lastError).toBe('Missing, unknown or revoked device token');
  });
});
