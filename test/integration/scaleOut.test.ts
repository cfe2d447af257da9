import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { addEngineer } from '../../server/auth/devices';
import { connectServerDb } from '../../server/db/connect';
import { PG_URL, startServerProcess } from '../../server/testSupport';

/**
 * Two office-server processes over one PostgreSQL database, as behind a load balancer: a laptop
 * on each, and a change made through one process reaches the laptop on the other in real time
 * (LISTEN/NOTIFY carries the poke between processes).
 */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function startProcess(databaseUrl: string) {
  const started = await startServerProcess(['--database-url', databaseUrl]);
  cleanups.push(() => started.stop());
  return started;
}

describe('scale-out on PostgreSQL', () => {
  it('two server processes share one database and pass realtime pokes to each other', async () => {
    const dbName = `vt_scale_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    // Both start at once: the migration lock must let exactly one of them migrate.
    const [one, two] = await Promise.all([startProcess(url.toString()), startProcess(url.toString())]);

    const store = await connectServerDb({ databaseUrl: url.toString() });
    const codeA = (await addEngineer(store, { name: 'Sanne', email: 'sanne@agency.test', role: 'engineer' })).pairingCode;
    const codeB = (await addEngineer(store, { name: 'Joris', email: 'joris@agency.test', role: 'engineer' })).pairingCode;
    await store.close();

    const laptops: Engine[] = [];
    for (const [server, code] of [
      [one, codeA],
      [two, codeB],
    ] as const) {
      const engine = openEngine({ dataDir: tempDataDir() });
      engine.ensureProfile('x');
      cleanups.unshift(() => engine.close());
      const paired = await dispatch(engine, 'sync.login', { serverUrl: server.url, code });
      expect(paired.ok).toBe(true);
      engine.sync.start();
      laptops.push(engine);
    }
    const [a, b] = laptops as [Engine, Engine];
    await new Promise<void>((resolve) => {
      const check = () => b.sync.status().connected && a.sync.status().connected && resolve();
      const timer = setInterval(check, 20);
      cleanups.push(() => clearInterval(timer));
    });

    const arrived = new Promise<number>((resolve) => {
      const started = Date.now();
      b.subscribe((name, payload) => {
        if (name === 'data.changed' && (payload as { tables: string[] }).tables.includes('clients')) resolve(Date.now() - started);
      });
    });
    const created = await dispatch(a, 'clients.create', { name: 'Tulpenveiling Holland', code: 'TULP' });
    expect(created.ok).toBe(true);
    await arrived;
    const onB = await dispatch(b, 'clients.list', {});
    expect(onB).toMatchObject({ ok: true, value: [{ code: 'TULP', name: 'Tulpenveiling Holland' }] });
  }, 60_000);
});
