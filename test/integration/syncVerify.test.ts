import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../core/cli/main';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';

/**
 * Divergence detection end to end (DESIGN.md sync guard 6): a real office server on loopback and
 * real laptops with their own SQLite files. A laptop's store is tampered with behind the mutations'
 * back; `sync.verify` must name the tables that differ, and `sync.repair` must set them back without
 * losing a change still waiting to be pushed.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
});

function laptop(dataDir = tempDataDir()): Engine {
  const engine = openEngine({ dataDir });
  engine.ensureProfile('local');
  cleanups.push(() => engine.close());
  return engine;
}

async function call<T>(engine: Engine, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function server(dialect: (typeof DIALECTS)[number]): Promise<TestServer> {
  const s = await startTestServer(dialect);
  cleanups.push(() => s.close());
  return s;
}

/** Two paired laptops; the first made a client with a contract and platform, and an incident with a timeline. */
async function world(dialect: (typeof DIALECTS)[number]) {
  const s = await server(dialect);
  const a = laptop();
  const b = laptop();
  await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne', undefined, 'lead') });
  await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris') });
  const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
  const terms = await call(a, 'contracts.template', { costModel: 'all_in' });
  await call(a, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms });
  await call(a, 'platforms.create', { clientId: client.id, name: 'Portaal', url: 'https://zorgplein.test' });
  const incident = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Plat', priority: 'P2' });
  await call(a, 'incidents.setStatus', { id: incident.id, to: 'in_progress' });
  await call(a, 'incidents.reply', { id: incident.id, body: 'We kijken ernaar' });
  await call(a, 'sync.now');
  await call(b, 'sync.now');
  return { s, a, b, client, incident };
}

