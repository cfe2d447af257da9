import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../core/cli/main';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { verifySyncedAudit } from '../../core/repos/auditSynced';
import { httpTransport } from '../../core/sync/transport';
import { tempDataDir } from '../../core/testSupport';
import type { AuditHistoryResult } from '../../shared/contract';
import type { AuditEntry } from '../../shared/domain/audit';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';

/**
 * A laptop that pairs after an incident was made bootstraps without the other laptops' audit
 * history; opening the incident's history fetches it from the office server, verified.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

/** A laptop whose network can be cut: requests then go to a port where nothing listens. */
function laptop(name: string, dataDir = tempDataDir()): Engine & { network: { down: boolean } } {
  const network = { down: false };
  const engine = openEngine({ dataDir, transportFor: (url, token) => httpTransport(network.down ? 'http://127.0.0.1:9' : url, token) });
  engine.ensureProfile(name);
  cleanups.push(() => engine.close());
  return Object.assign(engine, { network });
}

async function call<T>(engine: Engine, name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const trail = (e: Engine, entityId: string) => call<AuditEntry[]>(e, 'audit.forEntity', { entityId });
const summary = (entries: AuditEntry[]) => entries.map((x) => `${x.actorName}: ${x.mutation}${x.synced ? '' : ' (local)'}`);

async function server(dialect: (typeof DIALECTS)[number]): Promise<TestServer> {
  const s = await startTestServer(dialect);
  cleanups.push(() => s.close());
  return s;
}

/** Sanne's laptop makes an incident and works on it, synced; returns its id. */
async function sanneWorks(s: TestServer): Promise<{ a: Engine; incidentId: string }> {
  const a = laptop('sanne');
  await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne de Boer') });
  const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
  const incident = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Website traag', priority: 'P3' });
  await call(a, 'incidents.update', { id: incident.id, title: 'Website traag sinds deploy' });
  await call(a, 'incidents.acknowledge', { id: incident.id });
  await call(a, 'incidents.update', { id: incident.id, priority: 'P2' });
  await call(a, 'sync.now', {});
  return { a, incidentId: incident.id };
}

describe.each(DIALECTS)('audit history on a laptop paired later, %s office server', (dialect) => {
  it('fetches the history the bootstrap left out, then keeps it current with ordinary pulls', async () => {
    const s = await server(dialect);
    const { a, incidentId } = await sanneWorks(s);
    expect((await trail(a, incidentId)).length).toBeGreaterThanOrEqual(4);

    const b = laptop('joris');
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris Bakker') });
    // Sanne works on after Joris paired: the log now ends in her audit entry, after the incident row.
    await call(a, 'incidents.note', { id: incidentId, body: 'Cache geleegd' });
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(await trail(b, incidentId)).toEqual([]); // the bootstrap brought the incident, not its history
    // …and its cursor went past the history it left out: the next pull brings none of it.
    expect((await call<{ pulled: number }>(b, 'sync.now', {})).pulled).toBe(0);
    const onA = await trail(a, incidentId);

    const fetched = await call<AuditHistoryResult>(b, 'audit.fetchHistory', { entityId: incidentId });
    expect(fetched).toEqual({ fetched: onA.length, complete: true, problem: null });
    const onB = await trail(b, incidentId);
    expect(summary(onB)).toEqual(summary(onA));
    expect(onB.map((x) => x.hash)).toEqual(onA.map((x) => x.hash));
    expect(onB.every((x) => x.actorName === 'Sanne de Boer' && x.synced)).toBe(true);
    expect(verifySyncedAudit(b.db)).toBeNull();

    // Complete now: later entries, Joris's own and Sanne's, arrive with pulls; the server isn't asked again.
    await call(b, 'incidents.update', { id: incidentId, title: 'Website plat' });
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    await call(a, 'incidents.update', { id: incidentId, priority: 'P1' });
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(await call(b, 'audit.fetchHistory', { entityId: incidentId })).toEqual({ fetched: 0, complete: true, problem: null });
    expect(summary(await trail(b, incidentId))).toEqual(summary(await trail(a, incidentId)));
    expect(verifySyncedAudit(b.db)).toBeNull();
    expect(verifySyncedAudit(a.db)).toBeNull();
  });

  it('offline: shows what the laptop holds and says the history is incomplete; online again, fetches it', async () => {
    const s = await server(dialect);
    const { a, incidentId } = await sanneWorks(s);
    const b = laptop('joris');
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris Bakker') });
    await call(b, 'sync.now', {});
    await call(b, 'incidents.update', { id: incidentId, title: 'Website plat' });

    b.network.down = true;
    const offline = await call<AuditHistoryResult>(b, 'audit.fetchHistory', { entityId: incidentId });
    expect(offline).toMatchObject({ fetched: 0, complete: false });
    // An error value the UI translates, not the network's words.
    expect(offline.problem).toMatchObject({ code: 'unavailable', key: 'sync.offline' });
    expect(offline.problem?.message).toMatch(/Cannot reach the office server/);
    expect(summary(await trail(b, incidentId))).toEqual(['Joris Bakker: incident.update (local)']);

    b.network.down = false;
    await call(b, 'sync.now', {});
    expect(await call(b, 'audit.fetchHistory', { entityId: incidentId })).toMatchObject({ complete: true });
    const onB = await trail(b, incidentId);
    expect(summary(onB)).toEqual(['Joris Bakker: incident.update', ...summary(await trail(a, incidentId))]);
  });

  it('refuses a history the server has tampered with, storing none of it', async () => {
    const s = await server(dialect);
    const { incidentId } = await sanneWorks(s);
    const b = laptop('joris');
    await call(b, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris Bakker') });
    await call(b, 'sync.now', {});

    // Someone with access to the server's database rewrites who did the first edit.
    const first = await s.store.db
      .selectFrom('audit')
      .select('id')
      .where('entity_id', '=', incidentId)
      .where('mutation', '=', 'incident.update')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await s.store.db.updateTable('audit').set({ actor_name: 'Mallory' }).where('id', '=', first.id).execute();

    const result = await dispatch(b, 'audit.fetchHistory', { entityId: incidentId });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && result.error.message).toMatch(
      new RegExp(`audit entry ${Number(first.id)} for ${incidentId} cannot be verified: its content does not match its hash`),
    );
    expect(await trail(b, incidentId)).toEqual([]);
  });

  it('`vangnet audit ID` fetches the history the same way', async () => {
    const s = await server(dialect);
    const { a, incidentId } = await sanneWorks(s);
    const home = tempDataDir();
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const cli = (...args: string[]) => main(['node', 'vangnet', '--home', home, ...args]);
    expect(await cli('login', '--server', s.url, '--code', await s.engineer('Joris Bakker'))).toBe(0);
    stdout = '';
    expect(await cli('audit', incidentId, '--local', '--json')).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ entries: [], complete: null });
    stdout = '';
    expect(await cli('audit', incidentId, '--json')).toBe(0);
    const shown = JSON.parse(stdout) as { entries: AuditEntry[]; complete: boolean };
    expect(shown.complete).toBe(true);
    expect(summary(shown.entries)).toEqual(summary(await trail(a, incidentId)));
    stdout = '';
    expect(await cli('audit', incidentId)).toBe(0);
    expect(stdout).toMatch(/Sanne de Boer\s+incident\.update\s+priority\s+server/);
  });
});
