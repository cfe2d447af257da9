import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer } from '../../server/testSupport';
import type { SyncRepairResult, SyncVerifyResult } from '../../shared/sync/verify';

/**
 * A laptop store restored from a backup (or one that lost its `-wal`) hands out outbox ids the
 * server already applied. Its new work must still reach the server under fresh ids, its old
 * pending work must not be applied twice, and verify and repair must find nothing lost.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function laptop(dataDir: string): Engine {
  const engine = openEngine({ dataDir });
  engine.ensureProfile('local');
  let closed = false;
  cleanups.push(() => {
    if (!closed) engine.close();
  });
  const close = engine.close.bind(engine);
  engine.close = () => {
    closed = true;
    close();
  };
  return engine;
}

async function call<T>(engine: Engine, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** The store file alone, as a backup tool (or a lost `-wal`) leaves it: the WAL's commits are not in it. */
function copyStoreWithoutWal(from: string): string {
  const to = tempDataDir();
  for (const name of fs.readdirSync(from)) {
    if (name.endsWith('-wal') || name.endsWith('-shm')) continue;
    fs.cpSync(path.join(from, name), path.join(to, name), { recursive: true });
  }
  return to;
}

const VARIANTS = ['a restored backup', 'a lost -wal'] as const;

describe.each(DIALECTS)('a laptop rolled back, against a %s office server', (dialect) => {
  it.each(VARIANTS)('after %s, loses nothing on either side and converges', async (variant) => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const dataDir = tempDataDir();
    let a = laptop(dataDir);
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    const create = (engine: Engine, title: string) => call(engine, 'incidents.create', { clientId: client.id, title, priority: 'P2' });
    await create(a, 'Gesynct voor de backup');
    await call(a, 'sync.now');
    // Pending when the backup is taken: pushed later by the original store, so it must not arrive twice.
    await create(a, 'Wachtend in de backup');

    a.db.pragma('wal_checkpoint(TRUNCATE)');
    let backup = '';
    if (variant === 'a restored backup') backup = copyStoreWithoutWal(dataDir);
    else a.db.pragma('wal_autocheckpoint = 0'); // from here on every commit stays in the -wal only

    await create(a, 'Na de backup 1');
    await create(a, 'Na de backup 2');
    await call(a, 'sync.now');
    if (variant === 'a lost -wal') backup = copyStoreWithoutWal(dataDir);
    a.close();

    a = laptop(backup);
    await create(a, 'Nieuw na het terugzetten 1');
    await create(a, 'Nieuw na het terugzetten 2');
    await call(a, 'sync.now');

    const titles = (await s.store.db.selectFrom('incidents').select('title').execute()).map((r) => r.title).sort();
    const expected = [
      'Gesynct voor de backup',
      'Na de backup 1',
      'Na de backup 2',
      'Nieuw na het terugzetten 1',
      'Nieuw na het terugzetten 2',
      'Wachtend in de backup',
    ];
    expect(titles).toEqual(expected);
    const local = () => (a.db.prepare('SELECT title FROM incidents ORDER BY title').all() as { title: string }[]).map((r) => r.title);
    expect(local()).toEqual(expected);

    const verified = await call<SyncVerifyResult>(a, 'sync.verify');
    expect(verified).toMatchObject({ comparable: true, pending: 0, divergent: [] });
    const repaired = await call<SyncRepairResult>(a, 'sync.repair', { tables: ['clients', 'incidents', 'incidentEvents'] });
    expect(repaired.tables.map((t) => t.removed)).toEqual([0, 0, 0]);
    expect(local()).toEqual(expected);

    // The store keeps numbering after the server's last id: more work syncs as usual.
    await create(a, 'Daarna');
    await call(a, 'sync.now');
    expect(await call<SyncVerifyResult>(a, 'sync.verify')).toMatchObject({ comparable: true, divergent: [] });
    expect((await s.store.db.selectFrom('incidents').select('title').execute()).length).toBe(expected.length + 1);
  });
});

describe('repair after work went missing from the outbox', () => {
  it('never deletes rows this laptop made that the server never had: it keeps and names them', async () => {
    const s = await startTestServer('sqlite');
    cleanups.push(() => s.close());
    const a = laptop(tempDataDir());
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne') });
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    await call(a, 'sync.now');
    // What the defect did: the outbox entry of a new incident dropped as if the server had it.
    const lost = await call<{ id: string }>(a, 'incidents.create', { clientId: client.id, title: 'Nooit aangekomen', priority: 'P2' });
    a.db.prepare(`DELETE FROM outbox WHERE state = 'pending'`).run();
    // A row nobody made here (no audit entry): a stray copy, which a repair does remove.
    const stray = '0190a5a8-0000-7000-8000-00000000beef';
    a.db
      .prepare(
        `INSERT INTO incidents (id, client_id, title, description, priority, status, opened_at, created_at, created_by, updated_at, field_versions)
         SELECT ?, client_id, 'Zwerfrij', description, priority, status, opened_at, created_at, created_by, updated_at, field_versions FROM incidents WHERE id = ?`,
      )
      .run(stray, lost.id);
    const repaired = await call<SyncRepairResult>(a, 'sync.repair', { tables: ['incidents', 'incidentEvents'] });
    expect(repaired.tables.find((t) => t.table === 'incidents')).toMatchObject({ removed: 1, kept: 1, unsynced: [lost.id] });
    const ids = (a.db.prepare('SELECT id FROM incidents').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([lost.id]);
  });
});
