import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';
import { PullResponse } from '../../shared/sync/protocol';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';

/**
 * A delete end to end: a tombstone made on laptop A goes through the office server (SQLite or
 * PostgreSQL) to laptop B, is audited with after = null, leaves both sides' checksums equal, keeps a
 * new laptop's bootstrap free of the row, and guides a repair.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function laptop(): Engine {
  const engine = openEngine({ dataDir: tempDataDir() });
  engine.ensureProfile('local');
  cleanups.push(() => engine.close());
  return engine;
}

async function call<T>(engine: Engine, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function paired(s: TestServer, name: string, role: 'engineer' | 'lead' = 'engineer'): Promise<Engine> {
  const engine = laptop();
  await call(engine, 'sync.login', { serverUrl: s.url, code: await s.engineer(name, undefined, role) });
  return engine;
}

const platformIds = (engine: Engine) => engine.db.prepare('SELECT id FROM platforms ORDER BY id').pluck().all();

describe.each(DIALECTS)('deleting a row through a %s office server', (dialect) => {
  it('removes it on every laptop, audits it, keeps checksums equal, leaves it out of a bootstrap and guides a repair', async () => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const a = await paired(s, 'Sanne', 'lead');
    const b = await paired(s, 'Joris');
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const gone = await call<{ id: string }>(a, 'platforms.create', { clientId: client.id, name: 'Portaal' });
    const kept = await call<{ id: string }>(a, 'platforms.create', { clientId: client.id, name: 'Intranet' });
    await call(a, 'sync.now');
    await call(b, 'sync.now');
    expect(platformIds(b)).toEqual([gone.id, kept.id].sort());
    // Deleting is for leads: an engineer's laptop refuses it before writing anything.
    expect(() => b.mutate('platform.delete', { id: gone.id })).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(platformIds(b)).toEqual([gone.id, kept.id].sort());

    a.mutate('platform.delete', { id: gone.id });
    expect(platformIds(a)).toEqual([kept.id]);
    await call(a, 'sync.now');
    await call(b, 'sync.now');
    expect(platformIds(b)).toEqual([kept.id]);

    // The server's change log holds a tombstone; its audit trail the delete, after = null.
    const tombstone = await s.store.db.selectFrom('changes').select('row').where('row_id', '=', gone.id).executeTakeFirstOrThrow();
    expect(tombstone.row).toBe('null');
    const audit = await s.store.db.selectFrom('audit').selectAll().where('mutation', '=', 'platform.delete').execute();
    expect(audit).toEqual([expect.objectContaining({ entity: 'platform', entity_id: gone.id, after: null })]);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ id: gone.id, name: 'Portaal' });

    // Checksums count the row nowhere: both laptops agree with the server.
    for (const engine of [a, b]) {
      const verdict = await call<SyncVerifyResult>(engine, 'sync.verify');
      expect(verdict).toMatchObject({ comparable: true, divergent: [] });
      expect(verdict.tables.find((t) => t.table === 'platforms')).toMatchObject({ local: { count: 1 }, server: { count: 1 } });
    }

    // A laptop paired now never holds it.
    const c = await paired(s, 'Nadia');
    await call(c, 'sync.now');
    expect(platformIds(c)).toEqual([kept.id]);
    expect(await call<SyncVerifyResult>(c, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });

    // The row comes back on A behind the mutations' back (A made it, so an unknown row would be
    // kept as A's own unsynced work); the server's tombstone says it was deleted: repair removes it.
    a.db
      .prepare(
        `INSERT INTO platforms (id, client_id, name, url, stack, environments, created_at, created_by, field_versions)
         SELECT ?, client_id, 'Portaal', NULL, '', '["production"]', created_at, created_by, field_versions FROM platforms WHERE id = ?`,
      )
      .run(gone.id, kept.id);
    expect((await call<SyncVerifyResult>(a, 'sync.verify')).divergent).toEqual(['platforms']);
    const repair = await call<SyncRepairResult>(a, 'sync.repair', { tables: ['platforms'] });
    expect(repair.tables).toEqual([expect.objectContaining({ table: 'platforms', removed: 1, kept: 0, unsynced: [] })]);
    expect(platformIds(a)).toEqual([kept.id]);
    expect(await call<SyncVerifyResult>(a, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
  });

  it('hands out a tombstone as row null in a pull', async () => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const a = await paired(s, 'Sanne', 'lead');
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const platform = await call<{ id: string }>(a, 'platforms.create', { clientId: client.id, name: 'Portaal' });
    a.mutate('platform.delete', { id: platform.id });
    await call(a, 'sync.now');
    const token = a.db.prepare(`SELECT value FROM meta WHERE key = 'sync.token'`).pluck().get() as string | undefined;
    expect(token).toBeTruthy();
    const res = await fetch(`${s.url}/sync/v1/pull?after=0`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = PullResponse.parse(await res.json());
    expect(page.changes.filter((ch) => ch.table === 'platforms')).toEqual([expect.objectContaining({ id: platform.id, row: null })]);
  });
});
