import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { prng } from '../../core/demo/generator';
import { dispatch } from '../../core/engine/dispatch';
import { openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { addEngineer } from '../../server/auth/devices';
import type { ServerDb } from '../../server/db/connect';
import { DIALECTS, processStore, startServerProcess, type TestDialect } from '../../server/testSupport';
import type { SyncVerifyResult } from '../../shared/sync/verify';
import { call, harnessSeed, soakOr, startProxy } from './harness';

/**
 * The office server SIGKILLed mid-push: a real `vangnet-server serve` process on SQLite and on
 * PostgreSQL, a laptop pushing a large outbox through a proxy that hears each push go by, the
 * server killed a seeded moment after a push request reached it, then restarted on the same store.
 * In the end every mutation must be applied exactly once and both sides hold the same rows.
 */
const KILLS = soakOr(3, 12);
const INCIDENTS = soakOr(400, 1_000); // three mutations each: a push carries at most 1,000
const seed = harnessSeed(17);

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
}, 60_000);

/** An empty server store of the dialect, and the `vangnet-server` arguments that open it. */
async function serverStore(dialect: TestDialect): Promise<{ args: string[]; connect(): Promise<ServerDb> }> {
  const store = await processStore(dialect);
  cleanups.push(store.drop);
  return store;
}

describe.each(DIALECTS)('the office server killed mid-push (%s)', (dialect) => {
  it(`applies every mutation exactly once across ${KILLS} kills`, async () => {
    const rand = prng(seed);
    const store = await serverStore(dialect);
    let server = await startServerProcess(store.args);
    cleanups.push(() => server.stop());
    const proxy = await startProxy();
    cleanups.push(() => proxy.close());
    proxy.target(Number(new URL(server.url).port));
    const db = await store.connect();
    cleanups.push(() => db.close());
    const { pairingCode } = await addEngineer(db, { name: 'Sanne', email: 'sanne@agency.test', role: 'engineer' });

    const laptop = openEngine({ dataDir: tempDataDir() });
    cleanups.push(() => laptop.close());
    laptop.ensureProfile('Sanne');
    await call(laptop, 'sync.login', { serverUrl: proxy.url, code: pairingCode });
    // A large outbox, made offline: creates, status changes and replies (the last two append-only,
    // so a mutation applied twice would show as a second timeline entry).
    const client = await call<{ id: string }>(laptop, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    for (let i = 0; i < INCIDENTS; i += 1) {
      const incident = await call<{ id: string }>(laptop, 'incidents.create', { clientId: client.id, title: `Storing ${i}`, priority: 'P3' });
      await call(laptop, 'incidents.setStatus', { id: incident.id, to: 'in_progress' });
      await call(laptop, 'incidents.reply', { id: incident.id, body: `Antwoord ${i}` });
    }
    const total = (laptop.db.prepare('SELECT max(mutation_id) AS n FROM outbox').get() as { n: number }).n;

    const applied = async () =>
      Number((await db.db.selectFrom('sync_clients').select('last_mutation_id').executeTakeFirst())?.last_mutation_id ?? 0);
    let interrupted = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const before = await applied();
      const delay = Math.floor(rand() * 600);
      proxy.onPush(() => setTimeout(() => server.child.kill('SIGKILL'), delay));
      const result = await call(laptop, 'sync.now').then(
        () => 'synced',
        () => 'failed',
      );
      proxy.onPush(undefined);
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      if (result === 'failed') interrupted += 1;
      process.stdout.write(`serverKill ${dialect}: kill ${kill + 1} after ${delay} ms: sync ${result}, applied ${before} -> ${await applied()} of ${total}\n`);
      server = await startServerProcess(store.args);
      proxy.target(Number(new URL(server.url).port));
    }
    // As the sync loop would: try again until a sync gets through (a push can outlast a request's
    // timeout on a busy machine; the server then skips what it applied).
    for (let attempt = 1; ; attempt += 1) {
      const result = await dispatch(laptop, 'sync.now', {});
      if (result.ok) break;
      if (attempt === 5) throw new Error(`sync.now: ${result.error.code}: ${result.error.message}`);
    }

    // Exactly once: one server audit entry per (mutation, row), every mutation id up to the last.
    expect(await applied()).toBe(total);
    const perMutation = await db.db
      .selectFrom('audit')
      .select(['mutation_id', 'entity_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['mutation_id', 'entity_id'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(perMutation).toEqual([]);
    const distinct = await db.db.selectFrom('audit').select((eb) => eb.fn.count<number>('mutation_id').distinct().as('n')).executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(total);
    // The timeline table is reached through the shared table specs, not the typed schema.
    const events = await sql<{ n: number }>`SELECT count(*) AS n FROM incident_events`.execute(db.db);
    expect(Number(events.rows[0]?.n)).toBe(INCIDENTS * 2);
    const verdict = await call<SyncVerifyResult>(laptop, 'sync.verify');
    expect(verdict).toMatchObject({ comparable: true, pending: 0, divergent: [] });
    expect(Object.fromEntries(verdict.tables.map((t) => [t.table, t.local.count]))).toMatchObject({
      clients: 1,
      incidents: INCIDENTS,
      incidentEvents: INCIDENTS * 2,
    });
    process.stdout.write(`serverKill ${dialect}: ${KILLS} kills, ${interrupted} interrupted a sync, ${total} mutations applied once each\n`);
  }, KILLS * 60_000); // 180 s for the 3 of `npm test`; a soak gets its count's share
});
