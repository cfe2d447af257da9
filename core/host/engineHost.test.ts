import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../shared/storeHealth';
import { openEngine } from '../engine/engine';
import { takeBackup } from '../store/backups';
import { storeFile } from '../store/paths';
import { addClients, tempDataDir } from '../testSupport';
import { createEngineHost, type EngineHost } from './engineHost';

let host: EngineHost | undefined;
afterEach(() => host?.close());

/** A data folder with a verified backup of three clients, whose store was then overwritten. */
async function damagedDataDir(): Promise<{ dataDir: string; backup: string; garbage: Buffer }> {
  const dataDir = tempDataDir();
  const engine = openEngine({ dataDir });
  engine.ensureProfile('Test Engineer');
  addClients(engine, 3);
  const taken = await takeBackup(engine.db, dataDir, Date.parse('2026-03-02T09:00:00Z'), () => false);
  engine.close();
  if (!taken.ok) throw new Error(taken.reason);
  const garbage = Buffer.from('overwritten by a disk that lied '.repeat(512));
  fs.writeFileSync(storeFile(dataDir), garbage);
  return { dataDir, backup: taken.backup.name, garbage };
}

describe('the engine host', () => {
  it('offers the backups when the store cannot be opened, restores one and serves the engine again', async () => {
    const { dataDir, backup, garbage } = await damagedDataDir();
    host = createEngineHost({ dataDir });
    const events: string[] = [];
    host.subscribe((name) => events.push(name));

    const before = await host.call('store.status', {});
    expect(before).toMatchObject({
      ok: true,
      value: { open: false, error: { code: 'store_corrupt' }, damage: { source: 'open' }, backups: [{ name: backup }] },
    });
    expect(await host.call('clients.list', {})).toMatchObject({ ok: false, error: { code: 'store_corrupt' } });

    const restored = await host.call('store.restore', { name: backup });
    expect(restored).toMatchObject({ ok: true, value: { open: true, damage: null, error: null } });
    expect(events).toContain('store.status');
    const clients = await host.call('clients.list', {});
    expect(clients.ok && (clients.value as unknown[]).length).toBe(3);
    expect(await host.call('clients.create', { name: 'After the restore' })).toMatchObject({ ok: true });

    const [aside] = fs.readdirSync(path.join(dataDir, 'damaged'));
    expect(fs.readFileSync(path.join(dataDir, 'damaged', aside!, 'vangnet.sqlite3')).equals(garbage)).toBe(true);
  });

  it('refuses a restore of a name that is not a backup, keeping the store as it was', async () => {
    const { dataDir } = await damagedDataDir();
    host = createEngineHost({ dataDir });
    expect(await host.call('store.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(await host.call('store.restore', { name: 'vangnet-2020-01-01T00-00-00-000Z.sqlite3' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const status = (await host.call('store.status', {})) as { ok: true; value: StoreStatus };
    expect(status.value).toMatchObject({ open: false, damage: { source: 'open' } });
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });
});