describe.each(DIALECTS)('verifying laptops against a %s office server', (dialect) => {
  it('finds the laptops equal, names the tables a tampered store differs in, and repairs them keeping a pending change', async () => {
    const { a, b, incident } = await world(dialect);
    const onA = await call<SyncVerifyResult>(a, 'sync.verify');
    const onB = await call<SyncVerifyResult>(b, 'sync.verify');
    expect(onA).toMatchObject({ comparable: true, reason: null, pending: 0, divergent: [] });
    expect(onB).toMatchObject({ comparable: true, divergent: [] });
    expect(onA.cursor).toBe(onA.seq);
    expect(onB.tables).toEqual(onA.tables);
    const counts = Object.fromEntries(onB.tables.map((t) => [t.table, t.local.count]));
    expect(counts).toEqual({
      clients: 1,
      incidents: 1,
      incidentEvents: 2,
      contracts: 1,
      platforms: 1,
      engineers: 2,
      settings: 0,
      timeEntries: 0,
      budgetLines: 0,
      changeRequests: 0,
      monthCloses: 0,
      budgetNotices: 0,
    });

    // Behind the mutations' back: a title edited under the same field stamp, a timeline entry gone.
    b.db.prepare('UPDATE incidents SET title = ? WHERE id = ?').run('Gesaboteerd', incident.id);
    b.db.prepare(`DELETE FROM incident_events WHERE incident_id = ? AND data LIKE '%"reply"%'`).run(incident.id);
    const tampered = await call<SyncVerifyResult>(b, 'sync.verify');
    expect(tampered).toMatchObject({ comparable: true, divergent: ['incidents', 'incidentEvents'] });
    expect(tampered.tables.find((t) => t.table === 'incidentEvents')).toMatchObject({ local: { count: 1 }, server: { count: 2 } });
    // An ordinary pull does not heal it: the merge sees equal stamps and keeps the local value.
    await call(b, 'sync.now');
    expect((await call<SyncVerifyResult>(b, 'sync.verify')).divergent).toEqual(['incidents', 'incidentEvents']);

    // A change made now waits in the outbox; the repair must keep it.
    await call(b, 'incidents.update', { id: incident.id, priority: 'P1' });
    expect(b.sync.status().pending).toBe(1);
    const repair = await call<SyncRepairResult>(b, 'sync.repair', { tables: ['incidentEvents', 'incidents'] });
    expect(repair.tables).toEqual([
      expect.objectContaining({ table: 'incidents', fetched: 1, updated: 1, removed: 0 }),
      // the priority change's own timeline entry is local only, and kept
      expect.objectContaining({ table: 'incidentEvents', fetched: 2, inserted: 1, removed: 0, kept: 1 }),
    ]);
    expect(b.sync.status().pending).toBe(1);
    const repaired = await call<{ title: string; priority: string }>(b, 'incidents.get', { id: incident.id });
    expect(repaired).toMatchObject({ title: 'Plat', priority: 'P1' });

    // Verify pushes the pending change first, then compares: equal again, on both laptops.
    const after = await call<SyncVerifyResult>(b, 'sync.verify');
    expect(after).toMatchObject({ comparable: true, pending: 0, divergent: [] });
    await call(a, 'sync.now');
    expect(await call<SyncVerifyResult>(a, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    expect(await call<{ priority: string }>(a, 'incidents.get', { id: incident.id })).toMatchObject({ priority: 'P1' });
  });

  it('removes rows the server never had, but keeps what a pending change made', async () => {
    const { b, client } = await world(dialect);
    b.db
      .prepare('INSERT INTO engineers (id, name, email, role, active) VALUES (?, ?, ?, ?, 1)')
      .run('ghost', 'Spook', 'spook@agency.test', 'engineer');
    b.db.prepare('UPDATE platforms SET stack = ? WHERE client_id = ?').run('PHP 5', client.id);
    expect((await call<SyncVerifyResult>(b, 'sync.verify')).divergent).toEqual(['platforms', 'engineers']);
    await call(b, 'platforms.create', { clientId: client.id, name: 'Nieuw portaal' }); // pending
    const repair = await call<SyncRepairResult>(b, 'sync.repair', { tables: ['platforms', 'engineers'] });
    expect(repair.tables).toEqual([
      expect.objectContaining({ table: 'engineers', fetched: 2, removed: 1, kept: 0 }),
      expect.objectContaining({ table: 'platforms', fetched: 1, updated: 1, removed: 0, kept: 1 }),
    ]);
    expect((await call<{ name: string }[]>(b, 'platforms.list', { clientId: client.id })).map((p) => p.name).sort()).toEqual([
      'Nieuw portaal',
      'Portaal',
    ]);
    expect(await call<SyncVerifyResult>(b, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
  });

  it('says when the two sides cannot be compared yet', async () => {
    const { b } = await world(dialect);
    // The server forgot everything (say, restored from an old backup): the laptop is past its seq.
    b.db.prepare(`UPDATE meta SET value = '999999' WHERE key = 'sync.cursor'`).run();
    const verdict = await call<SyncVerifyResult>(b, 'sync.verify');
    expect(verdict).toMatchObject({ comparable: false, tables: [], divergent: [] });
    expect(verdict.reason).toMatch(/past the server/);
  });

  it('`vangnet sync --verify` prints the verdict and exits non-zero when a table differs; --repair fixes it', async () => {
    const { b } = await world(dialect);
    const home = b.dataDir;
    b.close();
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const vangnet = async (...args: string[]) => {
      stdout = '';
      const code = await main(['node', 'vangnet', '--home', home, ...args]);
      return { code, out: stdout };
    };
    const equal = await vangnet('sync', '--verify', '--json');
    expect(equal.code).toBe(0);
    expect(JSON.parse(equal.out)).toMatchObject({ verify: { comparable: true, divergent: [] }, repair: null });

    const tamper = laptop(home);
    tamper.db.prepare(`UPDATE clients SET name = 'Iemand anders'`).run();
    tamper.close();
    const differs = await vangnet('sync', '--verify');
    expect(differs.code).toBe(3);
    expect(differs.out).toMatch(/clients\s+1 [0-9a-f]{16}\s+1 [0-9a-f]{16}\s+DIFFERS/);
    expect(differs.out).toContain('vangnet sync --repair');

    const repaired = await vangnet('sync', '--repair', '--json');
    expect(repaired.code).toBe(0);
    expect(JSON.parse(repaired.out)).toMatchObject({
      repair: { tables: [{ table: 'clients', updated: 1 }] },
      verify: { comparable: true, divergent: [] },
    });
  });
});
