import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import type { SyncRound, SyncStatus } from '../../shared/contract';
import { v7 as uuidv7 } from 'uuid';
import { auditHash, GENESIS_HASH } from '../../shared/auditChain';
import { auditContentOf, auditFromRecord } from '../../shared/sync/auditTrail';
import { contractTemplate } from '../../shared/domain/contract';
import { setRole } from '../../server/auth/devices';
import { asSystem } from '../../server/services/mutations';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';
import { call, runCli } from './harness';

/**
 * Roles end to end: real laptops (engines) paired with a real office server, one as an engineer
 * and one as a lead. The rule under test is contract.set's: leads and admins only.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function laptop(name: string): Engine {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile(name);
  cleanups.push(() => engine.close());
  return engine;
}

async function server(dialect: (typeof DIALECTS)[number]): Promise<TestServer> {
  const s = await startTestServer(dialect);
  cleanups.push(() => s.close());
  return s;
}

const contractsOn = (e: Engine) => e.db.prepare('SELECT count(*) FROM contracts').pluck().get();
// The contracts table is not in the server's typed schema (server/db/schema.ts): counted in plain SQL.
const contractsOnServer = async (s: TestServer) =>
  Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM contracts`.execute(s.store.db)).rows[0]!.n);

async function setContract(e: Engine, clientId: string, effectiveFrom: string) {
  const terms = await call(e, 'contracts.template', { costModel: 'all_in' });
  return dispatch(e, 'contracts.set', { clientId, effectiveFrom, terms });
}

describe.each(DIALECTS)('roles with a %s office server', (dialect) => {
  it("an engineer's contract is refused: by the server (rolled back on the laptop), then by the laptop itself", async () => {
    const s = await server(dialect);
    const a = laptop('sanne (local)');
    // Never paired: the local profile may do everything.
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    expect((await setContract(a, client.id, '2026-01-01')).ok).toBe(true);
    expect(contractsOn(a)).toBe(1);

    // Paired as an engineer: the work made before is pushed as theirs, and the server refuses the contract.
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    a.close();
    const cli = await runCli(a.dataDir, ['sync']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Pushed 1, pulled \d+, 1 rejected\./);
    expect(cli.stdout).toMatch(/Rejected: #2 contract\.set refused \(forbidden\): Changing a contract needs the lead role/);
    const again = openEngine({ dataDir: a.dataDir });
    cleanups.push(() => again.close());
    expect(contractsOn(again)).toBe(0);
    expect(await contractsOnServer(s)).toBe(0);
    expect((await s.store.db.selectFrom('clients').select('id').execute()).length).toBe(1);
    const status = await call<SyncStatus>(again, 'sync.status');
    expect(status.rejected.map((r) => [r.name, r.code])).toEqual([['contract.set', 'forbidden']]);

    // Now the laptop knows the role and refuses at once: nothing is saved, nothing queued.
    const refused = await setContract(again, client.id, '2026-02-01');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { role: 'lead' } } });
    expect(contractsOn(again)).toBe(0);
    expect((await call<SyncStatus>(again, 'sync.status')).pending).toBe(0);
  });

  it("a lead's contract is accepted; a role set on the server counts from the engineer's next push without pairing again", async () => {
    const s = await server(dialect);
    const lead = laptop('joris (local)');
    const a = laptop('sanne (local)');
    await call(lead, 'sync.login', { serverUrl: s.url, code: await s.engineer('Joris', undefined, 'lead') });
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    const client = await call<{ id: string }>(lead, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    expect((await setContract(lead, client.id, '2026-01-01')).ok).toBe(true);
    expect(await call<SyncRound>(lead, 'sync.now')).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await contractsOnServer(s)).toBe(1);

    await call(a, 'sync.now');
    expect(contractsOn(a)).toBe(1);
    expect((await setContract(a, client.id, '2026-02-01')).ok).toBe(false);

    // Promoted on the server: the laptop learns it from the engineers row its next pull brings.
    await setRole(s.store, 'sanne@agency.test', 'lead');
    await call(a, 'sync.now');
    expect((await setContract(a, client.id, '2026-02-01')).ok).toBe(true);
    expect(await call<SyncRound>(a, 'sync.now')).toMatchObject({ pushed: 1, rejected: 0 });
    expect(await contractsOnServer(s)).toBe(2);

    // Demoted again, while the laptop has not pulled yet: the server refuses, by the row it holds now.
    await setRole(s.store, 'sanne@agency.test', 'engineer');
    const row = a.db.prepare("SELECT role FROM engineers WHERE email = 'sanne@agency.test'").pluck();
    expect(row.get()).toBe('lead');
    expect((await setContract(a, client.id, '2026-03-01')).ok).toBe(true);
    expect(await call<SyncRound>(a, 'sync.now')).toMatchObject({ pushed: 0, rejected: 1 });
    expect(row.get()).toBe('engineer');
    expect(contractsOn(a)).toBe(2);
    expect(await contractsOnServer(s)).toBe(2);
  });

  it('the system actor opens an incident: it syncs to a laptop, audited as the system, the chain intact', async () => {
    const s = await server(dialect);
    const a = laptop('sanne (local)');
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    await call(a, 'sync.now');
    const system = asSystem('monitoring');
    const id = uuidv7();
    await s.server.mutations.runMutation(system, 'incident.create', {
      id,
      clientId: client.id,
      title: 'Monitoring: site down',
      priority: 'P1',
    });
    // The system may do what an engineer may not.
    await s.server.mutations.runMutation(system, 'contract.set', {
      id: uuidv7(),
      clientId: client.id,
      effectiveFrom: '2026-01-01',
      terms: contractTemplate('all_in'),
    });

    await call(a, 'sync.now');
    expect(a.db.prepare('SELECT title FROM incidents WHERE id = ?').pluck().get(id)).toBe('Monitoring: site down');
    expect(contractsOn(a)).toBe(1);
    const trail = await call<{ actorId: string; actorName: string; mutation: string }[]>(a, 'audit.forEntity', { entityId: id });
    expect(trail.map((e) => [e.actorId, e.actorName, e.mutation])).toEqual([['system', 'Vangnet (system)', 'incident.create']]);

    const rows = await s.store.db.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(rows.filter((r) => r.actor_id === 'system').map((r) => r.client_id)).toEqual(['server-monitoring', 'server-monitoring']);
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const content = auditContentOf(auditFromRecord(r));
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, content));
      prev = r.hash;
    }
  });
});
